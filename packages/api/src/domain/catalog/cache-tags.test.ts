import { describe, expect, it } from "vitest";
import { isValidRevalidationToken, revalidateStorefront, revalidationToken, STOREFRONT_CACHE_TAGS } from "./cache-tags";

const SECRET = "test-secret";

describe("storefront revalidation", () => {
  it("signs with a key derived from the secret, not the secret itself, and checks it", () => {
    const token = revalidationToken(SECRET);
    expect(token).not.toContain(SECRET);
    expect(isValidRevalidationToken(token, SECRET)).toBe(true);
    expect(isValidRevalidationToken(token, "another-secret")).toBe(false);
    expect(isValidRevalidationToken(`${token}x`, SECRET)).toBe(false);
    expect(isValidRevalidationToken(null, SECRET)).toBe(false);
  });

  it("posts the catalog tag and one tag per product, and reports a storefront that is down instead of throwing", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const reached = await revalidateStorefront(["p1", "p2", "p1"], {
      url: "http://storefront.test",
      fetch: async (url, init) => {
        calls.push({ url: String(url), init: init ?? {} });
        return new Response("{}", { status: 200 });
      },
    });
    expect(reached).toBe(true);
    expect(calls[0]?.url).toBe("http://storefront.test/api/revalidate");
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ tags: [STOREFRONT_CACHE_TAGS.catalog, "product:p1", "product:p2"] });
    expect(new Headers(calls[0]?.init.headers).get("authorization")).toBe(`Bearer ${revalidationToken()}`);

    const down = await revalidateStorefront(["p1"], {
      url: "http://storefront.test",
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    expect(down).toBe(false);
  });
});
