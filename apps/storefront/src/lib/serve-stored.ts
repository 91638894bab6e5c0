// A stored page answered by the proxy itself. Next's own way to a hit (the rewrite, a second
// routing pass, a new IncrementalCache, the app-page handler) cost about as much CPU again as
// writing the page. Next still compresses what the proxy answers (it drops a Content-Encoding
// set here), so stored pages cannot be kept compressed.

/** What cache-handler.mjs's readStoredPage gives (on globalThis: that file is not bundled with this one). */
interface StoredPage {
  html: Buffer;
  status: number;
  headers: Record<string, unknown>;
  cacheControl?: { revalidate?: number | false; expire?: number };
}
type ReadStoredPage = (key: string) => Promise<StoredPage | null>;

const READ_STORED_PAGE = Symbol.for("bazaar.pageCache.readStoredPage");
/** The stored tags are for expiry only; Next leaves them off the response too. */
const CACHE_TAGS_HEADER = "x-next-cache-tags";
/** The same as Next's for a stored page: the router's requests get the RSC payload instead. */
const VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];

/** Next's Cache-Control for a stored page (getCacheControlHeader in next/dist/server/lib/cache-control). */
export function cacheControlHeader(cacheControl: StoredPage["cacheControl"]): string {
  const { revalidate, expire } = cacheControl ?? {};
  const swr = typeof revalidate === "number" && expire !== undefined && revalidate < expire ? `, stale-while-revalidate=${expire - revalidate}` : "";
  return `s-maxage=${typeof revalidate === "number" ? revalidate : 31536000}${swr}`;
}

/**
 * The response for a browser's request of a stored page, or null when Next must answer it: not a
 * page load (the client router's RSC requests, server actions), no stored copy that may be served
 * now, or the page cache not loaded yet in this process (it loads with the first page rendered).
 */
export async function serveStoredPage(storedPath: string, request: Request): Promise<Response | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (ROUTER_HEADERS.some((name) => request.headers.has(name))) return null;
  const read = (globalThis as Record<symbol, ReadStoredPage | undefined>)[READ_STORED_PAGE];
  const page = read ? await read(storedPath) : null;
  if (!page) return null;

  const headers = new Headers();
  for (const [name, value] of Object.entries(page.headers)) {
    if (name === CACHE_TAGS_HEADER || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, String(one));
  }
  headers.set("content-type", "text/html; charset=utf-8");
  headers.set("cache-control", cacheControlHeader(page.cacheControl));
  headers.set("vary", VARY);
  headers.set("x-nextjs-cache", "HIT");
  headers.set("x-nextjs-prerender", "1");
  return new Response(request.method === "HEAD" ? null : storedBytes(page.html), { status: page.status, headers });
}

/**
 * The stored bytes as a stream of one chunk: a Response made from bytes copies them first (undici's
 * extractBody), ~165 KB per hit; a stream hands Next the stored Buffer itself, which it writes to the
 * socket as it is (and never changes).
 */
function storedBytes(html: Buffer): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(html);
      controller.close();
    },
  });
}
