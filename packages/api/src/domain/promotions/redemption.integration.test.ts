// A promo code's use belongs to an order that happened: an order given up before payment (the
// buyer cancels, or a declined order runs out of time) gives a one-use code back, and a paid order keeps it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createBuyer, createProduct, createPromo, createSeller, shippingAddressInput, uniqueSuffix } from "../../testing/factories";
import { payWithCard, useDatabaseForHandlers } from "../../testing/payments";
import { expireUnpaidOrders } from "../orders/expire-unpaid-orders";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

async function orderWithCode(code: string, productId: string) {
  const buyer = await createBuyer(t.db);
  const api = await callerFor(t.db, buyer.id);
  await api.cart.add({ productId, quantity: 1 });
  await api.cart.applyPromo({ code });
  const placed = await api.checkout.start({ idempotencyKey: `promo-${uniqueSuffix()}`, shippingAddress: shippingAddressInput() });
  return { api, placed };
}

const uses = async (id: string) => ({
  count: (await t.db.promoCode.findUniqueOrThrow({ where: { id } })).usageCount,
  redemptions: await t.db.promoRedemption.count({ where: { promoCodeId: id } }),
});

describe("promo code uses", () => {
  it("come back when the buyer cancels the unpaid order, so the next buyer can use a one-use code", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 5, priceCents: 5000 });
    const promo = await createPromo(t.db, { usageLimit: 1 });
    const first = await orderWithCode(promo.code, product.id);
    expect(await uses(promo.id)).toEqual({ count: 1, redemptions: 1 });

    await first.api.orders.cancel({ orderId: first.placed.orderId });
    expect(await uses(promo.id)).toEqual({ count: 0, redemptions: 0 });

    const second = await orderWithCode(promo.code, product.id);
    await payWithCard(t.db, second.placed);
    expect(await uses(promo.id)).toEqual({ count: 1, redemptions: 1 });
  });

  it("stay with an order whose card was declined (it can still be paid), and come back when it expires unpaid", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 5, priceCents: 5000 });
    const promo = await createPromo(t.db, { usageLimit: 1 });
    const declined = await orderWithCode(promo.code, product.id);
    await payWithCard(t.db, declined.placed, "4000 0000 0000 0002");
    expect(await t.db.order.findUniqueOrThrow({ where: { id: declined.placed.orderId } })).toMatchObject({ status: "PENDING_PAYMENT" });
    expect(await uses(promo.id)).toEqual({ count: 1, redemptions: 1 });

    const order = await t.db.order.findUniqueOrThrow({ where: { id: declined.placed.orderId } });
    await expireUnpaidOrders(t.db, new Date(order.paymentDueAt!.getTime() + 1000));
    expect(await t.db.order.findUniqueOrThrow({ where: { id: declined.placed.orderId } })).toMatchObject({ status: "CANCELLED" });
    expect(await uses(promo.id)).toEqual({ count: 0, redemptions: 0 });

    const paid = await orderWithCode(promo.code, product.id);
    await payWithCard(t.db, paid.placed);
    expect(await uses(promo.id)).toEqual({ count: 1, redemptions: 1 });
  });
});
