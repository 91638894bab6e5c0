// The cart path's statement budget: each statement is a round trip holding the cart's (and a
// popular variant's) row lock, so the count is what a flash sale queues behind. Counted from the
// client's query events (what PostgreSQL receives). A Prisma transaction reports its COMMIT but not
// its BEGIN; the add's, checkout's, the card payment's and the split's transactions (sqlTransaction, on the pool)
// report both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onQuery } from "@bazaar/db";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createBuyer, createProduct, createSeller, shippingAddressInput } from "../../testing/factories";
import { payWithCard, useDatabaseForHandlers } from "../../testing/payments";
import { splitPayment } from "../ledger/split-payment";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const off = onQuery(() => count++);
  try {
    await fn();
  } finally {
    off();
  }
  return count;
}

async function statementsOf(fn: () => Promise<unknown>): Promise<{ total: number; inTransaction: number }> {
  const queries: string[] = [];
  const off = onQuery((_ms, query) => queries.push(query.trim()));
  try {
    await fn();
  } finally {
    off();
  }
  // The transaction runs from BEGIN (one message with its SET LOCALs) to COMMIT.
  const start = queries.findIndex((query) => query.startsWith("BEGIN"));
  const commit = queries.indexOf("COMMIT");
  return { total: queries.length, inTransaction: commit - start + 1 };
}

describe("the cart's statement budget", () => {
  it("adds a variant in 5 statements, BEGIN and COMMIT included, the reply with them (the issue's budget is 6)", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 50 });
    const { product: other } = await createProduct(t.db, seller.id, { stock: 50 });
    const buyer = await createBuyer(t.db);
    const api = await callerFor(t.db, buyer.id);
    await api.cart.add({ productId: product.id, quantity: 1 });

    const newLine = await statementsOf(() => api.cart.add({ productId: other.id, quantity: 1 }));
    // BEGIN; the cart locked (its holds extended); the variant with the cart's line of it; the line written with the
    // stock held on one row (lock, reserve and the hold) and the cart's count and subtotal (the reply); COMMIT.
    expect(newLine.inTransaction).toBeLessThanOrEqual(5);
    expect(newLine.total).toBeLessThanOrEqual(5);
    // A line the cart has already: what it holds comes with the variant.
    const sameLine = await statementsOf(() => api.cart.add({ productId: other.id, quantity: 1 }));
    expect(sameLine.inTransaction).toBeLessThanOrEqual(5);
    expect(sameLine.total).toBeLessThanOrEqual(5);
    console.log(
      `[statements] add to cart: new line ${newLine.inTransaction} in the transaction, ${newLine.total} in all; same line ${sameLine.inTransaction} / ${sameLine.total}`,
    );
  });

  it("checks out, applies the payment and splits it in a bounded number of statements (printed, held at today's counts)", async () => {
    const [a, b] = [await createSeller(t.db), await createSeller(t.db)];
    const { product: pa } = await createProduct(t.db, a.seller.id, { stock: 50 });
    const { product: pb } = await createProduct(t.db, b.seller.id, { stock: 50 });
    const buyer = await createBuyer(t.db);
    const api = await callerFor(t.db, buyer.id);
    await api.cart.add({ productId: pa.id, quantity: 1 });
    await api.cart.add({ productId: pb.id, quantity: 2 });
    let placed: Awaited<ReturnType<typeof api.checkout.start>> | undefined;
    const checkout = await countStatements(async () => {
      placed = await api.checkout.start({ idempotencyKey: "statements-1", shippingAddress: shippingAddressInput() });
    });
    // The simulator's confirmation, its signed event into the webhook route, applied in one transaction.
    const payment = await countStatements(() => payWithCard(t.db, placed!));
    const split = await countStatements(() => splitPayment(t.db, placed!.paymentId));
    console.log(`[statements] checkout (2 sellers, 2 lines) ${checkout}; card payment confirmed and applied ${payment}; ledger split ${split}`);
    // The throttle's one (its PostgreSQL store's upsert; Redis in production); in the order's transaction: BEGIN, the cart
    // locked, frozen and its holds extended (one), the cart with lines, stock, holds and the address's tax rate (one), the
    // order with its shipments, lines, history and payment (one; its unique key refuses a repeated idempotency key),
    // the holds turned HARD (one), COMMIT; then the intent recorded (one; checkout publishes nothing).
    expect(checkout).toBeLessThanOrEqual(8);
    // The simulator's read; in the webhook's transaction: BEGIN, the event's dedupe row with the order and then the
    // payment locked (one statement), the order confirmed with its history, the stock sold, the payment captured, the
    // cart closed and its event (one statement), the ledger split (the payment read with its shipments, the shipments
    // locked with the accounts read (one; these sellers' first split makes theirs: one more), the posting), COMMIT.
    // The budget: 12 to apply the event, 6 for the split.
    expect(payment).toBeLessThanOrEqual(9);
    // Written already: BEGIN, the payment read (finding the split), COMMIT.
    expect(split).toBeLessThanOrEqual(3);
  });
});
