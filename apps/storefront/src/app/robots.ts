import type { MetadataRoute } from "next";
import { getEnv } from "~/env";
import { absoluteUrl } from "~/lib/seo";

export const dynamic = "force-dynamic";

/** Crawlers may read the catalogue; a buyer's own pages and the API are nobody's search result. */
export default function robots(): MetadataRoute.Robots {
  const base = getEnv().STOREFRONT_URL;
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/account", "/cart", "/checkout", "/orders", "/sign-in", "/sign-up", "/api/"] },
    sitemap: absoluteUrl(base, "/sitemap.xml"),
  };
}
