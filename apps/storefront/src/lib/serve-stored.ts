// Stored pages answered without Next's page path. Two ways in, one answer (storedAnswer):
// - serveStoredRequest, called by the storefront's server (server.mjs) before Next sees the
//   request: a hit there costs ~0.2 ms of CPU, against ~1.5 ms through Next's router, the proxy's
//   NextRequest and web streams (bench/README.md, session 13);
// - serveStoredPage, called by the proxy: under `next dev`, and for the first requests of a
//   process, before the proxy's module (which registers the first way) has loaded.
// Next compresses what the proxy answers (it drops a Content-Encoding set there), so the proxy's
// way sends the page as stored; the server's way compresses each stored page once (gzipOnce).
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { databaseIsDown } from "@bazaar/db/availability";
import { acceptsGzip, headerText } from "@bazaar/api/http/node-answer";
import { storedPageSecurityHeaders } from "@bazaar/api/http/security-headers";
import { storedPagePath } from "./stored-pages";

/** What cache-handler.mjs's readStoredPage gives (on globalThis: that file is not bundled with this one). */
interface StoredPage {
  html: Buffer;
  status: number;
  headers: Record<string, unknown>;
  cacheControl?: { revalidate?: number | false; expire?: number };
}
type ReadStoredPage = (key: string) => Promise<StoredPage | null>;

const READ_STORED_PAGE = Symbol.for("bazaar.pageCache.readStoredPage");
/** Where server.mjs finds serveStoredRequest once the proxy's module has loaded. */
const SERVE_STORED_REQUEST = Symbol.for("bazaar.storefront.serveStoredRequest");
/** Stored headers not sent as stored: the tags are for expiry only (Next leaves them off too); the rest are set below. */
const NOT_SENT = new Set(["x-next-cache-tags", "vary", "content-type", "cache-control", "x-nextjs-cache", "x-nextjs-prerender"]);
/** The same as Next's for a stored page: the router's requests get the RSC payload instead. */
const VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];

/** Next's Cache-Control for a stored page (getCacheControlHeader in next/dist/server/lib/cache-control). */
export function cacheControlHeader(cacheControl: StoredPage["cacheControl"]): string {
  const { revalidate, expire } = cacheControl ?? {};
  const swr = typeof revalidate === "number" && expire !== undefined && revalidate < expire ? `, stale-while-revalidate=${expire - revalidate}` : "";
  return `s-maxage=${typeof revalidate === "number" ? revalidate : 31536000}${swr}`;
}

interface StoredAnswer {
  status: number;
  /** Next's headers for the page, without the security headers (the proxy and next.config add those). */
  headers: [string, string][];
  html: Buffer;
}

/**
 * The stored page a browser's request may be answered with, or null when Next must answer it: not
 * a page load (the client router's RSC requests, server actions), no stored copy that may be
 * served now, or the page cache not loaded yet in this process (it loads with the first page rendered).
 */
async function storedAnswer(storedPath: string, method: string | undefined, hasHeader: (name: string) => boolean): Promise<StoredAnswer | null> {
  if (method !== "GET" && method !== "HEAD") return null;
  if (ROUTER_HEADERS.some(hasHeader)) return null;
  const read = (globalThis as Record<symbol, ReadStoredPage | undefined>)[READ_STORED_PAGE];
  const page = read ? await read(storedPath) : null;
  if (!page) return null;

  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(page.headers)) {
    if (NOT_SENT.has(name.toLowerCase()) || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.push([name, String(one)]);
  }
  headers.push(
    ["content-type", "text/html; charset=utf-8"],
    ["cache-control", cacheControlHeader(page.cacheControl)],
    ["x-nextjs-cache", "HIT"],
    ["x-nextjs-prerender", "1"],
  );
  return { status: page.status, headers, html: page.html };
}

/** The proxy's answer for a stored page (null: Next renders or serves it its own way). */
export async function serveStoredPage(storedPath: string, request: Request): Promise<Response | null> {
  const answer = await storedAnswer(storedPath, request.method, (name) => request.headers.has(name));
  if (!answer) return null;
  const headers = new Headers(answer.headers);
  headers.set("vary", VARY);
  return new Response(request.method === "HEAD" ? null : storedBytes(answer.html), { status: answer.status, headers });
}

/**
 * Answers the request from the page cache when the proxy would have, with the same response (its
 * headers, next.config's, the stored page's policy), and says whether it did; false leaves the
 * request to Next untouched. While the database is away Next answers (the proxy's 503 page).
 */
export async function serveStoredRequest(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const storedPath = storedPagePath(url);
  // The database's state first, as the proxy does: a flag while it is up, and no page read (a
  // Redis round trip when shared) for a request Next answers 503 anyway.
  if (!storedPath || (await databaseIsDown())) return false;
  const answer = await storedAnswer(storedPath, req.method, (name) => req.headers[name] !== undefined);
  if (!answer) return false;

  const requestHeaders = { get: (name: string) => headerText(req.headers[name]) };
  const headers = [...storedPageSecurityHeaders("storefront", url, requestHeaders), ...answer.headers];
  // As Next's compression does: Vary names Accept-Encoding whether or not this client takes gzip.
  headers.push(["vary", `${VARY}, Accept-Encoding`]);
  const body = acceptsGzip(headerText(req.headers["accept-encoding"])) ? await gzipOnce(answer.html) : answer.html;
  if (body !== answer.html) headers.push(["content-encoding", "gzip"]);
  headers.push(["content-length", String(body.length)]);
  res.writeHead(answer.status, headers.flat());
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

/** Makes serveStoredRequest reachable from server.mjs (called by the proxy's module as it loads). */
export function offerStoredPagesToServer(): void {
  (globalThis as Record<symbol, unknown>)[SERVE_STORED_REQUEST] = serveStoredRequest;
}

// Each stored page is compressed once, not per request as Next does (~1 ms for 165 KB). Keyed by
// the stored Buffer itself: the page cache keeps one per stored version and drops it when the page
// is expired or replaced, and this entry goes with it.
const gzipped = new WeakMap<Buffer, Promise<Buffer>>();
const gzipAsync = promisify(gzip);
function gzipOnce(html: Buffer): Promise<Buffer> {
  let compressed = gzipped.get(html);
  if (!compressed) gzipped.set(html, (compressed = gzipAsync(html)));
  return compressed;
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
