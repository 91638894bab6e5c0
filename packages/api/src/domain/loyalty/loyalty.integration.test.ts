// Loyalty on a real database through the tRPC callers, paying through the simulator and the real
// webhook route: earning on delivery, pending to available, redemption at checkout (and two
// checkouts racing for the same points), refunds clawing back and giving back, expiry, tiers. The
// ledger balances and the points liability equals the points buyers hold after every step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createProduct, createSeller, shippingAddressInput, uniqueSuffix } from "../../testing/factories";
import { balanceOf, deliverToWebhookRoute, ledgerIsBalanced, payWithCard, placeOrder, shipAndDeliver, useDatabaseForHandlers } from "../../testing/payments";
import { ledgerAccountCode } from "../ledger/accounts";
import { splitPayment } from "../ledger/split-payment";
import { loadActor } from "../../trpc";
import { checkout } from "../checkout/checkout";
import { createSimulatorGateway } from "../payments/simulator-gateway";
import { signStripePayload, stripeEventPayload } from "../payments/simulator";
import { expireUnpaidOrders } from "../orders/expire-unpaid-orders";
import type { PaymentGateway } from "../payments/gateway";
import { inTransaction } from "../transaction";
import { recomputeAllTiers } from "./member";
import { expireInactivePoints, pointsOutstanding, releaseDuePoints, reservePoints, restoreReservedPoints } from "./points";
import { tellBuyerAboutTier } from "./functions/tier-changed";

let t: TestDatabase;
let adminId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  adminId = (await createAdmin(t.db)).id;
});
afterAll(async () => t?.drop());

const DAY_MS = 24 * 60 * 60 * 1000;
const member = (userId: string) => t.db.loyaltyMember.findUniqueOrThrow({ where: { userId }, include: { tier: true } });

/** Every transaction balances, every currency sums to zero, and the liability is exactly the points held or set aside. */
async function booksAreRight() {
  expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  const points = await pointsOutstanding(t.db);
  expect(points.liabilityCents).toBe(points.pendingPoints + points.availablePoints + points.reservedPoints + points.disputedPoints);
}

/** A buyer's paid order of one product at `priceCents` from a new seller (free shipping over $50, no tax in the tests). */
async function paidOrder(buyerId: string, priceCents: number, options: { usePoints?: number } = {}) {
  const { user: sellerUser, seller } = await createSeller(t.db);
  const { product } = await createProduct(t.db, seller.id, { priceCents, stock: 20 });
  const caller = await callerFor(t.db, buyerId);
  await caller.cart.add({ productId: product.id, quantity: 1 });
  const placed = await caller.checkout.start({
    idempotencyKey: `loyalty-${uniqueSuffix()}`,
    shippingAddress: shippingAddressInput(),
    usePoints: options.usePoints,
  });
  await payWithCard(t.db, placed);
  const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { shipments: true, items: true } });
  return { placed, order, seller, sellerUser, shipment: order.shipments[0]! };
}

/** A buyer with `points` available: an order earning them, delivered, its return window passed. */
async function buyerWithPoints(points: number) {
  const buyer = await createBuyer(t.db);
  const { shipment, sellerUser } = await paidOrder(buyer.id, points * 100);
  await shipAndDeliver(t.db, sellerUser.id, shipment.id);
  await releaseDuePoints(t.db, new Date(Date.now() + 31 * DAY_MS));
  return buyer;
}

describe("earning and tiers", () => {
  it("earns pending points on delivery, books them as a liability, moves the buyer up to Silver and tells them", async () => {
    const buyer = await createBuyer(t.db);
    const { shipment, sellerUser, order } = await paidOrder(buyer.id, 25_000);
    expect(await t.db.loyaltyMember.findUnique({ where: { userId: buyer.id } })).toBeNull();

    await shipAndDeliver(t.db, sellerUser.id, shipment.id);
    // $250.00 of goods at 1 point per dollar (Member: x1), pending for the shop's 30-day return window.
    expect(await member(buyer.id)).toMatchObject({ pendingPoints: 250, availablePoints: 0, qualifyingSpendCents: 25_000, tier: { code: "SILVER" } });
    const lot = await t.db.pointsLot.findUniqueOrThrow({ where: { shipmentId: shipment.id } });
    expect(lot.availableAt.getTime() - (await t.db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).deliveredAt!.getTime()).toBe(30 * DAY_MS);
    const [earning] = await t.db.ledgerTransaction.findMany({
      where: { orderId: order.id, kind: "LOYALTY" },
      include: { entries: { include: { account: true } } },
    });
    expect(earning?.entries.map((e) => [e.account.kind, e.direction, e.amountCents]).sort()).toEqual([
      ["LOYALTY_EXPENSE", "DEBIT", 250],
      ["POINTS_LIABILITY", "CREDIT", 250],
    ]);
    await booksAreRight();

    const event = await t.db.outboxEvent.findFirstOrThrow({ where: { name: "loyalty/tier-changed", payload: { path: ["userId"], equals: buyer.id } } });
    expect(
      await tellBuyerAboutTier(t.db, { ...(event.payload as { userId: string; fromTierId: string; toTierId: string; reason: null }), eventId: event.id }),
    ).toEqual({
      told: true,
    });
    const email = await t.db.email.findFirstOrThrow({ where: { to: buyer.email, template: "tier-changed" } });
    expect(email.subject).toBe("Welcome to Silver");
    expect(email.text).toContain("3% off every item");
    expect(await t.db.notification.count({ where: { userId: buyer.id, type: "TIER_CHANGED" } })).toBe(1);
  });

  it("makes points available at once when the return window had already passed at delivery", async () => {
    const buyer = await createBuyer(t.db);
    const { shipment, sellerUser } = await paidOrder(buyer.id, 3_000);
    await shipAndDeliver(t.db, sellerUser.id, shipment.id, new Date(Date.now() - 31 * DAY_MS));
    expect(await member(buyer.id)).toMatchObject({ pendingPoints: 0, availablePoints: 30 });
    await booksAreRight();
  });

  it("releases points once the return window has passed, not before, and only once", async () => {
    const buyer = await createBuyer(t.db);
    const { shipment, sellerUser } = await paidOrder(buyer.id, 4_000);
    await shipAndDeliver(t.db, sellerUser.id, shipment.id);
    expect(await releaseDuePoints(t.db, new Date(Date.now() + 29 * DAY_MS))).toBe(0);
    expect(await member(buyer.id)).toMatchObject({ pendingPoints: 40, availablePoints: 0 });
    expect(await releaseDuePoints(t.db, new Date(Date.now() + 31 * DAY_MS))).toBeGreaterThanOrEqual(1);
    expect(await member(buyer.id)).toMatchObject({ pendingPoints: 0, availablePoints: 40 });
    await releaseDuePoints(t.db, new Date(Date.now() + 32 * DAY_MS));
    expect(await member(buyer.id)).toMatchObject({ pendingPoints: 0, availablePoints: 40 });
    expect(await t.db.pointsMovement.findMany({ where: { userId: buyer.id }, orderBy: { createdAt: "asc" }, select: { kind: true, points: true } })).toEqual([
      { kind: "EARNED", points: 40 },
      { kind: "RELEASED", points: 40 },
    ]);
    await booksAreRight();
  });

  it("lets an administrator set a tier by hand with a reason (audited), which the nightly run keeps until cleared", async () => {
    const buyer = await buyerWithPoints(10);
    const admin = await callerFor(t.db, adminId);
    const gold = await t.db.loyaltyTier.findUniqueOrThrow({ where: { code: "GOLD" } });
    await expect(admin.admin.loyalty.setMemberTier({ userId: buyer.id, tierId: gold.id, reason: "  " })).rejects.toThrow(/at least 3 characters/);
    await admin.admin.loyalty.setMemberTier({ userId: buyer.id, tierId: gold.id, reason: "Goodwill after a lost parcel" });
    expect(await member(buyer.id)).toMatchObject({ tier: { code: "GOLD" }, overrideReason: "Goodwill after a lost parcel" });
    expect(await t.db.auditLog.findFirst({ where: { action: "loyalty.set-tier", entityId: buyer.id } })).toMatchObject({
      reason: "Goodwill after a lost parcel",
    });
    await recomputeAllTiers(t.db, new Date(Date.now() + DAY_MS));
    expect(await member(buyer.id)).toMatchObject({ tier: { code: "GOLD" }, computedTierId: "tier_member" });
    await admin.admin.loyalty.clearMemberTierOverride({ userId: buyer.id });
    expect(await member(buyer.id)).toMatchObject({ tier: { code: "MEMBER" }, overrideReason: null });
    const overview = await admin.admin.loyalty.overview({ limit: 100 });
    expect(overview.liability).toEqual(await pointsOutstanding(t.db));
    expect(overview.tiers.map((tier) => tier.code)).toEqual(["MEMBER", "SILVER", "GOLD", "PLATINUM"]);
    expect(overview.topMembers.find((m) => m.userId === buyer.id)).toMatchObject({ tierName: "Member", setByHand: false, availablePoints: 10 });
    expect(overview.tiers.reduce((sum, tier) => sum + tier.revenue.orders, 0)).toBeGreaterThan(0);
    expect(overview.repeatPurchase.buyers).toBeGreaterThan(0);
    await expect(admin.admin.loyalty.updateTier({ tierId: "tier_member", minSpendCents: 500 })).rejects.toThrow(/stays \$0.00/);
    await expect(admin.admin.loyalty.updateTier({ tierId: "tier_gold", name: "Silver" })).rejects.toThrow(
      "Another tier is already called Silver. Choose another name.",
    );
    const buyerCaller = await callerFor(t.db, buyer.id);
    await expect(buyerCaller.admin.loyalty.setMemberTier({ userId: buyer.id, tierId: gold.id, reason: "I deserve it" })).rejects.toThrow(/administrators/);
  });
});

describe("redeeming points", () => {
  it("takes tier discount and points off the order as their own lines, and the seller is paid their full share", async () => {
    const buyer = await buyerWithPoints(250); // $250 delivered: Silver, 250 points available
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 250, tier: { code: "SILVER" } });
    const { order, seller, placed } = await paidOrder(buyer.id, 10_000, { usePoints: 250 });
    // 3% of $100 = $3.00; 250 points -> 200 (steps of 100) = $2.00; free shipping (shop's $50 rule).
    expect(order).toMatchObject({
      subtotalCents: 10_000,
      discountCents: 0,
      tierDiscountCents: 300,
      pointsRedeemed: 200,
      pointsDiscountCents: 200,
      shippingCents: 0,
      totalCents: 9_500,
      tierName: "Silver",
    });
    expect(order.items[0]).toMatchObject({ tierDiscountCents: 300, pointsDiscountCents: 200 });
    expect(placed.totalCents).toBe(9_500);
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 50 });
    await booksAreRight(); // the 200 points are set aside until the split

    await splitPayment(t.db, placed.paymentId);
    // The shop sold $100.00 at 10% commission: it gets $90.00, as if the buyer had paid in full.
    expect(await balanceOf(t.db, ledgerAccountCode.sellerPending(seller.id, "USD"))).toBe(9_000);
    const split = await t.db.ledgerTransaction.findUniqueOrThrow({
      where: { idempotencyKey: `split:${placed.paymentId}` },
      include: { entries: { include: { account: true } } },
    });
    const net = (kind: string) =>
      split.entries.filter((e) => e.account.kind === kind).reduce((s, e) => s + (e.direction === "CREDIT" ? e.amountCents : -e.amountCents), 0);
    expect({ revenue: net("PLATFORM_REVENUE"), expense: net("LOYALTY_EXPENSE"), liability: net("POINTS_LIABILITY") }).toEqual({
      revenue: 700,
      expense: 0,
      liability: -200,
    });
    await booksAreRight();
    // The seller's money page: the sale at its full price, their usual commission, their full share.
    const sellerApi = await callerFor(t.db, (await t.db.seller.findUniqueOrThrow({ where: { id: seller.id } })).userId);
    const sales = await sellerApi.seller.sales({});
    expect(sales.items.find((sale) => sale.orderId === order.id)).toMatchObject({ grossCents: 10_000, commissionCents: 1_000, netCents: 9_000, settled: true });
  });

  it("a seller who opted in to co-fund half pays half of the tier discount; Bazaar the rest", async () => {
    const buyer = await buyerWithPoints(250); // Silver
    const { user: sellerUser, seller } = await createSeller(t.db);
    const sellerApi = await callerFor(t.db, sellerUser.id);
    await expect(sellerApi.seller.loyaltyCofund({ cofundBps: 10_001 })).rejects.toThrow("Enter 0% to 100%.");
    expect(await sellerApi.seller.loyaltyCofund({ cofundBps: 5_000 })).toEqual({ cofundBps: 5_000 });
    const { product } = await createProduct(t.db, seller.id, { priceCents: 10_000, stock: 5 });
    const caller = await callerFor(t.db, buyer.id);
    await caller.cart.add({ productId: product.id, quantity: 1 });
    const placed = await caller.checkout.start({ idempotencyKey: `cofund-${uniqueSuffix()}`, shippingAddress: shippingAddressInput() });
    await payWithCard(t.db, placed);
    await splitPayment(t.db, placed.paymentId);
    // Tier 3% = $3.00, half co-funded: the seller sells at $98.50, 10% commission -> $88.65.
    expect(await t.db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId } })).toMatchObject({ tierDiscountCents: 300, sellerFundedCents: 150 });
    expect(await balanceOf(t.db, ledgerAccountCode.sellerPending(seller.id, "USD"))).toBe(8_865);
    await booksAreRight();
  });

  it("refuses more points than the buyer has and negative points with reasons; the cart shows how many can be used", async () => {
    const buyer = await buyerWithPoints(100);
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { priceCents: 5_000, stock: 5 });
    const caller = await callerFor(t.db, buyer.id);
    await caller.cart.add({ productId: product.id, quantity: 1 });
    await expect(caller.checkout.start({ idempotencyKey: `over-${uniqueSuffix()}`, shippingAddress: shippingAddressInput(), usePoints: 500 })).rejects.toThrow(
      "You have 100 points available: use at most that many.",
    );
    await expect(caller.checkout.start({ idempotencyKey: `neg-${uniqueSuffix()}`, shippingAddress: shippingAddressInput(), usePoints: -1 })).rejects.toThrow(
      /cannot be negative/,
    );
    const view = await caller.cart.get();
    expect(view.loyalty).toEqual({ tierName: "Member", availablePoints: 100, maxRedeemablePoints: 100, stepPoints: 100 });
  });

  it("two checkouts racing for the same points: exactly one gets them, the other is refused and nothing is spent twice", async () => {
    const buyer = await buyerWithPoints(300);
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { priceCents: 2_000, stock: 10 });
    const caller = await callerFor(t.db, buyer.id);
    await caller.cart.add({ productId: product.id, quantity: 1 });
    const results = await Promise.allSettled(
      [1, 2].map((n) => caller.checkout.start({ idempotencyKey: `race-${n}-${uniqueSuffix()}`, shippingAddress: shippingAddressInput(), usePoints: 300 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.order.aggregate({ where: { buyerId: buyer.id, pointsRedeemed: { gt: 0 } }, _sum: { pointsRedeemed: true }, _count: true })).toEqual({
      _sum: { pointsRedeemed: 300 },
      _count: 1,
    });
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 0 });
    expect(await t.db.pointsMovement.count({ where: { userId: buyer.id, kind: "REDEEMED" } })).toBe(1);
    await booksAreRight();
  });

  it("gives the points back when the checkout is undone (the payment provider failed) or the order is cancelled unpaid", async () => {
    const buyer = await buyerWithPoints(300);
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { priceCents: 4_000, stock: 10 });
    const caller = await callerFor(t.db, buyer.id);
    await caller.cart.add({ productId: product.id, quantity: 1 });
    const failing: PaymentGateway = { ...createSimulatorGateway(), createPaymentIntent: () => Promise.reject(new Error("connect ECONNREFUSED")) };
    await expect(
      checkout(
        t.db,
        await loadActor(t.db, buyer.id),
        { idempotencyKey: `undo-${uniqueSuffix()}`, shippingAddress: shippingAddressInput(), usePoints: 200 },
        { gateway: failing },
      ),
    ).rejects.toMatchObject({ code: "PAYMENT_FAILED" });
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 300 });
    expect(await t.db.pointsMovement.count({ where: { userId: buyer.id, kind: "REDEEMED" } })).toBe(0);

    const placed = await caller.checkout.start({ idempotencyKey: `cancel-${uniqueSuffix()}`, shippingAddress: shippingAddressInput(), usePoints: 200 });
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 100 });
    await booksAreRight();
    await caller.orders.cancel({ orderId: placed.orderId, reason: "Changed my mind" });
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 300 });
    expect(await t.db.pointsMovement.findFirst({ where: { orderId: placed.orderId, kind: "RESTORED" }, select: { points: true } })).toEqual({ points: 200 });
    await booksAreRight();
  });

  it("the guarded reservation itself: parallel reservations of the same points, one succeeds", async () => {
    const buyer = await buyerWithPoints(600);
    const results = await Promise.allSettled(
      [1, 2, 3].map((n) =>
        inTransaction(t.db, (tx) =>
          reservePoints(tx, { userId: buyer.id, orderId: `race-order-${n}-${uniqueSuffix()}`, orderNumber: n, points: 500, now: new Date() }),
        ),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(refused.reason)).toMatch(/You no longer have 500 points available/);
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 100 });
    // These reservations have no orders behind them: give the points back so the books stay comparable.
    const redeemed = await t.db.pointsMovement.findFirstOrThrow({ where: { userId: buyer.id, kind: "REDEEMED" } });
    await inTransaction(t.db, (tx) => restoreReservedPoints(tx, redeemed.orderId!));
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 600 });
    await booksAreRight();
  });
});

describe("refunds and expiry", () => {
  it("a full refund of an order paid partly with points gives the points back and takes the seller's share back", async () => {
    const buyer = await buyerWithPoints(250);
    const { order, seller, placed, shipment } = await paidOrder(buyer.id, 10_000, { usePoints: 200 });
    await splitPayment(t.db, placed.paymentId);
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 50 });
    const admin = await callerFor(t.db, adminId);
    const refund = await admin.orders.refundItems({
      orderId: order.id,
      shipmentId: shipment.id,
      items: [{ orderItemId: order.items[0]!.id, quantity: 1 }],
      reason: "Changed their mind before shipping",
      idempotencyKey: `k-${uniqueSuffix()}`,
    });
    // The buyer paid $95.00 in cash: that comes back to the card, the 200 points come back as points.
    expect(refund.amountCents).toBe(9_500);
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 250 });
    expect(await balanceOf(t.db, ledgerAccountCode.sellerPending(seller.id, "USD"))).toBe(0);
    expect(await t.db.pointsMovement.findFirst({ where: { orderId: order.id, kind: "RETURNED" }, select: { points: true } })).toEqual({ points: 200 });
    await booksAreRight();
  });

  it("a partial refund after delivery claws back the points it earned in proportion and can drop the tier", async () => {
    const buyer = await createBuyer(t.db);
    const { user: sellerUser, seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { priceCents: 12_500, stock: 5 });
    const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 2 }]);
    await payWithCard(t.db, placed);
    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { shipments: true, items: true } });
    await shipAndDeliver(t.db, sellerUser.id, order.shipments[0]!.id);
    expect(await member(buyer.id)).toMatchObject({ pendingPoints: 250, tier: { code: "SILVER" } });

    const admin = await callerFor(t.db, adminId);
    await admin.orders.refundItems({
      orderId: order.id,
      shipmentId: order.shipments[0]!.id,
      items: [{ orderItemId: order.items[0]!.id, quantity: 1 }],
      reason: "One arrived broken",
      idempotencyKey: `k-${uniqueSuffix()}`,
    });
    // Half the part refunded: half the points go; the $125.00 left is under Silver's $200.00.
    expect(await member(buyer.id)).toMatchObject({ pendingPoints: 125, qualifyingSpendCents: 12_500, tier: { code: "MEMBER" } });
    expect(await t.db.pointsLot.findUniqueOrThrow({ where: { shipmentId: order.shipments[0]!.id } })).toMatchObject({ points: 250, clawedBack: 125 });
    const changes = await t.db.outboxEvent.findMany({
      where: { name: "loyalty/tier-changed", payload: { path: ["userId"], equals: buyer.id } },
      orderBy: { createdAt: "asc" },
    });
    expect(changes.map((e) => (e.payload as { toTierId: string }).toTierId)).toEqual(["tier_silver", "tier_member"]);
    await booksAreRight();
  });

  it("available points expire after the inactivity period, out of the liability; recent ones do not", async () => {
    const idle = await buyerWithPoints(100);
    const active = await buyerWithPoints(100);
    await t.db.loyaltyMember.update({ where: { userId: idle.id }, data: { lastActivityAt: new Date(Date.now() - 400 * DAY_MS) } });
    const liabilityBefore = (await pointsOutstanding(t.db)).liabilityCents;
    expect(await expireInactivePoints(t.db, new Date())).toBe(1);
    expect(await member(idle.id)).toMatchObject({ availablePoints: 0 });
    expect(await member(active.id)).toMatchObject({ availablePoints: 100 });
    expect((await pointsOutstanding(t.db)).liabilityCents).toBe(liabilityBefore - 100);
    expect(await expireInactivePoints(t.db, new Date())).toBe(0);
    expect(await t.db.pointsMovement.findFirst({ where: { userId: idle.id, kind: "EXPIRED" }, select: { points: true } })).toEqual({ points: -100 });
    await booksAreRight();
  });
});

describe("a payment arriving after the order gave its points back", () => {
  /** Stripe's `payment_intent.succeeded` for the order, delivered to the webhook route (Stripe can deliver it late). */
  const paymentSucceeds = async (placed: { paymentIntentId: string; totalCents: number }) => {
    const payload = stripeEventPayload("payment_intent.succeeded", {
      id: placed.paymentIntentId,
      object: "payment_intent",
      amount: placed.totalCents,
      amount_received: placed.totalCents,
      currency: "usd",
      status: "succeeded",
    });
    return (await deliverToWebhookRoute({ payload, signature: signStripePayload(payload) })).status;
  };

  /** A buyer with 300 points places a $40.00 order using 200 of them and does not pay (yet). */
  async function unpaidOrderWithPoints() {
    const buyer = await buyerWithPoints(300);
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { priceCents: 4_000, stock: 10 });
    const caller = await callerFor(t.db, buyer.id);
    await caller.cart.add({ productId: product.id, quantity: 1 });
    const placed = await caller.checkout.start({ idempotencyKey: `late-${uniqueSuffix()}`, shippingAddress: shippingAddressInput(), usePoints: 200 });
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 100 });
    const { paymentDueAt } = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
    return { buyer, placed, caller, afterDue: new Date(paymentDueAt!.getTime() + 1000) };
  }

  const movements = (orderId: string) =>
    t.db.pointsMovement.findMany({ where: { orderId }, orderBy: { createdAt: "asc" }, select: { kind: true, points: true } });

  it("expired, then paid late: the payment is refunded, the points stay given back once, nothing is split", async () => {
    const { buyer, placed, afterDue } = await unpaidOrderWithPoints();
    expect(await expireUnpaidOrders(t.db, afterDue)).toBeGreaterThanOrEqual(1);
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 300 });
    const liabilityBefore = (await pointsOutstanding(t.db)).liabilityCents;
    await booksAreRight();

    expect(await paymentSucceeds(placed)).toBe(200);
    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true } });
    expect(order.status).toBe("CANCELLED");
    expect(order.payments[0]).toMatchObject({ status: "REFUNDED", refundedCents: placed.totalCents });
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 300 });
    expect(await movements(placed.orderId)).toEqual([
      { kind: "REDEEMED", points: -200 },
      { kind: "RESTORED", points: 200 },
    ]);
    // The points were not taken out of the liability a second time: no split, no refund reversal.
    expect(await t.db.ledgerTransaction.count({ where: { OR: [{ orderId: placed.orderId }, { paymentId: placed.paymentId }] } })).toBe(0);
    expect((await pointsOutstanding(t.db)).liabilityCents).toBe(liabilityBefore);
    // The same event again (Stripe retries) changes nothing.
    expect(await paymentSucceeds(placed)).toBe(200);
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 300 });
    await booksAreRight();
  });

  it("cancelled by the buyer, then paid late: the same", async () => {
    const { buyer, placed, caller } = await unpaidOrderWithPoints();
    await caller.orders.cancel({ orderId: placed.orderId, reason: "Changed my mind" });
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 300 });
    expect(await paymentSucceeds(placed)).toBe(200);
    expect(await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true } })).toMatchObject({
      status: "CANCELLED",
      payments: [expect.objectContaining({ status: "REFUNDED" })],
    });
    expect(await member(buyer.id)).toMatchObject({ availablePoints: 300 });
    expect(await movements(placed.orderId)).toEqual([
      { kind: "REDEEMED", points: -200 },
      { kind: "RESTORED", points: 200 },
    ]);
    expect(await t.db.ledgerTransaction.count({ where: { paymentId: placed.paymentId } })).toBe(0);
    await booksAreRight();
  });

  it("the expiry sweep and the payment racing on five orders (each event delivered twice): each order is either paid with its points or given up with them back", async () => {
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await unpaidOrderWithPoints());
    const afterDue = new Date(Math.max(...orders.map((o) => o.afterDue.getTime())));
    const statuses = await Promise.all([
      expireUnpaidOrders(t.db, afterDue),
      expireUnpaidOrders(t.db, afterDue),
      ...orders.flatMap(({ placed }) => [paymentSucceeds(placed), paymentSucceeds(placed)]),
    ]);
    expect(statuses.slice(2).every((s) => s === 200)).toBe(true);
    for (const { buyer, placed } of orders) {
      const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true } });
      if (order.status === "CANCELLED") {
        expect(order.payments[0]).toMatchObject({ status: "REFUNDED", refundedCents: placed.totalCents });
        expect(await member(buyer.id)).toMatchObject({ availablePoints: 300 });
        expect(await t.db.ledgerTransaction.count({ where: { paymentId: placed.paymentId } })).toBe(0);
      } else {
        expect(order.status).toBe("CONFIRMED");
        expect(order.payments[0]).toMatchObject({ status: "CAPTURED", refundedCents: 0 });
        expect(await member(buyer.id)).toMatchObject({ availablePoints: 100 });
        await splitPayment(t.db, placed.paymentId);
      }
      expect(await t.db.pointsMovement.count({ where: { orderId: placed.orderId, kind: "REDEEMED" } })).toBe(1);
    }
    await booksAreRight();
  });
});
