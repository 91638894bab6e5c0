// Refunds, cancellations and payouts against the ledger: every reversal exact, every payout
// bounded by the balance however many requests race, and the books balanced throughout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createProduct, createSeller } from "../../testing/factories";
import { balanceOf, deliverAndRelease, ledgerIsBalanced, payWithCard, placeOrder, useDatabaseForHandlers } from "../../testing/payments";
import { loadActor } from "../../trpc";
import { processPayout, requestPayout } from "./payouts";
import { splitPayment } from "./split-payment";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 40 });
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

/** What Bazaar owes the seller, held (pending) or available (payable). */
const payable = async (sellerId: string) =>
  (await balanceOf(t.db, `seller:${sellerId}:payable:USD`)) + (await balanceOf(t.db, `seller:${sellerId}:pending:USD`));
const onHand = async (productId: string) => (await t.db.stockLevel.findFirstOrThrow({ where: { productId } })).onHand;

/** Two sellers (A at 10%, B at 12.5%), one buyer, one paid and split order of 2 x A's product and 1 x B's. */
async function paidTwoSellerOrder(options: { released?: boolean } = {}) {
  const a = await createSeller(t.db, { shippingFlatCents: 500, freeShippingOverCents: null });
  const b = await createSeller(t.db, { shippingFlatCents: 300, freeShippingOverCents: null, commissionBps: 1250 });
  const { product: pa } = await createProduct(t.db, a.seller.id, { priceCents: 1999, stock: 5 });
  const { product: pb } = await createProduct(t.db, b.seller.id, { priceCents: 3333, stock: 5 });
  const buyer = await createBuyer(t.db);
  const placed = await placeOrder(t.db, buyer.id, [
    { productId: pa.id, quantity: 2 },
    { productId: pb.id, quantity: 1 },
  ]);
  await payWithCard(t.db, placed);
  await splitPayment(t.db, placed.paymentId);
  if (options.released) await deliverAndRelease(t.db, placed.orderId);
  return { a, b, pa, pb, buyer, placed };
}

describe("splitPayment", () => {
  it("is idempotent by payment id, also when called concurrently", async () => {
    const { placed } = await paidTwoSellerOrder();
    const results = await Promise.all(Array.from({ length: 5 }, () => splitPayment(t.db, placed.paymentId)));
    expect(results.every((r) => !r.created)).toBe(true);
    expect(new Set(results.map((r) => r.transactionId)).size).toBe(1);
    expect(await t.db.ledgerTransaction.count({ where: { paymentId: placed.paymentId, kind: "PAYMENT_SPLIT" } })).toBe(1);
  });

  it("refuses a payment that was not captured", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 3 });
    const placed = await placeOrder(t.db, (await createBuyer(t.db)).id, [{ productId: product.id, quantity: 1 }]);
    await expect(splitPayment(t.db, placed.paymentId)).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("admin refund", () => {
  it("refunds one seller's part: their payable and the commission reversed, their stock back, the other seller untouched", async () => {
    const { a, b, pa, pb, placed } = await paidTwoSellerOrder();
    const admin = await callerFor(t.db, (await createAdmin(t.db)).id);
    expect(await payable(a.seller.id)).toBe(4048);
    expect(await payable(b.seller.id)).toBe(3179);
    const revenueBefore = await balanceOf(t.db, "platform:revenue:USD");

    const result = await admin.orders.adminRefund({ orderId: placed.orderId, sellerId: a.seller.id, reason: "Item arrived damaged" });

    expect(result).toMatchObject({ refundedCents: 4498, status: "CONFIRMED" });
    expect(await payable(a.seller.id)).toBe(0);
    expect(await payable(b.seller.id)).toBe(3179);
    expect(await balanceOf(t.db, "platform:revenue:USD")).toBe(revenueBefore - 450);
    expect(await onHand(pa.id)).toBe(5);
    expect(await onHand(pb.id)).toBe(4);
    const shipmentA = await t.db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId, sellerId: a.seller.id }, include: { refunds: true } });
    expect(shipmentA).toMatchObject({ status: "CANCELLED", refundedCents: 4498 });
    expect(shipmentA.refunds).toEqual([
      expect.objectContaining({ amountCents: 4498, status: "SUCCEEDED", providerRefundId: expect.stringMatching(/^re_sim_/) as unknown }),
    ]);
    expect(await t.db.auditLog.count({ where: { entityId: placed.orderId, action: "order.refund-seller-part" } })).toBe(1);

    await expect(admin.orders.adminRefund({ orderId: placed.orderId, sellerId: a.seller.id, reason: "again" })).rejects.toMatchObject({ code: "CONFLICT" });

    // The rest of the order: B's part; nothing is left, so the order is cancelled and the payment fully refunded.
    await admin.orders.adminRefund({ orderId: placed.orderId, reason: "Buyer changed their mind" });
    expect(await payable(b.seller.id)).toBe(0);
    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true } });
    expect(order).toMatchObject({ status: "CANCELLED", refundedCents: 8131 });
    expect(order.payments[0]).toMatchObject({ status: "REFUNDED", refundedCents: 8131 });
    expect(await balanceOf(t.db, "platform:revenue:USD")).toBe(revenueBefore - 904);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("is for administrators only and refuses unknown sellers and unpaid orders", async () => {
    const { placed, buyer } = await paidTwoSellerOrder();
    const asBuyer = await callerFor(t.db, buyer.id);
    await expect(asBuyer.orders.adminRefund({ orderId: placed.orderId, reason: "mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await callerFor(t.db, (await createAdmin(t.db)).id);
    await expect(admin.orders.adminRefund({ orderId: placed.orderId, sellerId: "nobody", reason: "test" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin.orders.adminRefund({ orderId: "no-such-order", reason: "test" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("buyer cancellation", () => {
  it("cancels a paid order before shipping: full refund, stock back, ledger reversed to zero", async () => {
    const { a, b, pa, pb, buyer, placed } = await paidTwoSellerOrder();
    const caller = await callerFor(t.db, buyer.id);
    await expect(caller.orders.cancel({ orderId: placed.orderId, reason: "Ordered by mistake" })).resolves.toEqual({
      orderId: placed.orderId,
      status: "CANCELLED",
      refundedCents: 8131,
    });
    expect(await payable(a.seller.id)).toBe(0);
    expect(await payable(b.seller.id)).toBe(0);
    expect([await onHand(pa.id), await onHand(pb.id)]).toEqual([5, 5]);
    const refunds = await t.db.refund.findMany({ where: { paymentId: placed.paymentId } });
    expect(refunds.map((r) => r.amountCents).sort()).toEqual([3633, 4498]);
    await expect(caller.orders.cancel({ orderId: placed.orderId })).rejects.toMatchObject({ code: "CONFLICT", message: "This order is already cancelled." });
  });

  it("refunds a part that has shipped without putting its units back on hand; an unshipped part's come back", async () => {
    const { a, b, pa, pb, placed } = await paidTwoSellerOrder();
    const admin = await callerFor(t.db, (await createAdmin(t.db)).id);
    const sellerA = await callerFor(t.db, a.user.id);
    const [shipment] = (await sellerA.fulfillment.list()).items;
    await sellerA.fulfillment.markShipped({ shipmentId: shipment!.id, carrier: "UPS", trackingNumber: "1Z-BROKEN" });

    await admin.orders.adminRefund({ orderId: placed.orderId, sellerId: a.seller.id, reason: "It arrived broken" });
    expect(await payable(a.seller.id)).toBe(0);
    // The two units left the warehouse with the parcel: on hand stays at 5 - 2.
    expect(await onHand(pa.id)).toBe(3);
    expect(await t.db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId, sellerId: a.seller.id } })).toMatchObject({
      status: "SHIPPED",
      refundedCents: 4498,
    });

    await admin.orders.adminRefund({ orderId: placed.orderId, sellerId: b.seller.id, reason: "Buyer changed their mind" });
    expect(await onHand(pb.id)).toBe(5);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("cancels an unpaid order: stock released, payment failed, cart shoppable", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 4 });
    const buyer = await createBuyer(t.db);
    const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 3 }]);
    await (await callerFor(t.db, buyer.id)).orders.cancel({ orderId: placed.orderId });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true, cart: true } });
    expect(order.status).toBe("CANCELLED");
    expect(order.payments[0]?.status).toBe("FAILED");
    expect(order.cart?.status).toBe("ACTIVE");
    expect(await t.db.stockLevel.findFirstOrThrow({ where: { productId: product.id } })).toMatchObject({ onHand: 4, allocated: 0 });
  });

  it("refuses once a part has shipped, and another buyer's order is not found", async () => {
    const { a, buyer, placed } = await paidTwoSellerOrder();
    const seller = await callerFor(t.db, a.user.id);
    const [shipment] = (await seller.fulfillment.list()).items;
    await seller.fulfillment.markShipped({ shipmentId: shipment!.id, carrier: "UPS", trackingNumber: "1Z999" });
    await expect((await callerFor(t.db, buyer.id)).orders.cancel({ orderId: placed.orderId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already shipped/) as unknown,
    });
    const stranger = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(stranger.orders.cancel({ orderId: placed.orderId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("payouts", () => {
  it("many parallel requests never pay out more than the balance", async () => {
    const { a } = await paidTwoSellerOrder({ released: true });
    const actor = (await loadActor(t.db, a.user.id))!;
    expect(await payable(a.seller.id)).toBe(4048);

    const quarter = 1012;
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => requestPayout(t.db, actor, { amountCents: quarter })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
    for (const r of results.filter((x) => x.status === "rejected")) expect(r.reason).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await payable(a.seller.id)).toBe(0);
    expect(await balanceOf(t.db, `seller:${a.seller.id}:payouts:USD`)).toBe(4048);
    await expect(requestPayout(t.db, actor, {})).rejects.toMatchObject({
      message: "You have no balance available to pay out yet: sales become available once their payout hold ends.",
    });
  });

  it("the whole balance requested 10 times at once is paid once; the transfer is simulated", async () => {
    const { b } = await paidTwoSellerOrder({ released: true });
    const actor = (await loadActor(t.db, b.user.id))!;
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => requestPayout(t.db, actor, {})));
    const paid = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof requestPayout>>> => r.status === "fulfilled");
    expect(paid).toHaveLength(1);
    expect(paid[0]?.value.amountCents).toBe(3179);
    await expect(processPayout(t.db, paid[0]!.value.id)).resolves.toMatchObject({
      status: "PAID",
      providerTransferId: expect.stringMatching(/^tr_sim_/) as unknown,
    });
    // Processing twice is harmless.
    await expect(processPayout(t.db, paid[0]!.value.id)).resolves.toMatchObject({ status: "PAID" });
    expect(await t.db.outboxEvent.count({ where: { name: "payout/requested", payload: { path: ["sellerId"], equals: b.seller.id } } })).toBe(1);
  });

  it("asks for no more than the balance, with the amount in the message", async () => {
    const { a } = await paidTwoSellerOrder({ released: true });
    const caller = await callerFor(t.db, a.user.id);
    await expect(caller.ledger.requestPayout({ amountCents: 4049 })).rejects.toMatchObject({ message: "You can pay out at most 40.48 USD." });
    await expect(caller.ledger.requestPayout({ amountCents: -5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a suspended seller cannot be paid out, and a payout pending at suspension fails back to the balance", async () => {
    const { a } = await paidTwoSellerOrder({ released: true });
    const payout = await requestPayout(t.db, (await loadActor(t.db, a.user.id))!, { amountCents: 1000 });
    await t.db.seller.update({ where: { id: a.seller.id }, data: { status: "SUSPENDED", suspendedAt: new Date() } });

    await expect((await callerFor(t.db, a.user.id)).ledger.requestPayout({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(processPayout(t.db, payout.id)).resolves.toMatchObject({ status: "FAILED", failureReason: expect.stringMatching(/not active/) as unknown });
    expect(await payable(a.seller.id)).toBe(4048);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });
});

describe("seller ledger views", () => {
  it("shows the seller their own entries with a running balance, and nothing of another seller's", async () => {
    const { a, b } = await paidTwoSellerOrder({ released: true });
    const sellerA = await callerFor(t.db, a.user.id);
    await sellerA.ledger.requestPayout({ amountCents: 48 });

    const { items } = await sellerA.ledger.entries();
    expect(items.map((e) => [e.kind, e.direction, e.amountCents, e.balanceCents])).toEqual([
      ["PAYOUT", "DEBIT", 48, 4000],
      ["FUNDS_RELEASE", "CREDIT", 4048, 4048],
    ]);
    expect(await sellerA.ledger.balance()).toEqual([{ currency: "USD", availableCents: 4000, pendingCents: 0, paidOutCents: 48 }]);

    const sellerB = await callerFor(t.db, b.user.id);
    const bEntries = (await sellerB.ledger.entries()).items;
    expect(bEntries).toHaveLength(1);
    expect(bEntries[0]?.amountCents).toBe(3179);
    // A cursor from another seller's entries does not leak them either.
    expect((await sellerB.ledger.entries({ cursor: items[0]!.id })).items).toHaveLength(1);
  });

  it("pages through entries", async () => {
    const { a } = await paidTwoSellerOrder({ released: true });
    const caller = await callerFor(t.db, a.user.id);
    for (const amount of [1, 2, 3]) await caller.ledger.requestPayout({ amountCents: amount });
    const first = await caller.ledger.entries({ limit: 2 });
    expect(first.items.map((e) => e.amountCents)).toEqual([3, 2]);
    const second = await caller.ledger.entries({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((e) => e.amountCents)).toEqual([1, 4048]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("trial balance", () => {
  it("balances after everything above, and is for administrators only", async () => {
    const admin = await callerFor(t.db, (await createAdmin(t.db)).id);
    const trial = await admin.ledger.trialBalance();
    expect(trial.balanced).toBe(true);
    expect(trial.unbalancedTransactions).toEqual([]);
    expect(trial.totals.find((x) => x.currency === "USD")).toMatchObject({ balanceCents: 0 });
    expect(trial.accounts.find((x) => x.code === "platform:clearing:USD")?.balanceCents).toBe(0);
    const { a } = await paidTwoSellerOrder({ released: true });
    await expect((await callerFor(t.db, a.user.id)).ledger.trialBalance()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
