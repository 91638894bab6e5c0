import { describe, expect, it } from "vitest";
import { expireStorefrontPages, isValidRevalidationToken, revalidationToken, storefrontChangeOf, storefrontTagsFor, STOREFRONT_CACHE_TAGS } from "./cache-tags";

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

  it("without Redis, posts the tags once each to the storefront, and reports a storefront that is down instead of throwing", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const reached = await expireStorefrontPages(["product:p1", "listings", "product:p1"], {
      url: "http://storefront.test",
      redisUrl: null,
      fetch: async (url: string | URL | Request, init?: RequestInit) => {
        calls.push({ url: String(url), init: init ?? {} });
        return new Response("{}", { status: 200 });
      },
    });
    expect(reached).toBe(true);
    expect(calls[0]?.url).toBe("http://storefront.test/api/revalidate");
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ tags: ["product:p1", "listings"] });
    expect(new Headers(calls[0]?.init.headers).get("authorization")).toBe(`Bearer ${revalidationToken()}`);

    const down = await expireStorefrontPages(["listings"], {
      url: "http://storefront.test",
      redisUrl: null,
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    expect(down).toBe(false);
  });

  it("maps the catalog's events to the pages they alter, and ignores the others", () => {
    const tags = (name: Parameters<typeof storefrontChangeOf>[0], payload: never) => {
      const change = storefrontChangeOf(name, payload);
      return change ? storefrontTagsFor(change) : null;
    };
    const product = ["product:p1", STOREFRONT_CACHE_TAGS.listings];
    expect(tags("product/created", { productId: "p1", sellerId: "s1" } as never)).toEqual(product);
    expect(tags("product/updated", { productId: "p1", sellerId: "s1" } as never)).toEqual(product);
    expect(tags("stock/changed", { stockLevelId: "l1", productId: "p1", available: 0 } as never)).toEqual(product);
    expect(tags("seller/approved", { sellerId: "s1" } as never)).toEqual(["shop:s1", STOREFRONT_CACHE_TAGS.listings]);
    expect(tags("return/updated", { returnId: "r1", orderId: "o1", status: "REQUESTED" } as never)).toBeNull();
    expect(storefrontTagsFor({ kind: "categories" })).toEqual([STOREFRONT_CACHE_TAGS.catalog]);
  });
});
