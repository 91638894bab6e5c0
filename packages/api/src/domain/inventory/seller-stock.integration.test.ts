import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createBuyer, createProduct, createSeller } from "../../testing/factories";
import { addToCart } from "../cart";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const lowEvents = (productId: string) => t.db.outboxEvent.count({ where: { name: "stock/low", payload: { path: ["productId"], equals: productId } } });

describe("sellers' stock", () => {
  it("refuses a stale edit with CONFLICT and an edit below what is held with the numbers", async () => {
    const { user, seller, warehouse } = await createSeller(t.db);
    const { product, stockLevels } = await createProduct(t.db, seller.id, { stock: 10, lowStockThreshold: 2 });
    const caller = await callerFor(t.db, user.id);
    const version = stockLevels[0]!.version;

    const first = await caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 12, version });
    expect(first).toMatchObject({ onHand: 12, available: 12, version: version + 1 });
    await expect(caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 20, version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This stock level was changed by someone else (it now shows 12 on hand). Reload to see the latest numbers, then try again.",
    });

    const buyer = await createBuyer(t.db);
    await addToCart(t.db, { buyerId: buyer.id }, { productId: product.id, quantity: 4 });
    await expect(caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 3, version: first.version })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "You cannot set on hand below 4: 4 in shoppers' carts and 0 in orders not yet shipped. Set at least 4.",
    });
    // Cart activity does not make the seller's form stale.
    expect(await caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 4, version: first.version })).toMatchObject({
      onHand: 4,
      reserved: 4,
      available: 0,
      low: true,
    });
  });

  it("publishes stock/low once per crossing, not on every change", async () => {
    const { user, seller, warehouse } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 10, lowStockThreshold: 5 });
    const [a, b, c] = [await createBuyer(t.db), await createBuyer(t.db), await createBuyer(t.db)];
    await addToCart(t.db, { buyerId: a.id }, { productId: product.id, quantity: 5 }); // 5 left: not low yet
    expect(await lowEvents(product.id)).toBe(0);
    await addToCart(t.db, { buyerId: b.id }, { productId: product.id, quantity: 1 }); // 4 < 5: crossing
    await addToCart(t.db, { buyerId: c.id }, { productId: product.id, quantity: 1 }); // still low
    expect(await lowEvents(product.id)).toBe(1);
    const caller = await callerFor(t.db, user.id);
    const [row] = (await caller.inventory.list({ productId: product.id })).items;
    const restocked = await caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 30, version: row!.version });
    expect(restocked.low).toBe(false);
    expect(await lowEvents(product.id)).toBe(1);
    await caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 8, version: restocked.version }); // 1 available: crossing
    expect(await lowEvents(product.id)).toBe(2);
    const payload = (await t.db.outboxEvent.findFirstOrThrow({ where: { name: "stock/low" }, orderBy: { createdAt: "desc" } })).payload;
    expect(payload).toMatchObject({ productId: product.id, sellerId: seller.id, available: 1, threshold: 5 });
  });

  it("never shows or changes another seller's stock", async () => {
    const mine = await createSeller(t.db);
    const theirs = await createSeller(t.db);
    const { product, stockLevels } = await createProduct(t.db, theirs.seller.id, { stock: 7 });
    const caller = await callerFor(t.db, mine.user.id);
    expect((await caller.inventory.list()).items).toEqual([]);
    expect((await caller.inventory.list({ productId: product.id })).items).toEqual([]);
    await expect(caller.inventory.setOnHand({ productId: product.id, warehouseId: theirs.warehouse.id, onHand: 0, version: 0 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.inventory.setOnHand({ productId: product.id, warehouseId: mine.warehouse.id, onHand: 0, version: 0 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.inventory.setThreshold({ stockLevelId: stockLevels[0]!.id, threshold: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.stockLevel.findUniqueOrThrow({ where: { id: stockLevels[0]!.id } })).toMatchObject({ onHand: 7, lowStockThreshold: 5 });
    const buyer = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(buyer.inventory.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers bad numbers with field messages, not a 500", async () => {
    const { user, seller, warehouse } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 1 });
    const caller = await callerFor(t.db, user.id);
    await expect(caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: -1, version: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("On hand cannot be negative.") as unknown,
    });
    await expect(caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 1e12, version: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 1.5, version: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.inventory.setThreshold({ stockLevelId: "nope", threshold: 3 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stocks a product in a new warehouse from version 0", async () => {
    const { user, seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id);
    const caller = await callerFor(t.db, user.id);
    const warehouse = await caller.inventory.createWarehouse({ name: "East", code: "east", country: "us" });
    expect(warehouse).toMatchObject({ code: "EAST", country: "US" });
    await expect(caller.inventory.createWarehouse({ name: "East again", code: "EAST", country: "US" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 9, version: 0 })).toMatchObject({
      onHand: 9,
      version: 1,
    });
    expect(await caller.inventory.warehouses()).toHaveLength(2);
  });
});
