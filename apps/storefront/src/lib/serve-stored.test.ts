import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cacheControlHeader, serveStoredPage, serveStoredRequest } from "./serve-stored";

// The proxy's hits, through the real page cache (cache-handler.mjs, embedded: this process's
// memory), as Next stores pages in it: keyed by route hash and path, tagged, with a time limit.
interface Handler {
  get(key: string, ctx: object): Promise<unknown>;
  set(key: string, data: unknown, ctx: object): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
}
let handler: Handler;

beforeAll(async () => {
  vi.stubEnv("REDIS_URL", undefined);
  const { default: PageCacheHandler } = (await import(/* @vite-ignore */ new URL("../../cache-handler.mjs", import.meta.url).href)) as {
    default: new () => Handler;
  };
  handler = new PageCacheHandler();
});
afterEach(() => vi.useRealTimers());

const ROUTE = "/route-cache/APP_PAGE/270e7f585e8c465aef91dbf4abcfef9e96b019baf2a7c180abbd9e662fda4364/$";
let pages = 0;

/** A page as Next hands it to the handler after a render, and the path the proxy knows it by. */
async function storePage(html: string, tags: string[]) {
  const path = `/c/lamps-${++pages}/_`;
  await handler.set(
    ROUTE + path,
    { kind: "APP_PAGE", html, rscData: Buffer.from("0:{}"), status: 200, headers: { "x-next-cache-tags": tags.join(",") } },
    { cacheControl: { revalidate: 3600, expire: 31536000 } },
  );
  return path;
}

const visit = (path: string, init: RequestInit = {}) => serveStoredPage(path, new Request(`http://shop.test${path}`, init));

describe("stored pages answered by the proxy", () => {
  it("sends the stored HTML as Next would, without the tags", async () => {
    const path = await storePage("<html><head></head><body>Desk lamp ★ $39.00</body></html>", ["catalog", "listings"]);
    const response = await visit(path);
    expect(response?.status).toBe(200);
    expect(await response?.text()).toContain("Desk lamp ★ $39.00");
    expect(response?.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(response?.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response?.headers.get("cache-control")).toBe("s-maxage=3600, stale-while-revalidate=31532400");
    expect(response?.headers.get("vary")).toMatch(/^rsc, next-router-state-tree/);
    expect(response?.headers.has("x-next-cache-tags")).toBe(false);
    // The stored page carries its scripts' policy, written as it was stored.
    expect(await (await visit(path))?.text()).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy"/);

    const head = await visit(path, { method: "HEAD" });
    expect(head?.status).toBe(200);
    expect(head?.body).toBeNull();
  });

  it("leaves the client router's requests, other methods and unknown pages to Next", async () => {
    const path = await storePage("<html><head></head><body>Floor lamp</body></html>", ["listings"]);
    expect(await visit(path, { headers: { rsc: "1" } })).toBeNull();
    expect(await visit(path, { headers: { "next-router-prefetch": "1" } })).toBeNull();
    expect(await visit(path, { method: "POST", body: "x", headers: { "next-action": "abc" } })).toBeNull();
    expect(await visit("/c/never-rendered/_")).toBeNull();
  });

  it("never serves a page after one of its tags was expired", async () => {
    const path = await storePage("<html><head></head><body>Suspended shop's lamp</body></html>", ["listings", "shop:s1"]);
    expect((await visit(path))?.status).toBe(200);
    await handler.revalidateTag("shop:s1");
    expect(await visit(path)).toBeNull();
    // Next's own lookup agrees: a miss, so the page is rendered again.
    expect(await handler.get(ROUTE + path, {})).toBeNull();
  });

  it("leaves a page past its time limit to Next, which renders it again", async () => {
    const path = await storePage("<html><head></head><body>Old lamp</body></html>", ["listings"]);
    vi.useFakeTimers({ now: Date.now() + 3599_000, toFake: ["Date"] });
    expect((await visit(path))?.status).toBe(200);
    vi.setSystemTime(Date.now() + 1_000);
    expect(await visit(path)).toBeNull();
  });

  it("writes Next's Cache-Control", () => {
    expect(cacheControlHeader({ revalidate: 3600, expire: 31536000 })).toBe("s-maxage=3600, stale-while-revalidate=31532400");
    expect(cacheControlHeader({ revalidate: 60 })).toBe("s-maxage=60");
    expect(cacheControlHeader(undefined)).toBe("s-maxage=31536000");
  });
});

// The storefront's server (server.mjs) answers the same pages before Next: a real HTTP server here,
// with "Next" standing for whatever serveStoredRequest leaves.
describe("stored pages answered by the storefront's server", () => {
  let server: http.Server;
  let origin = "";
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      serveStoredRequest(req, res).then(
        (served) => served || res.writeHead(299, { "x-answered-by": "next" }).end(),
        (error: Error) => res.writeHead(500).end(error.message),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** The public address of a stored listing page (/c/lamps-N for /c/lamps-N/_). */
  const publicPath = (stored: string) => stored.replace(/\/_$/, "");
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    fetch(origin + path, { method, headers: { "accept-encoding": "identity", ...headers } });

  it("sends what the proxy sends, with next.config's headers and the stored page's policy", async () => {
    const stored = await storePage("<html><head></head><body>Reading lamp ★ $25.00</body></html>", ["catalog", "listings"]);
    const viaServer = await get(publicPath(stored));
    const viaProxy = await serveStoredPage(stored, new Request(`http://shop.test${stored}`));
    expect(viaServer.status).toBe(200);
    const body = await viaServer.text();
    expect(body).toBe(await viaProxy?.text());
    expect(viaServer.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
    for (const name of ["content-type", "cache-control", "x-nextjs-cache", "x-nextjs-prerender"]) {
      expect(viaServer.headers.get(name), name).toBe(viaProxy?.headers.get(name));
    }
    expect(viaServer.headers.get("vary")).toBe(`${viaProxy?.headers.get("vary")}, Accept-Encoding`);
    expect(viaServer.headers.has("x-next-cache-tags")).toBe(false);
    // The proxy's policy for stored pages and next.config's static headers.
    expect(viaServer.headers.get("content-security-policy")).toContain("script-src 'self' 'unsafe-inline'");
    expect(viaServer.headers.get("x-frame-options")).toBe("DENY");
    expect(viaServer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(viaServer.headers.has("strict-transport-security")).toBe(false);
    expect((await get(publicPath(stored), { "x-forwarded-proto": "https" })).headers.get("strict-transport-security")).toMatch(/^max-age=/);

    const head = await get(publicPath(stored), {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
  });

  it("compresses a page once for the clients that take gzip", async () => {
    const stored = await storePage(`<html><head></head><body>${"Brass lamp ".repeat(2000)}</body></html>`, ["listings"]);
    const plain = await (await get(publicPath(stored))).text();
    for (let i = 0; i < 2; i++) {
      const response = await get(publicPath(stored), { "accept-encoding": "gzip, deflate, br" });
      expect(response.headers.get("content-encoding")).toBe("gzip");
      // fetch would decompress it itself: read the bytes as sent.
      const raw = await new Promise<Buffer>((resolve, reject) =>
        http.get(origin + publicPath(stored), { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res
            .on("data", (chunk: Buffer) => chunks.push(chunk))
            .on("end", () => resolve(Buffer.concat(chunks)))
            .on("error", reject);
        }),
      );
      expect(raw.length).toBeLessThan(plain.length / 10);
      expect(gunzipSync(raw).toString("utf8")).toBe(plain);
    }
  });

  it("leaves to Next what the proxy leaves to it, and pages never stored or expired", async () => {
    const stored = await storePage("<html><head></head><body>Wall lamp</body></html>", ["listings", "shop:s9"]);
    const byNext = async (response: Promise<Response>) => (await response).headers.get("x-answered-by");
    expect(await byNext(get(publicPath(stored), { rsc: "1" }))).toBe("next");
    expect(await byNext(get(publicPath(stored), { "next-router-prefetch": "1" }))).toBe("next");
    expect(await byNext(get(publicPath(stored), { "next-action": "abc" }, "POST"))).toBe("next");
    expect(await byNext(get("/c/never-rendered"))).toBe("next");
    expect(await byNext(get("/account"))).toBe("next");
    expect(await byNext(get("/api/visitor"))).toBe("next");
    expect(await byNext(get(publicPath(stored)))).toBeNull();
    await handler.revalidateTag("shop:s9");
    expect(await byNext(get(publicPath(stored)))).toBe("next");
  });
});
