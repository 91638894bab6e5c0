import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cacheControlHeader, serveStoredPage } from "./serve-stored";

// The proxy's hits, through the real page cache (cache-handler.mjs, embedded: this process's
// memory), as Next stores pages in it: keyed by route hash and path, tagged, with a time limit.
interface Handler {
  get(key: string, ctx: object): Promise<unknown>;
  set(key: string, data: unknown, ctx: object): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
}
let handler: Handler;

beforeAll(async () => {
  vi.stubEnv("REDIS_URL", "");
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
