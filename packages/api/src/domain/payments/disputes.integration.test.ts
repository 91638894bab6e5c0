// Disputes through the real signed webhook route: the simulator's disputing card, the same event
// delivered concurrently, closing as won (evidence) and lost (fee per the platform setting), and
// disputes on an order paid partly with a tier discount and points, taken back as a refund would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../../events/drain";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createProduct, createSeller, shippingAddressInput, uniqueSuffix } from "../../testing/factories";
import {
  balanceOf,
  deliverAndRelease,
  deliverToWebhookRoute,
  ledgerIsBalanced,
  payWithCard,
  placeOrder,
  shipAndDeliver,
  stripeWebhookRequest,
  useDatabaseForHandlers,
} from "../../testing/payments";
import { POST as stripeWebhook } from "../../http/stripe-webhook";
import { splitPayment } from "../ledger/split-payment";
import { submitDisputeEvidence } from "./dispute-views";
import { stripeEventPayload } from "./simulator";
import { loadActor } from "../../trpc";
import { pointsOutstanding, releaseDuePoints } from "../loyalty/points";

let t: TestDatabase;
let adminId: string;
beforeAll(async () => {
  t = await createTestDatabase({ max: 30 });
  useDatabaseForHandlers(t.db);
  adminId = (await createAdmin(t.db)).id;
});
afterAll(async () => t?.drop());

const held = () => balanceOf(t.db, "platform:disputes-held:USD");
const owed = async (sellerId: string) => (await balanceOf(t.db, `seller:${sellerId}:pending:USD`)) + (await balanceOf(t.db, `seller:${sellerId}:payable:USD`));

/** Two sellers with free shipping (10% commission) and one order of 60.00 from A and 40.00 from B, paid with `card`. */
async function twoSellerOrder(card = "4242424242424242") {
  const a = await createSeller(t.db, { shippingFlatCents: 0, freeShippingOverCents: 0 });
  const b = await createSeller(t.db, { shippingFlatCents: 0, freeShippingOverCents: 0 });
  const pa = (await createProduct(t.db, a.seller.id, { priceCents: 6000, stock: 5 })).product;
  const pb = (await createProduct(t.db, b.seller.id, { priceCents: 4000, stock: 5 })).product;
  const buyer = await createBuyer(t.db);
  const placed = await placeOrder(t.db, buyer.id, [
    { productId: pa.id, quantity: 1 },
    { productId: pb.id, quantity: 1 },
  ]);
  await payWithCard(t.db, placed, card);
  await splitPayment(t.db, placed.paymentId);
  return { a, b, placed };
}

const disputeEvent = (type: "charge.dispute.created" | "charge.dispute.closed", paymentIntentId: string, amount: number, status: string, id = "dp_test_1") =>
  stripeEventPayload(type, {
    id,
    object: "dispute",
    amount,
    currency: "usd",
    payment_intent: paymentIntentId,
    reason: "product_not_received",
    status,
    evidence_details: { due_by: Math.floor(Date.UTC(2027, 0, 10) / 1000) },
  });

describe("disputes", () => {
  it("the simulator's disputing card: paid, then disputed; the amount is held from both sellers in proportion; evidence wins it back", async () => {
    const { a, b, placed } = await twoSellerOrder("4000 0000 0000 0259");
    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { disputes: true, payments: true } });
    expect(order.status).toBe("CONFIRMED");
    expect(order.disputes).toEqual([
      expect.objectContaining({ status: "OPEN", amountCents: 10_000, reason: "fraudulent", evidenceDueBy: expect.any(Date) as unknown }),
    ]);
    expect(order.payments[0]).toMatchObject({ disputedCents: 10_000 });
    expect(await held()).toBe(10_000);
    // 60.00 less 10% is 54.00 owed to A before; all of it is held now. The same for B's 36.00.
    expect(await owed(a.seller.id)).toBe(0);
    expect(await owed(b.seller.id)).toBe(0);
    expect(await balanceOf(t.db, "platform:revenue:USD")).toBe(0);
    // Nothing of a disputed payment can be refunded as well.
    await expect((await callerFor(t.db, adminId)).orders.adminRefund({ orderId: placed.orderId, reason: "Buyer asked" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("The buyer's bank disputed this payment") as unknown,
    });
    // The seller sees it with their share, and the admin with its deadline.
    const [mine] = await (await callerFor(t.db, a.user.id)).ledger.disputes();
    expect(mine).toMatchObject({ status: "OPEN", amountCents: 10_000, yourShareCents: 5400 });

    const dispute = order.disputes[0]!;
    const admin = (await loadActor(t.db, adminId))!;
    await expect(
      submitDisputeEvidence(t.db, admin, { disputeId: dispute.id, evidence: "Tracking shows delivered" }, { deliver: deliverToWebhookRoute }),
    ).resolves.toMatchObject({
      status: "under_review",
    });
    await expect(
      submitDisputeEvidence(t.db, admin, { disputeId: dispute.id, evidence: "winning_evidence: signed delivery receipt" }, { deliver: deliverToWebhookRoute }),
    ).resolves.toMatchObject({ status: "won" });
    expect(await t.db.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({ status: "WON", closedAt: expect.any(Date) as unknown });
    expect(await held()).toBe(0);
    expect(await owed(a.seller.id)).toBe(5400);
    expect(await owed(b.seller.id)).toBe(3600);
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: placed.paymentId } })).toMatchObject({ disputedCents: 0 });
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });

    // Sellers and administrators were told at each step.
    await drainOutbox(t.db);
    const order_ = `Order #${order.number}`;
    expect((await t.db.email.findMany({ where: { to: a.seller.contactEmail, template: "notice" } })).map((m) => m.subject)).toEqual(
      expect.arrayContaining([`${order_}: the buyer's bank disputed $100.00`, `${order_}: the dispute was won`]),
    );
    const adminEmail = (await t.db.user.findUniqueOrThrow({ where: { id: adminId } })).email;
    const adminMail = await t.db.email.findFirst({ where: { to: adminEmail, subject: `${order_}: the buyer's bank disputed $100.00` } });
    expect(adminMail?.text).toContain("Answer with evidence by");
    expect(await t.db.notification.count({ where: { userId: b.user.id, type: { in: ["DISPUTE_OPENED", "DISPUTE_CLOSED"] } } })).toBe(2);
  });

  it("the same dispute event delivered 5 times at once holds the amount once", async () => {
    const { placed } = await twoSellerOrder();
    const heldBefore = await held();
    const payload = disputeEvent("charge.dispute.created", placed.paymentIntentId, 5000, "needs_response", `dp_race_${placed.orderId}`);
    const responses = await Promise.all(Array.from({ length: 5 }, () => stripeWebhook(stripeWebhookRequest(payload))));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await t.db.dispute.count({ where: { orderId: placed.orderId } })).toBe(1);
    expect(await t.db.ledgerTransaction.count({ where: { orderId: placed.orderId, kind: "DISPUTE" } })).toBe(1);
    expect(await held()).toBe(heldBefore + 5000);
    // A different event for the same dispute is recognised too.
    await stripeWebhook(
      stripeWebhookRequest(disputeEvent("charge.dispute.created", placed.paymentIntentId, 5000, "needs_response", `dp_race_${placed.orderId}`)),
    );
    expect(await t.db.ledgerTransaction.count({ where: { orderId: placed.orderId, kind: "DISPUTE" } })).toBe(1);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("lost after a payout: the amount goes to the buyer, the sellers bear the fee, and the payable goes below zero, visibly", async () => {
    const { a, b, placed } = await twoSellerOrder();
    await deliverAndRelease(t.db, placed.orderId);
    await (await callerFor(t.db, a.user.id)).ledger.requestPayout({});
    const buyerBefore = await balanceOf(t.db, "buyer:external:USD");
    const id = `dp_lost_${placed.orderId}`;
    const created = disputeEvent("charge.dispute.created", placed.paymentIntentId, 10_000, "needs_response", id);
    expect((await stripeWebhook(stripeWebhookRequest(created))).status).toBe(200);
    expect(await balanceOf(t.db, `seller:${a.seller.id}:payable:USD`)).toBe(-5400);
    expect(await t.db.notification.count({ where: { userId: a.user.id, type: "BALANCE_NEGATIVE" } })).toBe(1);

    const closed = disputeEvent("charge.dispute.closed", placed.paymentIntentId, 10_000, "lost", id);
    expect((await stripeWebhook(stripeWebhookRequest(closed))).status).toBe(200);
    expect(await t.db.dispute.findUniqueOrThrow({ where: { providerDisputeId: id } })).toMatchObject({ status: "LOST", feeCents: 1500 });
    expect(await balanceOf(t.db, "buyer:external:USD")).toBe(buyerBefore + 10_000);
    expect(await balanceOf(t.db, "processor:fees:USD")).toBeGreaterThanOrEqual(1500);
    // The 15.00 fee is split over the sellers by their disputed parts: 9.00 from A, 6.00 from B.
    expect(await balanceOf(t.db, `seller:${a.seller.id}:payable:USD`)).toBe(-5400 - 900);
    expect(await balanceOf(t.db, `seller:${b.seller.id}:payable:USD`)).toBe(-600);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });
});

describe("disputes on an order with a tier discount and points", () => {
  const DAY_MS = 24 * 60 * 60 * 1000;

  /** A new buyer's $250.00 order from a new shop, paid and delivered: 250 points pending, Silver. */
  async function deliveredOrder() {
    const buyer = await createBuyer(t.db);
    const shop = await createSeller(t.db);
    const product = (await createProduct(t.db, shop.seller.id, { priceCents: 25_000, stock: 5 })).product;
    const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 1 }]);
    await payWithCard(t.db, placed);
    const shipment = await t.db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId } });
    await shipAndDeliver(t.db, shop.user.id, shipment.id);
    return { buyer, placed };
  }

  /**
   * A Silver buyer (a $250.00 order delivered) with 250 points pays a $100.00 order from a new
   * shop (10% commission, free shipping over $50): 3% tier discount ($3.00) and 200 points ($2.00)
   * off, $95.00 by card. The split pays the shop $90.00 as if the buyer had paid in full.
   */
  async function loyaltyOrder() {
    const { buyer } = await deliveredOrder();
    await releaseDuePoints(t.db, new Date(Date.now() + 31 * DAY_MS));

    const shop = await createSeller(t.db);
    const product = (await createProduct(t.db, shop.seller.id, { priceCents: 10_000, stock: 5 })).product;
    const caller = await callerFor(t.db, buyer.id);
    await caller.cart.add({ productId: product.id, quantity: 1 });
    const placed = await caller.checkout.start({
      idempotencyKey: `dispute-loyalty-${uniqueSuffix()}`,
      shippingAddress: shippingAddressInput(),
      usePoints: 200,
    });
    await payWithCard(t.db, placed);
    await splitPayment(t.db, placed.paymentId);
    expect(await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({
      tierDiscountCents: 300,
      pointsDiscountCents: 200,
      totalCents: 9_500,
    });
    expect(await owed(shop.seller.id)).toBe(9_000);
    return { buyer, shop, placed };
  }

  /** Credits minus debits of one ledger transaction, by account kind, leaving out where the cash went. */
  async function movedBy(where: { idempotencyKey: string } | { orderId: string; kind: "REFUND" }) {
    const transaction = await t.db.ledgerTransaction.findFirstOrThrow({ where, include: { entries: { include: { account: true } } } });
    const net: Record<string, number> = {};
    for (const e of transaction.entries) {
      if (["PAYMENT_CLEARING", "BUYER_EXTERNAL", "DISPUTES_HELD"].includes(e.account.kind)) continue;
      net[e.account.kind] = (net[e.account.kind] ?? 0) + (e.direction === "CREDIT" ? e.amountCents : -e.amountCents);
    }
    return net;
  }

  async function booksAreRight() {
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
    const points = await pointsOutstanding(t.db);
    expect(points.liabilityCents).toBe(points.pendingPoints + points.availablePoints + points.reservedPoints + points.disputedPoints);
  }

  const available = async (userId: string) => (await t.db.loyaltyMember.findUniqueOrThrow({ where: { userId } })).availablePoints;

  it("lost in full: the shop's payable and Bazaar's accounts move as for a refund of the same amount, and the buyer gets the points back", async () => {
    const disputed = await loyaltyOrder();
    const refunded = await loyaltyOrder();
    await (await callerFor(t.db, adminId)).orders.adminRefund({ orderId: refunded.placed.orderId, reason: "Buyer asked" });
    const asRefund = await movedBy({ orderId: refunded.placed.orderId, kind: "REFUND" });
    // The shop's $90.00 back, the $10.00 commission less Bazaar's $3.00 tier funding, the 200 points to the liability.
    expect(asRefund).toEqual({ SELLER_PENDING: -9_000, PLATFORM_REVENUE: -700, POINTS_LIABILITY: 200 });

    const heldBefore = await held();
    const id = `dp_loyalty_lost_${disputed.placed.orderId}`;
    const created = disputeEvent("charge.dispute.created", disputed.placed.paymentIntentId, 9_500, "needs_response", id);
    expect((await stripeWebhook(stripeWebhookRequest(created))).status).toBe(200);
    const dispute = await t.db.dispute.findUniqueOrThrow({ where: { providerDisputeId: id } });
    expect(await movedBy({ idempotencyKey: `dispute-open:${dispute.id}` })).toEqual(asRefund);
    expect(await held()).toBe(heldBefore + 9_500);
    expect(await owed(disputed.shop.seller.id)).toBe(0);
    // While the dispute is open the points are in the liability, not yet the buyer's.
    expect(await available(disputed.buyer.id)).toBe(50);
    expect((await pointsOutstanding(t.db)).disputedPoints).toBe(200);
    await booksAreRight();

    const closed = disputeEvent("charge.dispute.closed", disputed.placed.paymentIntentId, 9_500, "lost", id);
    expect((await stripeWebhook(stripeWebhookRequest(closed))).status).toBe(200);
    expect(await t.db.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({ status: "LOST", feeCents: 1_500 });
    expect(await held()).toBe(heldBefore);
    // As after the refund, less the $15.00 dispute fee the shop bears (the platform setting's default).
    expect(await owed(disputed.shop.seller.id)).toBe(-1_500);
    expect(await owed(refunded.shop.seller.id)).toBe(0);
    expect(await available(disputed.buyer.id)).toBe(250);
    expect(await available(refunded.buyer.id)).toBe(250);
    expect(await t.db.pointsMovement.findMany({ where: { orderId: disputed.placed.orderId, kind: "RETURNED" }, select: { points: true } })).toEqual([
      { points: 200 },
    ]);
    expect((await pointsOutstanding(t.db)).disputedPoints).toBe(0);
    await booksAreRight();
  });

  it("lost on a delivered order: the points it earned are clawed back and the buyer's spend, so their tier, drops, as after a refund", async () => {
    const { buyer, placed } = await deliveredOrder();
    const member = () => t.db.loyaltyMember.findUniqueOrThrow({ where: { userId: buyer.id }, include: { tier: true } });
    expect(await member()).toMatchObject({ pendingPoints: 250, tier: { code: "SILVER" } });

    const { amountCents } = await t.db.payment.findUniqueOrThrow({ where: { id: placed.paymentId } });
    const id = `dp_loyalty_delivered_${placed.orderId}`;
    expect(
      (await stripeWebhook(stripeWebhookRequest(disputeEvent("charge.dispute.created", placed.paymentIntentId, amountCents, "needs_response", id)))).status,
    ).toBe(200);
    // Open, nothing changes for the buyer yet: the dispute may still be won.
    expect(await member()).toMatchObject({ pendingPoints: 250, tier: { code: "SILVER" } });
    expect((await stripeWebhook(stripeWebhookRequest(disputeEvent("charge.dispute.closed", placed.paymentIntentId, amountCents, "lost", id)))).status).toBe(
      200,
    );
    expect(await member()).toMatchObject({ pendingPoints: 0, tier: { code: "MEMBER" } });
    expect(
      await t.db.pointsMovement.findMany({ where: { orderId: placed.orderId, kind: "CLAWED_BACK" }, select: { points: true, description: true } }),
    ).toEqual([{ points: -250, description: `Dispute on order #${placed.orderNumber}` }]);
    // The same close delivered again changes nothing.
    expect((await stripeWebhook(stripeWebhookRequest(disputeEvent("charge.dispute.closed", placed.paymentIntentId, amountCents, "lost", id)))).status).toBe(
      200,
    );
    expect(await t.db.pointsMovement.count({ where: { orderId: placed.orderId, kind: "CLAWED_BACK" } })).toBe(1);
    await booksAreRight();
  });

  it("half disputed, then won: half of the shop's share and of the loyalty funding is held, then all of it goes back", async () => {
    const { buyer, shop, placed } = await loyaltyOrder();
    const revenueBefore = await balanceOf(t.db, "platform:revenue:USD");
    const liabilityBefore = (await pointsOutstanding(t.db)).liabilityCents;
    const id = `dp_loyalty_won_${placed.orderId}`;
    const created = disputeEvent("charge.dispute.created", placed.paymentIntentId, 4_750, "needs_response", id);
    expect((await stripeWebhook(stripeWebhookRequest(created))).status).toBe(200);
    const dispute = await t.db.dispute.findUniqueOrThrow({ where: { providerDisputeId: id } });
    // $47.50 paid stands for $50.00 of the shop's price: $45.00 from the shop, $5.00 commission less $1.50 tier funding, 100 points.
    expect(await movedBy({ idempotencyKey: `dispute-open:${dispute.id}` })).toEqual({ SELLER_PENDING: -4_500, PLATFORM_REVENUE: -350, POINTS_LIABILITY: 100 });
    expect(await owed(shop.seller.id)).toBe(4_500);
    const [mine] = await (await callerFor(t.db, shop.user.id)).ledger.disputes();
    expect(mine).toMatchObject({ status: "OPEN", amountCents: 4_750, yourShareCents: 4_500 });
    await booksAreRight();

    const closed = disputeEvent("charge.dispute.closed", placed.paymentIntentId, 4_750, "won", id);
    expect((await stripeWebhook(stripeWebhookRequest(closed))).status).toBe(200);
    expect(await t.db.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({ status: "WON", feeCents: 0 });
    expect(await owed(shop.seller.id)).toBe(9_000);
    expect(await balanceOf(t.db, "platform:revenue:USD")).toBe(revenueBefore);
    expect((await pointsOutstanding(t.db)).liabilityCents).toBe(liabilityBefore);
    // Won, the points stay spent: they paid the shop.
    expect(await available(buyer.id)).toBe(50);
    expect(await t.db.pointsMovement.count({ where: { orderId: placed.orderId, kind: "RETURNED" } })).toBe(0);
    await booksAreRight();
  });
});
