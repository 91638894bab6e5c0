// Orders whose payment never came are cancelled after their deadline, and a payment that
// arrives after that is refunded rather than resurrecting the order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { createBuyer, createProduct, createSeller } from "../../testing/factories";
import { deliverToWebhookRoute, placeOrder, useDatabaseForHandlers } from "../../testing/payments";
import { stripeEventPayload, signStripePayload } from "../payments/simulator";
import { expireUnpaidOrders } from "./expire-unpaid-orders";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

describe("expireUnpaidOrders", () => {
  it("cancels orders past their payment deadline only: stock released as EXPIRED, payment FAILED, cart ACTIVE", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 6 });
    const late = await placeOrder(t.db, (await createBuyer(t.db)).id, [{ productId: product.id, quantity: 2 }]);
    const onTime = await placeOrder(t.db, (await createBuyer(t.db)).id, [{ productId: product.id, quantity: 1 }]);
    const due = (await t.db.order.findUniqueOrThrow({ where: { id: late.orderId } })).paymentDueAt!;
    await t.db.order.update({ where: { id: onTime.orderId }, data: { paymentDueAt: new Date(due.getTime() + 60 * 60_000) } });
    const now = new Date(due.getTime() + 1000);

    const counts = await Promise.all([expireUnpaidOrders(t.db, now), expireUnpaidOrders(t.db, now)]);
    expect(counts[0] + counts[1]).toBe(1);

    const expired = await t.db.order.findUniqueOrThrow({
      where: { id: late.orderId },
      include: { payments: true, cart: true, reservations: true, history: true },
    });
    expect(expired.status).toBe("CANCELLED");
    expect(expired.payments[0]?.status).toBe("FAILED");
    expect(expired.cart?.status).toBe("ACTIVE");
    expect(expired.reservations.filter((r) => r.type === "HARD").map((r) => r.status)).toEqual(["EXPIRED"]);
    expect(expired.history.at(-1)).toMatchObject({ status: "CANCELLED", note: "Payment was not received in time" });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: onTime.orderId } })).status).toBe("PENDING_PAYMENT");
    expect(await t.db.stockLevel.findFirstOrThrow({ where: { productId: product.id } })).toMatchObject({ onHand: 6, allocated: 1 });
    expect(await expireUnpaidOrders(t.db, now)).toBe(0);

    // Stripe confirms the expired order's payment after all: it is refunded, the order stays cancelled.
    const payload = stripeEventPayload("payment_intent.succeeded", {
      id: late.paymentIntentId,
      object: "payment_intent",
      amount: late.totalCents,
      amount_received: late.totalCents,
      currency: "usd",
      status: "succeeded",
    });
    expect((await deliverToWebhookRoute({ payload, signature: signStripePayload(payload) })).status).toBe(200);
    const after = await t.db.order.findUniqueOrThrow({ where: { id: late.orderId }, include: { payments: true } });
    expect(after.status).toBe("CANCELLED");
    expect(after.payments[0]).toMatchObject({ status: "REFUNDED", refundedCents: late.totalCents });
    expect(await t.db.stockLevel.findFirstOrThrow({ where: { productId: product.id } })).toMatchObject({ onHand: 6, allocated: 1 });
  });
});
