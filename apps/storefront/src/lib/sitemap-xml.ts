// The sitemaps protocol's XML (sitemaps.org): an index naming paged files, each listing URLs with
// the time they last changed. Written here rather than with Next's sitemap convention, which has
// no index for split sitemaps.

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const lastmod = (date: Date | null) => (date ? `<lastmod>${date.toISOString()}</lastmod>` : "");

export function sitemapIndexXml(files: { url: string; lastModified: Date | null }[]): string {
  const body = files.map((file) => `<sitemap><loc>${escapeXml(file.url)}</loc>${lastmod(file.lastModified)}</sitemap>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</sitemapindex>\n`;
}

export function urlSetXml(entries: { url: string; lastModified: Date | null }[]): string {
  const body = entries.map((entry) => `<url><loc>${escapeXml(entry.url)}</loc>${lastmod(entry.lastModified)}</url>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</urlset>\n`;
}

/** "products-0.xml" <-> { kind: "products", page: 0 } */
export const sitemapFileName = (kind: string, page: number) => `${kind}-${page}.xml`;

export function parseSitemapFileName(name: string): { kind: "products" | "categories" | "shops"; page: number } | null {
  const match = /^(products|categories|shops)-(\d{1,5})\.xml$/.exec(name);
  if (!match) return null;
  return { kind: match[1] as "products" | "categories" | "shops", page: Number(match[2]) };
}

export const XML_HEADERS = { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" };
