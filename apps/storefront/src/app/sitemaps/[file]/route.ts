import { getEnv } from "~/env";
import { absoluteUrl } from "~/lib/seo";
import { parseSitemapFileName, urlSetXml, XML_HEADERS } from "~/lib/sitemap-xml";
import { publicApi } from "~/server/public-api";

export const dynamic = "force-dynamic";

/** One sitemap file, e.g. /sitemaps/products-0.xml. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const parsed = parseSitemapFileName((await params).file);
  if (!parsed) return new Response("No such sitemap.", { status: 404 });
  const base = getEnv().STOREFRONT_URL;
  const entries = await publicApi.catalog.sitemap(parsed);
  return new Response(urlSetXml(entries.map((entry) => ({ url: absoluteUrl(base, entry.path), lastModified: entry.lastModified }))), { headers: XML_HEADERS });
}
