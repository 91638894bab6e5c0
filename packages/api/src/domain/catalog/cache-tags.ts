// The storefront caches public catalog reads (listings, search, product pages, home shelves)
// and must hear when they go stale. Products, prices and stock change in other processes (the
// seller console, the admin console, the worker), so they tell the storefront over HTTP:
// `POST <STOREFRONT_URL>/api/revalidate` with the tags to expire, signed with a key derived
// from AUTH_SECRET (which every Bazaar process shares).
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "../../env";
import { logger } from "../../observability/logger";

export const STOREFRONT_CACHE_TAGS = {
  /** Every cached catalog read: listings, search, facets, home shelves, category menu. */
  catalog: "catalog",
  /** One product's page, by product id. */
  product: (productId: string) => `product:${productId}`,
} as const;

const REVALIDATE_TIMEOUT_MS = 2_000;

/** The bearer token of /api/revalidate: not AUTH_SECRET itself, which signs sessions. */
export function revalidationToken(secret = getEnv().AUTH_SECRET): string {
  return createHmac("sha256", secret).update("bazaar:storefront-revalidate").digest("base64url");
}

export function isValidRevalidationToken(token: string | null | undefined, secret = getEnv().AUTH_SECRET): boolean {
  if (!token) return false;
  const expected = Buffer.from(revalidationToken(secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Tells the storefront that products changed: call it after the transaction that changed
 * a product, its price or its stock has committed. Never throws: a storefront that is down or
 * slow only means its cached pages expire by time instead (a few minutes).
 */
export async function revalidateStorefront(productIds: string[], options: { url?: string; fetch?: typeof fetch } = {}): Promise<boolean> {
  const tags = [STOREFRONT_CACHE_TAGS.catalog, ...[...new Set(productIds)].map(STOREFRONT_CACHE_TAGS.product)];
  try {
    const response = await (options.fetch ?? fetch)(new URL("/api/revalidate", options.url ?? getEnv().STOREFRONT_URL), {
      method: "POST",
      headers: { authorization: `Bearer ${revalidationToken()}`, "content-type": "application/json" },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(REVALIDATE_TIMEOUT_MS),
    });
    if (!response.ok) logger().warn({ status: response.status }, "storefront cache not revalidated: /api/revalidate refused");
    return response.ok;
  } catch (error) {
    logger().warn({ err: error }, "storefront cache not revalidated: /api/revalidate unreachable");
    return false;
  }
}
