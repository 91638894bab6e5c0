// Payout holds and balances below zero, on a real database: sales wait in the sellers' pending
// funds until the hold ends; a refund after a payout makes the payable negative, visibly; the next
// sales pay the debt down first; a refund and a payout at the same moment come out one after the other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../../events/drain";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createProduct, createSeller } from "../../testing/factories";
import { balanceOf, deliverAndRelease, ledgerIsBalanced, payWithCard, placeOrder, shipAndDeliver, useDatabaseForHandlers } from "../../testing/payments";
import { releaseDueFunds } from "./payout-holds";
import { splitPayment } from "./split-payment";

let t: TestDatabase;
let adminId: string;
beforeAll(async () => {
  t = await createTestDatabase({ max: 30 });
  useDatabaseForHandlers(t.db);
  adminId = (await createAdmin(t.db)).id;
});
afterAll(async () => t?.drop());

const DAY = 24 * 3600_000;
const payable = (sellerId: string) => balanceOf(t.db, `seller:${sellerId}:payable:USD`);
const pending = (sellerId: string) => balanceOf(t.db, `seller:${sellerId}:pending:USD`);

/** One seller (10% commission, free shipping) and a paid, split order of one product at `priceCents`. */
async function sale(seller: Awaited<ReturnType<typeof createSeller>>, priceCents: number) {
  const { product } = await createProduct(t.db, seller.seller.id, { priceCents, stock: 5 });
  const buyer = await createBuyer(t.db);
  const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 1 }]);
  await payWithCard(t.db, placed);
  await splitPayment(t.db, placed.paymentId);
  const shipment = await t.db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId } });
  return { placed, shipment, buyer };
}

const freeShipping = () => createSeller(t.db, { shippingFlatCents: 0, freeShippingOverCents: 0 });

describe("payout holds", () => {
  it("a sale is pending until 7 days after delivery; the seller sees when it becomes available; then it can be paid out", async () => {
    const seller = await freeShipping();
    const { shipment } = await sale(seller, 10_000);
    const caller = await callerFor(t.db, seller.user.id);
    expect(await caller.ledger.balance()).toEqual([{ currency: "USD", availableCents: 0, pendingCents: 9000, paidOutCents: 0 }]);
    await expect(caller.ledger.requestPayout({})).rejects.toMatchObject({
      message: "You have no balance available to pay out yet: sales become available once their payout hold ends.",
    });
    expect(await caller.ledger.pending()).toEqual([expect.objectContaining({ shipmentId: shipment.id, pendingCents: 9000, availableAt: null })]);

    const deliveredAt = new Date(Date.now() - 3 * DAY);
    await shipAndDeliver(t.db, seller.user.id, shipment.id, deliveredAt);
    const [row] = await caller.ledger.pending();
    expect(row?.availableAt).toEqual(new Date(deliveredAt.getTime() + 7 * DAY));
    // Not yet: 3 days after delivery.
    await releaseDueFunds(t.db);
    expect(await pending(seller.seller.id)).toBe(9000);
    // Four days later; twice at once releases once.
    await Promise.all([releaseDueFunds(t.db, new Date(Date.now() + 4 * DAY + 60_000)), releaseDueFunds(t.db, new Date(Date.now() + 4 * DAY + 60_000))]);
    expect(await caller.ledger.balance()).toEqual([{ currency: "USD", availableCents: 9000, pendingCents: 0, paidOutCents: 0 }]);
    expect(await t.db.ledgerTransaction.count({ where: { kind: "FUNDS_RELEASE", idempotencyKey: `release:${shipment.id}` } })).toBe(1);
    await expect(caller.ledger.requestPayout({})).resolves.toMatchObject({ amountCents: 9000 });
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("a shipment never marked delivered is released 21 days after shipping (a platform setting)", async () => {
    const seller = await freeShipping();
    const { shipment } = await sale(seller, 5000);
    await (await callerFor(t.db, seller.user.id)).fulfillment.markShipped({ shipmentId: shipment.id, carrier: "UPS", trackingNumber: "1ZHOLD1" });
    await releaseDueFunds(t.db, new Date(Date.now() + 20 * DAY));
    expect(await payable(seller.seller.id)).toBe(0);
    await (await callerFor(t.db, adminId)).admin.settings.update({ payoutHoldDaysAfterShipping: 10 });
    await releaseDueFunds(t.db, new Date(Date.now() + 11 * DAY));
    expect(await payable(seller.seller.id)).toBe(4500);
    await (await callerFor(t.db, adminId)).admin.settings.update({ payoutHoldDaysAfterShipping: 21 });
  });

  it("a refund before the hold ends comes out of pending funds; nothing goes negative", async () => {
    const seller = await freeShipping();
    const { placed, shipment } = await sale(seller, 8000);
    await shipAndDeliver(t.db, seller.user.id, shipment.id);
    await (await callerFor(t.db, adminId)).orders.adminRefund({ orderId: placed.orderId, reason: "Arrived broken" });
    expect(await pending(seller.seller.id)).toBe(0);
    expect(await payable(seller.seller.id)).toBe(0);
    await releaseDueFunds(t.db, new Date(Date.now() + 8 * DAY));
    expect(await payable(seller.seller.id)).toBe(0);
  });
});

describe("a balance below zero", () => {
  it("a refund after the payout makes the payable negative: the seller is told, payouts refused, the admin lists them, the next sale pays it down first", async () => {
    const seller = await freeShipping();
    const first = await sale(seller, 10_000);
    await deliverAndRelease(t.db, first.placed.orderId);
    const caller = await callerFor(t.db, seller.user.id);
    await caller.ledger.requestPayout({});
    await (await callerFor(t.db, adminId)).orders.adminRefund({ orderId: first.placed.orderId, reason: "Never arrived" });

    expect(await payable(seller.seller.id)).toBe(-9000);
    const [notice] = await t.db.notification.findMany({ where: { userId: seller.user.id, type: "BALANCE_NEGATIVE" } });
    expect(notice?.title).toBe("Your balance is -$90.00");
    // And by mail, once.
    await drainOutbox(t.db);
    const mails = await t.db.email.findMany({ where: { to: seller.seller.contactEmail, subject: "Your Bazaar balance is -$90.00" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain("A refund on order #");
    expect(mails[0]?.text).toContain("was taken from money already paid out to you");
    await expect(caller.ledger.requestPayout({})).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("-90.00 USD") as unknown,
    });
    const admin = await callerFor(t.db, adminId);
    expect(await admin.admin.money.sellersInDebt()).toEqual([expect.objectContaining({ sellerId: seller.seller.id, balanceCents: -9000, pendingCents: 0 })]);

    // The next sale of 120.00 (108.00 to the seller) pays the 90.00 back first: 18.00 is available.
    const second = await sale(seller, 12_000);
    await deliverAndRelease(t.db, second.placed.orderId);
    expect(await payable(seller.seller.id)).toBe(1800);
    expect((await admin.admin.money.sellersInDebt()).some((s) => s.sellerId === seller.seller.id)).toBe(false);
    await expect(caller.ledger.requestPayout({})).resolves.toMatchObject({ amountCents: 1800 });
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("a refund and a payout at the same moment: one waits for the other, the books balance and any debt is recorded", async () => {
    for (let round = 0; round < 4; round++) {
      const seller = await freeShipping();
      const { placed } = await sale(seller, 10_000);
      await deliverAndRelease(t.db, placed.orderId);
      const [payout, refund] = await Promise.allSettled([
        (await callerFor(t.db, seller.user.id)).ledger.requestPayout({}),
        (await callerFor(t.db, adminId)).orders.adminRefund({ orderId: placed.orderId, reason: "Race" }),
      ]);
      expect(refund.status).toBe("fulfilled");
      const balance = await payable(seller.seller.id);
      if (payout.status === "fulfilled") {
        // The payout went first: the refund then took the seller below zero, and told them.
        expect(balance).toBe(-9000);
        expect(await t.db.notification.count({ where: { userId: seller.user.id, type: "BALANCE_NEGATIVE" } })).toBe(1);
      } else {
        // The refund went first: nothing was left to pay out.
        expect(payout.reason).toMatchObject({ code: "PRECONDITION_FAILED" });
        expect(balance).toBe(0);
      }
      expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
    }
  });
});
