// The admin's defaults take effect: a shop signed up after a change gets the new shipping
// defaults, and a stock row created after it the new low-stock threshold. Earlier shops and
// rows keep what they had.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createAdmin, createProduct, createSeller, uniqueSuffix } from "../../testing/factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const signUpSeller = async (suffix: string) => {
  const anonymous = await callerFor(t.db, null);
  await anonymous.account.signUpSeller({
    email: `seller-${suffix}@example.test`,
    password: "correct horse battery",
    name: "Settings Seller",
    shopName: `Settings Shop ${suffix}`,
    slug: `settings-shop-${suffix}`,
    contactEmail: `seller-${suffix}@example.test`,
  });
  return t.db.seller.findUniqueOrThrow({ where: { slug: `settings-shop-${suffix}` } });
};

describe("platform settings", () => {
  it("give new shops the admin's shipping defaults", async () => {
    const before = await signUpSeller(uniqueSuffix());
    expect(before).toMatchObject({ shippingFlatCents: 599, freeShippingOverCents: 5000 });

    const admin = await callerFor(t.db, (await createAdmin(t.db)).id);
    await admin.admin.settings.update({ shippingDefaultFlatCents: 799, shippingDefaultFreeOverCents: null });

    expect(await signUpSeller(uniqueSuffix())).toMatchObject({ shippingFlatCents: 799, freeShippingOverCents: null });
    expect(await t.db.seller.findUniqueOrThrow({ where: { id: before.id } })).toMatchObject({ shippingFlatCents: 599, freeShippingOverCents: 5000 });
  });

  it("give new stock rows the admin's low-stock threshold", async () => {
    const { user, seller, warehouse } = await createSeller(t.db);
    const first = await createProduct(t.db, seller.id);
    const second = await createProduct(t.db, seller.id);
    const caller = await callerFor(t.db, user.id);

    expect(await caller.inventory.setOnHand({ productId: first.product.id, warehouseId: warehouse.id, onHand: 20, version: 0 })).toMatchObject({
      lowStockThreshold: 5,
    });

    const admin = await callerFor(t.db, (await createAdmin(t.db)).id);
    await admin.admin.settings.update({ lowStockThresholdDefault: 12 });

    expect(await caller.inventory.setOnHand({ productId: second.product.id, warehouseId: warehouse.id, onHand: 20, version: 0 })).toMatchObject({
      lowStockThreshold: 12,
      low: false,
    });
    const rows = await t.db.stockLevel.findMany({
      where: { productId: { in: [first.product.id, second.product.id] } },
      select: { productId: true, lowStockThreshold: true },
    });
    expect(new Map(rows.map((row) => [row.productId, row.lowStockThreshold]))).toEqual(
      new Map([
        [first.product.id, 5],
        [second.product.id, 12],
      ]),
    );
  });
});
