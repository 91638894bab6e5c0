// Stripe Connect state through the real webhook route (events from the simulator): payouts wait for
// an account that cannot receive them, go out once Stripe enables it, and come back on a reversal
// or a bank failure with the ledger reversed and the seller told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../../events/drain";
import { callerFor } from "../../testing";
import { createBuyer, createProduct, createSeller } from "../../testing/factories";
import { balanceOf, deliverAndRelease, deliverToWebhookRoute, ledgerIsBalanced, payWithCard, placeOrder, useDatabaseForHandlers } from "../../testing/payments";
import { simulateAccountUpdated, simulatePayoutFailure, simulateTransferReversal } from "../payments/simulator";
import { splitPayment } from "./split-payment";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

const deliver = { deliver: deliverToWebhookRoute };

async function sellerWithBalance() {
  const shop = await createSeller(t.db, { shippingFlatCents: 0, freeShippingOverCents: 0 });
  const { product } = await createProduct(t.db, shop.seller.id, { priceCents: 5000, stock: 5 });
  const placed = await placeOrder(t.db, (await createBuyer(t.db)).id, [{ productId: product.id, quantity: 1 }]);
  await payWithCard(t.db, placed);
  await splitPayment(t.db, placed.paymentId);
  await deliverAndRelease(t.db, placed.orderId);
  return shop;
}

describe("Stripe Connect state", () => {
  it("a payout to an account Stripe says cannot receive payouts waits with the reason, and goes out when Stripe enables them", async () => {
    const shop = await sellerWithBalance();
    await simulateAccountUpdated(
      t.db,
      { sellerId: shop.seller.id, payoutsEnabled: false, requirements: ["external_account"], disabledReason: "requirements.past_due" },
      deliver,
    );
    expect(await t.db.seller.findUniqueOrThrow({ where: { id: shop.seller.id } })).toMatchObject({
      stripePayoutsEnabled: false,
      stripeRequirements: ["external_account"],
      stripeAccountId: expect.stringMatching(/^acct_sim_/) as unknown,
    });
    const caller = await callerFor(t.db, shop.user.id);
    const payout = await caller.ledger.requestPayout({});
    await drainOutbox(t.db);
    const waiting = await t.db.payout.findUniqueOrThrow({ where: { id: payout.id } });
    expect(waiting).toMatchObject({ status: "REQUESTED" });
    expect(waiting.waitingReason).toBe(
      "Your Stripe account cannot receive payouts yet (requirements.past_due). Stripe still needs: external_account. This payout is sent as soon as Stripe enables payouts.",
    );
    expect((await caller.ledger.payouts()).items[0]).toMatchObject({ waitingReason: waiting.waitingReason });

    await simulateAccountUpdated(t.db, { sellerId: shop.seller.id, payoutsEnabled: true }, deliver);
    await drainOutbox(t.db);
    expect(await t.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "PAID", waitingReason: null });
    expect(await t.db.notification.count({ where: { userId: shop.user.id, type: "CONNECT_UPDATE" } })).toBe(2);
  });

  it("transfer.reversed puts the payout back in the balance once, and tells the seller", async () => {
    const shop = await sellerWithBalance();
    const payout = await (await callerFor(t.db, shop.user.id)).ledger.requestPayout({});
    await drainOutbox(t.db);
    expect(await balanceOf(t.db, `seller:${shop.seller.id}:payable:USD`)).toBe(0);
    await Promise.all([simulateTransferReversal(t.db, { payoutId: payout.id }, deliver), simulateTransferReversal(t.db, { payoutId: payout.id }, deliver)]);
    expect(await t.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({ status: "REVERSED" });
    expect(await balanceOf(t.db, `seller:${shop.seller.id}:payable:USD`)).toBe(4500);
    expect(await balanceOf(t.db, `seller:${shop.seller.id}:payouts:USD`)).toBe(0);
    expect(await t.db.notification.count({ where: { userId: shop.user.id, type: "PAYOUT_REVERSED" } })).toBe(1);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("payout.failed for a payout Bazaar sent reverses it with the bank's message", async () => {
    const shop = await sellerWithBalance();
    const payout = await (await callerFor(t.db, shop.user.id)).ledger.requestPayout({});
    await drainOutbox(t.db);
    await simulatePayoutFailure(t.db, { payoutId: payout.id }, deliver);
    expect(await t.db.payout.findUniqueOrThrow({ where: { id: payout.id } })).toMatchObject({
      status: "REVERSED",
      failureReason: "Your bank refused the payout: The bank account has been closed.",
    });
    expect(await balanceOf(t.db, `seller:${shop.seller.id}:payable:USD`)).toBe(4500);
  });
});
