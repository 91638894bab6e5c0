// Property-based: random sequences of what buyers, the payment provider, administrators and the
// clock do to a small marketplace, with the invariants checked after every single step:
//   - stock: every row's reserved / allocated equal its active SOFT / HARD reservations, nothing
//     negative, nothing oversold, and on hand = initial - units sold and not restocked;
//   - ledger: every transaction balanced, every currency's balances summing to zero, clearing empty;
//   - orders: none without a payment; refunds add up on payments, orders and shipments.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckoutResult } from "../checkout";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { isDomainError } from "../../errors";
import { drainOutbox } from "../../events/drain";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createProduct, createSeller, createWarehouse } from "../../testing/factories";
import { ledgerIsBalanced, payWithCard, placeOrder, useDatabaseForHandlers } from "../../testing/payments";
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
  | { kind: "checkout"; buyer: number }
  | { kind: "pay" | "fail" | "cancel"; order: number }
  | { kind: "refund"; order: number; seller: number | null }
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
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("checkout" as const), buyer: fc.nat(BUYERS - 1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom("pay" as const, "fail" as const, "cancel" as const), order: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("refund" as const), order: fc.nat(3), seller: fc.option(fc.nat(1), { nil: null }) }) },
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
  };
}

type World = Awaited<ReturnType<typeof buildWorld>>;

async function run(world: World, orders: CheckoutResult[], action: Action) {
  const orderAt = (i: number) => orders[i % Math.max(orders.length, 1)];
  switch (action.kind) {
    case "add":
      return world.callers[action.buyer]!.cart.add({ productId: world.products[action.product]!.id, quantity: action.quantity });
    case "remove":
      return world.callers[action.buyer]!.cart.remove({ productId: world.products[action.product]!.id });
    case "checkout": {
      const placed = await placeOrder(t.db, world.buyers[action.buyer]!.id, []);
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
    case "expire": {
      const later = new Date(Date.now() + 31 * 60_000);
      await releaseExpiredCartReservations(t.db, later);
      return expireUnpaidOrders(t.db, later);
    }
    case "drain":
      return drainOutbox(t.db);
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
  it("hold after every step of random add / remove / checkout / pay / fail / cancel / refund / expire sequences", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbAction, { minLength: 4, maxLength: 14 }), async (actions) => {
        const world = await buildWorld();
        const orders: CheckoutResult[] = [];
        for (const [i, action] of actions.entries()) {
          await run(world, orders, action).catch(expectRefusal);
          await checkInvariants(world, `${i}: ${JSON.stringify(action)}`);
        }
        // Whatever happened, the background work settles without breaking anything.
        await drainOutbox(t.db);
        await checkInvariants(world, "after drain");
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }, 180_000);
});
