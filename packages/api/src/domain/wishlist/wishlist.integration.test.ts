import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../../events/drain";
import { callerFor } from "../../testing";
import { createBuyer, createProduct, createProductWithVariants, createSeller } from "../../testing/factories";
import { addToCart } from "../cart";
import { payWithCard, placeOrder, useDatabaseForHandlers } from "../../testing/payments";
import { emailSavers } from "./functions/back-in-stock";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

const backInStockMails = (to: string) => t.db.email.findMany({ where: { to, template: "back-in-stock" }, select: { subject: true, text: true } });

describe("wishlist", () => {
  it("saves a product once, keeps the chosen variant, lists it with live stock and removes it", async () => {
    const { seller } = await createSeller(t.db);
    const { product, variants } = await createProductWithVariants(t.db, seller.id, {
      name: "Trail Hoodie",
      options: [{ name: "Size", values: ["S", "M"] }],
      variants: [
        { values: ["S"], stock: 0 },
        { values: ["M"], stock: 3 },
      ],
    });
    const buyer = await createBuyer(t.db);
    const api = await callerFor(t.db, buyer.id);
    await Promise.all([api.wishlist.save({ productId: product.id }), api.wishlist.save({ productId: product.id })]);
    expect(await api.wishlist.save({ productId: product.id, variantId: variants[0]!.id })).toEqual({ saved: true, count: 1 });
    expect(await api.wishlist.ids()).toEqual([product.id]);
    const [item] = await api.wishlist.list();
    expect(item).toMatchObject({ product: { name: "Trail Hoodie" }, variant: { title: "S" }, available: 0, availability: "out", buyable: true });

    await api.wishlist.save({ productId: product.id, variantId: null });
    expect((await api.wishlist.list())[0]).toMatchObject({ variant: null, available: 3, availability: "low" });
    expect(await api.wishlist.remove({ productId: product.id })).toEqual({ saved: false, count: 0 });
    expect(await api.wishlist.remove({ productId: product.id })).toEqual({ saved: false, count: 0 });
  });

  it("refuses guests, hidden products and another product's variant with a clear message", async () => {
    const { seller } = await createSeller(t.db);
    const { product: draft } = await createProduct(t.db, seller.id, { status: "DRAFT" });
    const { product, variant: other } = await createProduct(t.db, seller.id, { stock: 1 });
    const { product: second } = await createProduct(t.db, seller.id, { stock: 1 });
    await expect((await callerFor(t.db, null)).wishlist.save({ productId: product.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const api = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(api.wishlist.save({ productId: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "That product is no longer available." });
    await expect(api.wishlist.save({ productId: second.id, variantId: other.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That option of the product is no longer available.",
    });
    await expect(api.wishlist.save({ productId: "x".repeat(65) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("merges a guest's hearts at sign-in: hidden products dropped, nothing duplicated", async () => {
    const { seller } = await createSeller(t.db);
    const { product: kept } = await createProduct(t.db, seller.id, { stock: 1 });
    const { product: added } = await createProduct(t.db, seller.id, { stock: 1 });
    const { product: archived } = await createProduct(t.db, seller.id, { status: "ARCHIVED" });
    const buyer = await createBuyer(t.db);
    const api = await callerFor(t.db, buyer.id);
    await api.wishlist.save({ productId: kept.id });
    const merged = await api.wishlist.mergeGuest({
      items: [{ productId: kept.id }, { productId: added.id }, { productId: added.id }, { productId: archived.id }, { productId: "nope" }],
    });
    expect(merged).toEqual({ added: 1, count: 2 });
    expect((await api.wishlist.ids()).sort()).toEqual([kept.id, added.id].sort());
  });
});

describe("back in stock", () => {
  it("emails each saver once per restock: the variant's savers, and product savers when the whole product had sold out", async () => {
    const { user: sellerUser, seller, warehouse } = await createSeller(t.db);
    const { product, variants, stockLevels } = await createProductWithVariants(t.db, seller.id, {
      name: "Canvas Tote",
      options: [{ name: "Colour", values: ["Sand", "Olive"] }],
      variants: [
        { values: ["Sand"], stock: 0 },
        { values: ["Olive"], stock: 0 },
      ],
    });
    const [sand, olive] = variants;
    const [wantsSand, wantsAny, wantsOlive] = [await createBuyer(t.db), await createBuyer(t.db), await createBuyer(t.db)];
    await (await callerFor(t.db, wantsSand.id)).wishlist.save({ productId: product.id, variantId: sand!.id });
    await (await callerFor(t.db, wantsAny.id)).wishlist.save({ productId: product.id });
    await (await callerFor(t.db, wantsOlive.id)).wishlist.save({ productId: product.id, variantId: olive!.id });

    const seller$ = await callerFor(t.db, sellerUser.id);
    const restocked = await seller$.inventory.setOnHand({ variantId: sand!.id, warehouseId: warehouse.id, onHand: 2, version: stockLevels[0]!.version });
    // More stock on a variant already in stock is not news.
    await seller$.inventory.setOnHand({ variantId: sand!.id, warehouseId: warehouse.id, onHand: 5, version: restocked.version });
    const events = await t.db.outboxEvent.findMany({ where: { name: "stock/back-in-stock" }, select: { payload: true } });
    expect(events.map((event) => event.payload)).toEqual([
      { productId: product.id, variantId: sand!.id, productWasSoldOut: true, restockId: `${stockLevels[0]!.id}:${restocked.version}` },
    ]);
    await drainOutbox(t.db);

    expect(await backInStockMails(wantsSand.email)).toEqual([expect.objectContaining({ subject: "Back in stock: Canvas Tote — Sand" })]);
    expect(await backInStockMails(wantsAny.email)).toEqual([expect.objectContaining({ subject: "Back in stock: Canvas Tote" })]);
    expect(await backInStockMails(wantsOlive.email)).toEqual([]);
    expect((await backInStockMails(wantsSand.email))[0]!.text).toContain("Colour=Sand");

    // The same event run again (a replay, or five workers at once) sends nothing new.
    const payload = events[0]!.payload as { productId: string; variantId: string; productWasSoldOut: boolean; restockId: string };
    await Promise.all(Array.from({ length: 5 }, () => emailSavers(t.db, { ...payload, after: null })));
    expect(await t.db.email.count({ where: { template: "back-in-stock" } })).toBe(2);

    // Olive comes back while Sand is in stock: only Olive's saver hears; the product never sold out.
    await seller$.inventory.setOnHand({ variantId: olive!.id, warehouseId: warehouse.id, onHand: 1, version: stockLevels[1]!.version });
    await drainOutbox(t.db);
    expect(await backInStockMails(wantsOlive.email)).toHaveLength(1);
    expect(await backInStockMails(wantsAny.email)).toHaveLength(1);
  });

  it("sold out by buyers, then restocked: a second restock is a second email", async () => {
    const { user: sellerUser, seller, warehouse } = await createSeller(t.db);
    const { product, stockLevels } = await createProduct(t.db, seller.id, { stock: 0, name: "Clay Mug" });
    const saver = await createBuyer(t.db);
    await (await callerFor(t.db, saver.id)).wishlist.save({ productId: product.id });
    const seller$ = await callerFor(t.db, sellerUser.id);
    const first = await seller$.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 1, version: stockLevels[0]!.version });
    await drainOutbox(t.db);
    expect(await backInStockMails(saver.email)).toHaveLength(1);

    // Someone takes the last one: the product is sold out again without the seller touching it.
    await addToCart(t.db, { buyerId: (await createBuyer(t.db)).id }, { productId: product.id, quantity: 1 });
    await seller$.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 4, version: first.version });
    await drainOutbox(t.db);
    expect(await backInStockMails(saver.email)).toHaveLength(2);
  });

  it("the last unit coming back from a cancelled paid order is a restock too: savers hear once", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 1, name: "Last Lamp" });
    const saver = await createBuyer(t.db);
    await (await callerFor(t.db, saver.id)).wishlist.save({ productId: product.id });
    const buyer = await createBuyer(t.db);
    const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 1 }]);
    await payWithCard(t.db, placed);
    await drainOutbox(t.db);
    expect(await backInStockMails(saver.email)).toEqual([]);

    await (await callerFor(t.db, buyer.id)).orders.cancel({ orderId: placed.orderId, reason: "Changed my mind" });
    await drainOutbox(t.db);
    expect(await backInStockMails(saver.email)).toEqual([expect.objectContaining({ subject: "Back in stock: Last Lamp" })]);
  });

  it("tells nobody when the product was unpublished before the email went out", async () => {
    const { user: sellerUser, seller, warehouse } = await createSeller(t.db);
    const { product, stockLevels } = await createProduct(t.db, seller.id, { stock: 0 });
    const saver = await createBuyer(t.db);
    await (await callerFor(t.db, saver.id)).wishlist.save({ productId: product.id });
    await (
      await callerFor(t.db, sellerUser.id)
    ).inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 3, version: stockLevels[0]!.version });
    await t.db.product.update({ where: { id: product.id }, data: { status: "DRAFT" } });
    await drainOutbox(t.db);
    expect(await backInStockMails(saver.email)).toEqual([]);
  });
});
