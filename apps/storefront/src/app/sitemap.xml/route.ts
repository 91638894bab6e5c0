import { getEnv } from "~/env";
import { absoluteUrl } from "~/lib/seo";
import { sitemapFileName, sitemapIndexXml, XML_HEADERS } from "~/lib/sitemap-xml";
import { publicApi } from "~/server/public-api";

export const dynamic = "force-dynamic";

/** The sitemap index: one file per kind of page (products, categories, shops) and per 10,000 entries. */
export async function GET() {
  const base = getEnv().STOREFRONT_URL;
  const files = await publicApi.catalog.sitemapIndex();
  return new Response(
    sitemapIndexXml(files.map((file) => ({ url: absoluteUrl(base, `/sitemaps/${sitemapFileName(file.kind, file.page)}`), lastModified: file.lastModified }))),
    { headers: XML_HEADERS },
  );
}
