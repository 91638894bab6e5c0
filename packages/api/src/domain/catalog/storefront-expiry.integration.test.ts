// The storefront README's event -> tags table, row by row, against a real database and a real
// Redis: each change, made through its domain function, has expired exactly its tags in the page
// cache's shared tag state by the time the function returns (no outbox, no worker: the first
// request after the change must see it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { resetEnvCache } from "../../env";
import { createBuyer, createCategory, createProduct, createSeller, createUser } from "../../testing/factories";
import { payWithCard, placeOrder, useDatabaseForHandlers } from "../../testing/payments";
import { startTestRedis, type TestRedis } from "../../testing/redis";
import { connectRedis, type RedisClient } from "../../throttle/limits";
import { loadActor } from "../../trpc";
import { suspendUser } from "../accounts/manage-users";
import { createCategory as adminCreateCategory, renameCategory } from "../categories/manage-categories";
import { setStockOnHand } from "../inventory/seller-stock";
import { createReview } from "../reviews/reviews";
import { approveSeller, reinstateSeller, suspendSeller } from "../sellers/manage-sellers";
import { getShopProfile, updateShopProfile } from "../sellers/shop-profile";
import { expireStorefrontPagesAgain, pageCacheRedisKeys, STOREFRONT_CACHE_TAGS as TAGS } from "./cache-tags";
import { changeProductStatus, createSellerProduct, updateSellerProduct } from "./seller-products";
import { relistProduct, unlistProduct } from "./unlist-product";

let t: TestDatabase;
let redis: TestRedis | null;
let client: RedisClient;
const saved = { REDIS_URL: process.env.REDIS_URL, BAZAAR_PAGE_CACHE_NAMESPACE: process.env.BAZAAR_PAGE_CACHE_NAMESPACE };

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  redis = await startTestRedis();
  if (!redis) throw new Error("This test needs Redis: install redis-server (Debian package) or set REDIS_URL.");
  process.env.REDIS_URL = redis.url;
  process.env.BAZAAR_PAGE_CACHE_NAMESPACE = `expiry-test-${Date.now()}`;
  resetEnvCache();
  client = await connectRedis(redis.url);
});

afterAll(async () => {
  client?.disconnect();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
  await redis?.stop();
  await t?.drop();
});

/** The tags `change` expired in the shared tag state, each stamped no earlier than the change began. */
async function expiredBy(change: () => Promise<unknown>): Promise<string[]> {
  const { tags } = pageCacheRedisKeys();
  await client.del(tags);
  const before = Date.now();
  await change();
  const state = await client.hgetall(tags);
  for (const time of Object.values(state)) expect(Number(time)).toBeGreaterThanOrEqual(before);
  return Object.keys(state).sort();
}

const sorted = (tags: string[]) => [...tags].sort();

async function sellerWithProduct() {
  const shop = await createSeller(t.db);
  const { product } = await createProduct(t.db, shop.seller.id, { stock: 5, priceCents: 2000 });
  const actor = (await loadActor(t.db, shop.user.id))!;
  return { ...shop, product, actor };
}

async function admin() {
  const user = await createUser(t.db, { role: "ADMIN" });
  return (await loadActor(t.db, user.id))!;
}

describe("every change expires exactly the storefront pages it alters, before it returns", () => {
  it("product created: its page tag and the listings", async () => {
    const { actor } = await sellerWithProduct();
    let id = "";
    const tags = await expiredBy(async () => {
      id = await createSellerProduct(t.db, actor, { name: "Tag Test Lamp", sku: `TTL-${Date.now()}`, priceCents: 1500, description: "A lamp." } as never).then(
        (product: { id: string }) => product.id,
      );
    });
    expect(tags).toEqual(sorted([TAGS.product(id), TAGS.listings]));
  });

  it("product updated (price change), published, archived: its page tag and the listings", async () => {
    const { product, actor } = await sellerWithProduct();
    const expected = sorted([TAGS.product(product.id), TAGS.listings]);
    expect(await expiredBy(() => updateSellerProduct(t.db, actor, { id: product.id, priceCents: 2500 }))).toEqual(expected);
    expect(await expiredBy(() => changeProductStatus(t.db, actor, { id: product.id, action: "archive" }))).toEqual(expected);
    expect(await expiredBy(() => changeProductStatus(t.db, actor, { id: product.id, action: "restore" }))).toEqual(expected);
  });

  it("product unlisted and relisted by an administrator: its page tag and the listings", async () => {
    const { product } = await sellerWithProduct();
    const expected = sorted([TAGS.product(product.id), TAGS.listings]);
    const actor = await admin();
    expect(await expiredBy(() => unlistProduct(t.db, actor, { id: product.id, reason: "Copied photos." }))).toEqual(expected);
    expect(await expiredBy(() => relistProduct(t.db, actor, { id: product.id }))).toEqual(expected);
  });

  it("stock changed (to zero): its page tag and the listings", async () => {
    const { product, actor, warehouse } = await sellerWithProduct();
    const level = await t.db.stockLevel.findFirstOrThrow({ where: { productId: product.id, warehouseId: warehouse.id } });
    const tags = await expiredBy(() => setStockOnHand(t.db, actor, { productId: product.id, warehouseId: warehouse.id, onHand: 0, version: level.version }));
    expect(tags).toEqual(sorted([TAGS.product(product.id), TAGS.listings]));
  });

  it("review added: the product's page tag and the listings (cards show ratings)", async () => {
    const { product } = await sellerWithProduct();
    const buyer = await createBuyer(t.db);
    const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 1 }]);
    await payWithCard(t.db, placed);
    await t.db.shipment.updateMany({ where: { orderId: placed.orderId }, data: { status: "DELIVERED", deliveredAt: new Date() } });
    const actor = (await loadActor(t.db, buyer.id))!;
    const tags = await expiredBy(() => createReview(t.db, actor, { productId: product.id, rating: 4, body: "Bright." }));
    expect(tags).toEqual(sorted([TAGS.product(product.id), TAGS.listings]));
  });

  it("shop suspended, reinstated (admin's shop actions or the seller's account) and approved: the shop's tag and the listings", async () => {
    const { seller, user } = await sellerWithProduct();
    const expected = sorted([TAGS.shop(seller.id), TAGS.listings]);
    const actor = await admin();
    expect(await expiredBy(() => suspendSeller(t.db, actor, { sellerId: seller.id, reason: "Copied listings." }))).toEqual(expected);
    expect(await expiredBy(() => reinstateSeller(t.db, actor, { sellerId: seller.id }))).toEqual(expected);
    expect(await expiredBy(() => suspendUser(t.db, actor, { userId: user.id, reason: "Fraud." }))).toEqual(expected);

    const applicant = await createSeller(t.db, { status: "PENDING" });
    await t.db.user.update({ where: { id: applicant.user.id }, data: { emailVerified: new Date() } });
    expect(await expiredBy(() => approveSeller(t.db, actor, { sellerId: applicant.seller.id }))).toEqual(
      sorted([TAGS.shop(applicant.seller.id), TAGS.listings]),
    );
  });

  it("seller profile edited (name, shipping terms): the shop's tag and the listings (cards name the shop)", async () => {
    const { seller, actor } = await sellerWithProduct();
    const profile = await getShopProfile(t.db, actor);
    const tags = await expiredBy(() => updateShopProfile(t.db, actor, { ...profile, shopName: "Renamed Shop", shippingFlatCents: 450 }));
    expect(tags).toEqual(sorted([TAGS.shop(seller.id), TAGS.listings]));
  });

  it("category tree edits: every page (the menu is in every page's header)", async () => {
    const actor = await admin();
    const parent = await createCategory(t.db);
    let id = "";
    expect(
      await expiredBy(async () => {
        id = (await adminCreateCategory(t.db, actor, { name: `Tag Test ${Date.now()}`, parentId: parent.id })).id;
      }),
    ).toEqual([TAGS.catalog]);
    expect(await expiredBy(() => renameCategory(t.db, actor, { categoryId: id, name: `Renamed ${Date.now()}` }))).toEqual([TAGS.catalog]);
  });

  it("the outbox's safety net leaves alone tags the committing process already expired, and expires the others", async () => {
    const { product, actor } = await sellerWithProduct();
    const committedAt = Date.now();
    const tags = [TAGS.product(product.id), TAGS.listings];
    await expiredBy(() => updateSellerProduct(t.db, actor, { id: product.id, priceCents: 2600 }));
    const { tags: key } = pageCacheRedisKeys();
    const before = await client.hmget(key, ...tags);
    expect(await expireStorefrontPagesAgain(tags, committedAt)).toBe(true);
    expect(await client.hmget(key, ...tags)).toEqual(before);

    await client.hdel(key, TAGS.listings);
    expect(await expireStorefrontPagesAgain(tags, committedAt)).toBe(true);
    expect(Number(await client.hget(key, TAGS.listings))).toBeGreaterThanOrEqual(committedAt);
  });

  it("a change that rolls back expires nothing", async () => {
    const { product, actor } = await sellerWithProduct();
    const tags = await expiredBy(() => updateSellerProduct(t.db, actor, { id: product.id, priceCents: -5 }).catch(() => null));
    expect(tags).toEqual([]);
  });
});
