// Property-based: random sequences of what buyers, sellers, the payment provider (payments,
// disputes), administrators and the clock do to a small marketplace, with the invariants checked
// after every single step:
//   - stock: every row's reserved / allocated equal its active SOFT / HARD reservations, nothing
//     negative, nothing oversold, and on hand = initial - units sold and not restocked; on hand
//     grows only on a received return restocked or units refunded before they shipped;
//   - ledger: every transaction balanced, every currency's balances summing to zero, clearing empty,
//     disputes-held equal to the open disputes, no seller's pending funds below zero, and no payable
//     below zero unless a refund or dispute took from it after that seller was paid out;
//   - orders: none without a payment; refunds add up on payments, orders and shipments.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckoutResult } from "../checkout";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { isDomainError } from "../../errors";
import { drainOutbox } from "../../events/drain";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createProduct, createSeller, createWarehouse } from "../../testing/factories";
import { deliverToWebhookRoute, ledgerIsBalanced, payWithCard, placeOrder, useDatabaseForHandlers } from "../../testing/payments";
import { markShipmentDelivered } from "../fulfillment/shipments";
import { releaseDueFunds } from "../ledger/payout-holds";
import { signStripePayload, stripeEventPayload } from "../payments/simulator";
import { releaseExpiredCartReservations } from "../inventory";
import { expireUnpaidOrders } from "./expire-unpaid-orders";

let t: TestDatabase;
let adminId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  adminId = (await createAdmin(t.db)).id;
});
afterAll(async () => t?.drop());

type Action =
  | { kind: "add"; buyer: number; product: number; quantity: number }
  | { kind: "remove"; buyer: number; product: number }
  | { kind: "checkout"; buyer: number; product: number | null }
  | { kind: "buy"; buyer: number; product: number }
  | { kind: "pay" | "fail" | "cancel"; order: number }
  | { kind: "refund"; order: number; seller: number | null }
  | { kind: "refundItem"; order: number; seller: number }
  | { kind: "ship" | "deliver"; order: number; seller: number }
  | { kind: "returnItem"; order: number; seller: number; restock: boolean; sent: boolean }
  | { kind: "dispute"; order: number }
  | { kind: "closeDispute"; dispute: number; won: boolean }
  | { kind: "release" }
  | { kind: "payout"; seller: number }
  | { kind: "expire" }
  | { kind: "drain" };

const BUYERS = 2;
const PRODUCTS = 3;

const arbAction: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("add" as const),
      buyer: fc.nat(BUYERS - 1),
      product: fc.nat(PRODUCTS - 1),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), buyer: fc.nat(BUYERS - 1), product: fc.nat(PRODUCTS - 1) }) },
  // With a product, the buyer first puts one of it (and one of the next product) in the cart, so sequences reach paid orders often.
  // A whole purchase (cart, checkout, payment) in one step, so that what happens after a sale is reached often.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("buy" as const), buyer: fc.nat(BUYERS - 1), product: fc.nat(PRODUCTS - 1) }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("checkout" as const), buyer: fc.nat(BUYERS - 1), product: fc.option(fc.nat(PRODUCTS - 1), { nil: null }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constantFrom("pay" as const, "pay" as const, "pay" as const, "fail" as const, "cancel" as const), order: fc.nat(1) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("refund" as const), order: fc.nat(3), seller: fc.option(fc.nat(1), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("refundItem" as const), order: fc.nat(1), seller: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom("ship" as const, "deliver" as const, "deliver" as const), order: fc.nat(1), seller: fc.nat(1) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("returnItem" as const), order: fc.nat(1), seller: fc.nat(1), restock: fc.boolean(), sent: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dispute" as const), order: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("closeDispute" as const), dispute: fc.nat(3), won: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: "release" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("payout" as const), seller: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "expire" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "drain" as const }) },
);

/** A refusal a person would see (out of stock, already paid, nothing to refund...) is fine; a crash is not. */
function expectRefusal(error: unknown) {
  if (isDomainError(error)) return;
  // tRPC's error, recognised by name: domain code (tests included) does not import tRPC.
  if (error instanceof Error && error.name === "TRPCError" && (error as Error & { code?: string }).code !== "INTERNAL_SERVER_ERROR") return;
  throw error;
}

async function buildWorld() {
  const sellers = [await createSeller(t.db, { shippingFlatCents: 450, freeShippingOverCents: 6000 }), await createSeller(t.db, { commissionBps: 1500 })];
  const second = await createWarehouse(t.db, sellers[0]!.seller.id);
  const products = [
    (await createProduct(t.db, sellers[0]!.seller.id, { priceCents: 1299, stock: 3 })).product,
    (await createProduct(t.db, sellers[0]!.seller.id, { priceCents: 2550, stock: { [sellers[0]!.warehouse.id]: 1, [second.id]: 2 } })).product,
    (await createProduct(t.db, sellers[1]!.seller.id, { priceCents: 999, stock: 4 })).product,
  ];
  const buyers = [await createBuyer(t.db), await createBuyer(t.db)];
  const rows = await t.db.stockLevel.findMany({ where: { productId: { in: products.map((p) => p.id) } } });
  return {
    sellers,
    products,
    buyers,
    callers: await Promise.all(buyers.map((b) => callerFor(t.db, b.id))),
    initialOnHand: new Map(rows.map((r) => [r.id, r.onHand])),
    disputes: [] as string[],
  };
}

type World = Awaited<ReturnType<typeof buildWorld>>;

async function run(world: World, orders: CheckoutResult[], action: Action) {
  // Counted from the newest, so the actions keep reaching the orders just placed.
  const orderAt = (i: number) => orders[orders.length - 1 - (i % Math.max(orders.length, 1))];
  switch (action.kind) {
    case "add":
      return world.callers[action.buyer]!.cart.add({ productId: world.products[action.product]!.id, quantity: action.quantity });
    case "remove":
      return world.callers[action.buyer]!.cart.remove({ productId: world.products[action.product]!.id });
    case "buy": {
      const placed = await placeOrder(t.db, world.buyers[action.buyer]!.id, [
        { productId: world.products[action.product]!.id, quantity: 1 },
        { productId: world.products[(action.product + 2) % PRODUCTS]!.id, quantity: 1 },
      ]);
      orders.push(placed);
      return payWithCard(t.db, placed);
    }
    case "checkout": {
      const lines =
        action.product === null
          ? []
          : [
              { productId: world.products[action.product]!.id, quantity: 1 },
              { productId: world.products[(action.product + 2) % PRODUCTS]!.id, quantity: 1 },
            ];
      const placed = await placeOrder(t.db, world.buyers[action.buyer]!.id, lines);
      orders.push(placed);
      return placed;
    }
    case "pay":
    case "fail": {
      const order = orderAt(action.order);
      return order && payWithCard(t.db, order, action.kind === "pay" ? "4242424242424242" : "4000000000000002");
    }
    case "cancel": {
      const order = orderAt(action.order);
      if (!order) return;
      const { buyerId } = await t.db.order.findUniqueOrThrow({ where: { id: order.orderId } });
      return (await callerFor(t.db, buyerId)).orders.cancel({ orderId: order.orderId, reason: "Changed my mind" });
    }
    case "refund": {
      const order = orderAt(action.order);
      if (!order) return;
      const admin = await callerFor(t.db, adminId);
      return admin.orders.adminRefund({
        orderId: order.orderId,
        sellerId: action.seller === null ? undefined : world.sellers[action.seller]!.seller.id,
        reason: "Property test refund",
      });
    }
    case "refundItem": {
      const part = await partOf(orderAt(action.order), world.sellers[action.seller]!.seller.id);
      if (!part) return;
      const item = part.items[0]!;
      return (await callerFor(t.db, adminId)).orders.refundItems({
        orderId: part.orderId,
        shipmentId: part.id,
        items: [{ orderItemId: item.id, quantity: 1 }],
        reason: "Property test item refund",
        idempotencyKey: `prop-${part.id}-${item.refundedQuantity}`,
      });
    }
    case "ship":
    case "deliver": {
      const part = await partOf(orderAt(action.order), world.sellers[action.seller]!.seller.id);
      if (!part) return;
      const seller = await callerFor(t.db, world.sellers[action.seller]!.user.id);
      if (part.status === "PENDING" || part.status === "PROCESSING") {
        await seller.fulfillment.markShipped({ shipmentId: part.id, carrier: "UPS", trackingNumber: `1Z${part.id.slice(-10)}` });
      }
      if (action.kind === "ship") return;
      await markShipmentDelivered(t.db, { trackingNumber: `1Z${part.id.slice(-10)}` });
      // And the payout hold passes, so payouts (and debts after them) can happen in a short sequence.
      return releaseDueFunds(t.db, new Date(Date.now() + 40 * 24 * 3600_000));
    }
    case "returnItem": {
      const part = await partOf(orderAt(action.order), world.sellers[action.seller]!.seller.id);
      if (!part) return;
      const { buyerId } = await t.db.order.findUniqueOrThrow({ where: { id: part.orderId } });
      const buyer = await callerFor(t.db, buyerId);
      const seller = await callerFor(t.db, world.sellers[action.seller]!.user.id);
      const item = part.items[0]!;
      const request = await buyer.returns.request({
        orderId: part.orderId,
        shipmentId: part.id,
        items: [{ orderItemId: item.id, quantity: 1 }],
        reason: "Property test return",
      });
      await seller.returns.approve({ returnId: request.id, instructions: "Send it back" });
      if (action.sent) await buyer.returns.markSent({ returnId: request.id, carrier: "USPS", trackingNumber: "RET1" });
      return seller.returns.receive({ returnId: request.id, items: [{ orderItemId: item.id, disposition: action.restock ? "RESTOCK" : "WRITE_OFF" }] });
    }
    case "dispute": {
      const order = orderAt(action.order);
      if (!order) return;
      const id = `dp_prop_${world.disputes.length}_${order.orderId}`;
      const payment = await t.db.payment.findUniqueOrThrow({ where: { id: order.paymentId } });
      world.disputes.push(id);
      const payload = stripeEventPayload("charge.dispute.created", {
        id,
        object: "dispute",
        amount: Math.max(1, Math.floor((payment.amountCents - payment.refundedCents) / 2)),
        currency: "usd",
        payment_intent: order.paymentIntentId,
        reason: "fraudulent",
        status: "needs_response",
      });
      return deliverToWebhookRoute({ payload, signature: signStripePayload(payload) });
    }
    case "closeDispute": {
      const id = world.disputes[action.dispute % Math.max(world.disputes.length, 1)];
      const dispute = id ? await t.db.dispute.findUnique({ where: { providerDisputeId: id }, include: { payment: true } }) : null;
      if (!dispute) return;
      const payload = stripeEventPayload("charge.dispute.closed", {
        id: dispute.providerDisputeId,
        object: "dispute",
        amount: dispute.amountCents,
        currency: "usd",
        payment_intent: dispute.payment.providerPaymentId,
        reason: dispute.reason,
        status: action.won ? "won" : "lost",
      });
      return deliverToWebhookRoute({ payload, signature: signStripePayload(payload) });
    }
    case "release":
      return releaseDueFunds(t.db, new Date(Date.now() + 40 * 24 * 3600_000));
    case "payout": {
      const payout = await (await callerFor(t.db, world.sellers[action.seller]!.user.id)).ledger.requestPayout({});
      return drainOutbox(t.db).then(() => payout);
    }
    case "expire": {
      const later = new Date(Date.now() + 31 * 60_000);
      await releaseExpiredCartReservations(t.db, later);
      return expireUnpaidOrders(t.db, later);
    }
    case "drain":
      return drainOutbox(t.db);
  }
}

/** The seller's part of a placed order, with its lines, once it is paid. */
async function partOf(order: CheckoutResult | undefined, sellerId: string) {
  if (!order) return null;
  return t.db.shipment.findFirst({
    where: { orderId: order.orderId, sellerId, order: { paidAt: { not: null } } },
    include: { items: { orderBy: { id: "asc" } } },
  });
}

const totalOnHand = async (world: World) =>
  (await t.db.stockLevel.aggregate({ where: { id: { in: [...world.initialOnHand.keys()] } }, _sum: { onHand: true } }))._sum.onHand ?? 0;

/** Whether the action targets a seller's part that had not shipped (so a refund of it may restock). */
async function targetsUnshipped(action: Action, orders: CheckoutResult[], world: World) {
  if (!("order" in action)) return false;
  const order = orders[orders.length - 1 - (action.order % Math.max(orders.length, 1))];
  if (!order) return false;
  const sellerId = "seller" in action && action.seller !== null ? world.sellers[action.seller]!.seller.id : undefined;
  const parts = await t.db.shipment.findMany({ where: { orderId: order.orderId, ...(sellerId ? { sellerId } : {}) }, select: { status: true } });
  return parts.some((p) => p.status === "PENDING" || p.status === "PROCESSING");
}

async function checkMoneyInvariants(world: World, step: string) {
  // Disputes: what is held is exactly what open disputes hold.
  const [held] = await t.db.$queryRaw<{ net: bigint | null }[]>`
    SELECT SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END) AS net
      FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId" WHERE a.kind = 'DISPUTES_HELD'`;
  const open = await t.db.dispute.aggregate({ where: { status: "OPEN" }, _sum: { amountCents: true } });
  expect({ step, held: Number(held?.net ?? 0n) }).toEqual({ step, held: open._sum.amountCents ?? 0 });
  for (const { seller } of world.sellers) {
    const balances = await t.db.$queryRaw<{ kind: string; net: bigint | null }[]>`
      SELECT a.kind::text AS kind, SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END) AS net
        FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId" WHERE a."sellerId" = ${seller.id} GROUP BY a.kind`;
    const of = (kind: string) => Number(balances.find((b) => b.kind === kind)?.net ?? 0n);
    expect({ step, seller: seller.id, pendingNegative: of("SELLER_PENDING") < 0 }).toEqual({ step, seller: seller.id, pendingNegative: false });
    if (of("SELLER_PAYABLE") < 0) {
      // Below zero only through a recorded cause: a refund that took from the payable after this
      // seller was paid out, or a dispute (whose lost fee can exceed what the sale left them).
      const [cause] = await t.db.$queryRaw<{ n: bigint }[]>`
        SELECT COUNT(*)::bigint AS n FROM "LedgerEntry" e
          JOIN "LedgerAccount" a ON a.id = e."accountId" JOIN "LedgerTransaction" t ON t.id = e."transactionId"
         WHERE a."sellerId" = ${seller.id} AND a.kind = 'SELLER_PAYABLE' AND e.direction = 'DEBIT'
           AND (t.kind = 'DISPUTE' OR (t.kind = 'REFUND' AND t."createdAt" >= (SELECT MIN("requestedAt") FROM "Payout" WHERE "sellerId" = ${seller.id})))`;
      expect({ step, seller: seller.id, debtHasCause: Number(cause?.n ?? 0n) > 0 }).toEqual({ step, seller: seller.id, debtHasCause: true });
    }
  }
}

async function checkInvariants(world: World, step: string) {
  // Stock rows agree with their reservations and with what was sold.
  const rows = await t.db.stockLevel.findMany({ where: { id: { in: [...world.initialOnHand.keys()] } }, include: { reservations: true } });
  for (const row of rows) {
    const active = (type: "SOFT" | "HARD") => row.reservations.filter((r) => r.type === type && r.status === "ACTIVE").reduce((s, r) => s + r.quantity, 0);
    const sold = row.reservations.filter((r) => r.type === "HARD" && r.status === "FULFILLED").reduce((s, r) => s + r.quantity, 0);
    expect({ step, reserved: row.reserved, allocated: row.allocated, onHand: row.onHand }).toEqual({
      step,
      reserved: active("SOFT"),
      allocated: active("HARD"),
      onHand: (world.initialOnHand.get(row.id) ?? 0) - sold,
    });
    expect(row.reserved + row.allocated).toBeLessThanOrEqual(row.onHand);
  }
  // The books.
  expect({ step, ...(await ledgerIsBalanced(t.db)) }).toEqual({ step, unbalanced: [], nonZeroCurrencies: [] });
  const [clearing] = await t.db.$queryRaw<{ net: bigint | null }[]>`
    SELECT SUM(CASE WHEN e.direction = 'DEBIT' THEN e."amountCents" ELSE -e."amountCents" END) AS net
      FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId" WHERE a.kind = 'PAYMENT_CLEARING'`;
  expect({ step, clearing: Number(clearing?.net ?? 0n) }).toEqual({ step, clearing: 0 });
  // Orders, payments, refunds.
  const orders = await t.db.order.findMany({
    where: { buyerId: { in: world.buyers.map((b) => b.id) } },
    include: { payments: { include: { refunds: true } }, shipments: true, reservations: true },
  });
  for (const order of orders) {
    expect({ step, order: order.id, payments: order.payments.length > 0 }).toEqual({ step, order: order.id, payments: true });
    const refunded = order.payments.reduce((s, p) => s + p.refundedCents, 0);
    expect(order.payments.flatMap((p) => p.refunds).reduce((s, r) => s + r.amountCents, 0)).toBe(refunded);
    expect(order.refundedCents).toBe(refunded);
    if (order.status === "CANCELLED") expect(order.reservations.filter((r) => r.status === "ACTIVE")).toEqual([]);
    if (["PAID", "CONFIRMED", "PROCESSING", "SHIPPED", "DELIVERED"].includes(order.status)) {
      expect(order.payments.some((p) => p.status === "CAPTURED" || p.status === "REFUNDED")).toBe(true);
    }
    if (order.payments.every((p) => p.status !== "REFUNDED" && p.refundedCents === 0)) {
      expect(order.shipments.reduce((s, sh) => s + sh.refundedCents, 0)).toBe(0);
    }
  }
}

describe("commerce invariants", () => {
  it("hold after every step of random add / checkout / pay / cancel / refund / ship / return / dispute / release / payout / expire sequences", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbAction, { minLength: 15, maxLength: 28 }), async (actions) => {
        const world = await buildWorld();
        const orders: CheckoutResult[] = [];
        for (const [i, action] of actions.entries()) {
          const step = `${i}: ${JSON.stringify(action)}`;
          const onHandBefore = await totalOnHand(world);
          const unshipped = await targetsUnshipped(action, orders, world);
          await run(world, orders, action).catch(expectRefusal);
          await checkInvariants(world, step);
          await checkMoneyInvariants(world, step);
          if ((await totalOnHand(world)) > onHandBefore) {
            // Stock comes back only from a restocked return or units refunded before they shipped.
            const allowed = (action.kind === "returnItem" && action.restock) || (["cancel", "refund", "refundItem"].includes(action.kind) && unshipped);
            expect({ step, onHandGrewFrom: action.kind, allowed }).toEqual({ step, onHandGrewFrom: action.kind, allowed: true });
          }
        }
        // Whatever happened, the background work settles without breaking anything.
        await drainOutbox(t.db);
        await checkInvariants(world, "after drain");
      }),
      { numRuns: 10, endOnFailure: true },
    );
  }, 300_000);
});
