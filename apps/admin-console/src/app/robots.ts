import type { MetadataRoute } from "next";

/** Nothing in a console is for search engines. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", disallow: "/" } };
}
