// The storefront serves its public pages (home, listings, search, shop and product pages) from a
// rendered-page cache, and every change that alters one of them must expire it before the change
// is reported done: a buyer's first request after a seller's price change or an admin's
// suspension must see it. So the process that commits the change expires the page tags itself,
// right after the commit (expireStorefrontOnCommit, run by inTransaction):
//   - with REDIS_URL, by writing the expiry time of each tag into the storefront cache's shared tag
//     state in Redis (the storefront's cache handler reads it on every cache hit);
//   - without it (one machine, embedded cache), by `POST <STOREFRONT_URL>/api/revalidate`, signed
//     with a key derived from AUTH_SECRET (which every Bazaar process shares).
// The worker's storefront-revalidation function expires the same tags again from the outbox: a
// safety net for a storefront that was unreachable at commit time.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { SqlTx } from "@bazaar/db";
import { getEnv } from "../../env";
import type { EventName, EventPayload } from "../../events/catalog";
import { logger } from "../../observability/logger";
import { connectRedis, type RedisClient } from "../../throttle/limits";
import { afterCommit } from "../transaction";

export const STOREFRONT_CACHE_TAGS = {
  /** Every public page: the category menu in the header is on all of them. */
  catalog: "catalog",
  /** Every page that lists products: home shelves, category listings, search, shop pages. */
  listings: "listings",
  /** One product's page (and the related-products shelves that show it), by product id. */
  product: (productId: string) => `product:${productId}`,
  /** Everything that shows a shop: its page and its products' pages, by seller id. */
  shop: (sellerId: string) => `shop:${sellerId}`,
} as const;

const TAGS = STOREFRONT_CACHE_TAGS;

/**
 * What each change expires: the storefront README's table, in code. A product's change alters its
 * page and the listings that show it (its card: name, picture, price, stock badge, rating);
 * a shop's status or profile alters its page, its products' pages and every listing (its products
 * come and go); the category tree is in every page's header.
 */
export type StorefrontChange =
  | { kind: "product"; productId: string }
  | { kind: "review"; productId: string }
  | { kind: "shop"; sellerId: string }
  | { kind: "shop-profile"; sellerId: string }
  | { kind: "categories" };

export function storefrontTagsFor(change: StorefrontChange): string[] {
  switch (change.kind) {
    case "product":
    case "review":
      return [TAGS.product(change.productId), TAGS.listings];
    case "shop":
      return [TAGS.shop(change.sellerId), TAGS.listings];
    case "shop-profile":
      // Listing cards name the shop too.
      return [TAGS.shop(change.sellerId), TAGS.listings];
    case "categories":
      return [TAGS.catalog];
  }
}

/** The storefront change an outbox event describes, or null for events no public page shows. */
export function storefrontChangeOf<N extends EventName>(name: N, payload: EventPayload<N>): StorefrontChange | null {
  switch (name) {
    case "product/created":
    case "product/updated":
    case "stock/changed":
      return { kind: "product", productId: (payload as EventPayload<"product/updated">).productId };
    case "seller/approved":
      return { kind: "shop", sellerId: (payload as EventPayload<"seller/approved">).sellerId };
    default:
      return null;
  }
}

/** Redis keys of the storefront's page cache, the same in apps/storefront/cache-handler.mjs (which cannot import TypeScript). */
export function pageCacheRedisKeys(namespace = getEnv().BAZAAR_PAGE_CACHE_NAMESPACE) {
  return {
    /** Hash: tag -> epoch milliseconds of its last expiry. */
    tags: `bazaar:page-cache:${namespace}:tags`,
    /** Prefix of one stored page. */
    entry: `bazaar:page-cache:${namespace}:entry:`,
  };
}

/** Tag expiries are kept this long after the last one (stored pages live a day at most). */
const TAGS_TTL_SECONDS = 7 * 24 * 3600;

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

let redis: Promise<RedisClient> | null = null;

function sharedTagState(url: string): Promise<RedisClient> {
  redis ??= connectRedis(url).catch((error: unknown) => {
    redis = null; // the next change tries again
    throw error;
  });
  return redis;
}

/**
 * Writes the tags' expiry into the shared tag state every storefront instance reads, stamped by
 * Redis's clock (the instances compare it with their renders on that clock: see cache-handler.mjs).
 */
export async function expireTagsInRedis(client: RedisClient, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  const key = pageCacheRedisKeys().tags;
  const [seconds, micros] = await client.time();
  const now = String(Number(seconds) * 1000 + Math.floor(Number(micros) / 1000));
  await client
    .multi()
    .hset(key, Object.fromEntries(tags.map((tag) => [tag, now])))
    .expire(key, TAGS_TTL_SECONDS)
    .exec();
}

/**
 * Expires the storefront's cached pages that carry any of `tags`, in every instance: call it
 * after the change committed (or let expireStorefrontOnCommit do it). Never throws: it reports
 * false when neither Redis nor the storefront could be reached, and the pages then expire by time
 * (a few minutes) or when the worker's safety net gets through.
 */
export async function expireStorefrontPages(
  tags: string[],
  options: { url?: string; fetch?: typeof fetch; redisUrl?: string | null; since?: number } = {},
): Promise<boolean> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return true;
  const redisUrl = options.redisUrl === undefined ? getEnv().REDIS_URL : options.redisUrl;
  if (redisUrl) {
    try {
      await expireTagsInRedis(await sharedTagState(redisUrl), unique);
      return true;
    } catch (error) {
      logger().warn({ err: error, tags: unique }, "storefront cache not expired: Redis unreachable");
      return false;
    }
  }
  try {
    const response = await (options.fetch ?? fetch)(new URL("/api/revalidate", options.url ?? getEnv().STOREFRONT_URL), {
      method: "POST",
      headers: { authorization: `Bearer ${revalidationToken()}`, "content-type": "application/json" },
      body: JSON.stringify({ tags: unique, since: options.since }),
      signal: AbortSignal.timeout(REVALIDATE_TIMEOUT_MS),
    });
    if (!response.ok) logger().warn({ status: response.status }, "storefront cache not expired: /api/revalidate refused");
    return response.ok;
  } catch (error) {
    logger().warn({ err: error }, "storefront cache not expired: /api/revalidate unreachable");
    return false;
  }
}

/**
 * The outbox's safety net (the storefront-revalidation function): expires `tags` unless the
 * process that committed the change already did (every tag shows an expiry at or after
 * `committedAt`: checked here in Redis, or by /api/revalidate for the embedded cache). Expiring
 * twice would render every page again once more: a bulk import would keep the listings expired.
 */
export async function expireStorefrontPagesAgain(tags: string[], committedAt: number): Promise<boolean> {
  const redisUrl = getEnv().REDIS_URL;
  if (redisUrl && tags.length > 0) {
    try {
      const times = await (await sharedTagState(redisUrl)).hmget(pageCacheRedisKeys().tags, ...tags);
      if (times.every((time) => Number(time ?? 0) >= committedAt)) return true;
    } catch {
      // Unreachable: expireStorefrontPages below says so.
    }
  }
  return expireStorefrontPages(tags, { since: committedAt });
}

/**
 * Expires the pages `change` alters once `tx` commits, before the function that committed it
 * returns (inTransaction waits for it): the first request after the change sees it.
 */
export function expireStorefrontOnCommit(tx: SqlTx, change: StorefrontChange): void {
  afterCommit(tx, "storefront-pages", storefrontTagsFor(change), async (tags) => {
    await expireStorefrontPages(tags);
  });
}
