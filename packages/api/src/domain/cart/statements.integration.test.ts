// The cart path's statement budget: each statement is a round trip holding the cart's (and a
// popular variant's) row lock, so the count is what a flash sale queues behind. Counted from the
// client's query events (what PostgreSQL receives; BEGIN is not reported, COMMIT is).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onQuery } from "@bazaar/db";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createBuyer, createProduct, createSeller } from "../../testing/factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

async function statementsOf(fn: () => Promise<unknown>): Promise<{ total: number; inTransaction: number }> {
  const queries: string[] = [];
  const off = onQuery((_ms, query) => queries.push(query.trim()));
  try {
    await fn();
  } finally {
    off();
  }
  // The transaction runs from the cart's lock (the first statement touching "Cart" FOR UPDATE / UPDATE) to COMMIT.
  const start = queries.findIndex((query) => query.startsWith("WITH cart AS"));
  const commit = queries.indexOf("COMMIT");
  return { total: queries.length, inTransaction: commit - start + 1 };
}

describe("the cart's statement budget", () => {
  it("adds a variant in at most 8 statements in its transaction (COMMIT included) and 14 with the reply", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 50 });
    const { product: other } = await createProduct(t.db, seller.id, { stock: 50 });
    const buyer = await createBuyer(t.db);
    const api = await callerFor(t.db, buyer.id);
    await api.cart.add({ productId: product.id, quantity: 1 });

    const newLine = await statementsOf(() => api.cart.add({ productId: other.id, quantity: 1 }));
    expect(newLine.inTransaction).toBeLessThanOrEqual(8);
    expect(newLine.total).toBeLessThanOrEqual(14);
    // A line the cart has already reads what it holds first.
    const sameLine = await statementsOf(() => api.cart.add({ productId: other.id, quantity: 1 }));
    expect(sameLine.inTransaction).toBeLessThanOrEqual(9);
    expect(sameLine.total).toBeLessThanOrEqual(15);
    console.log(
      `[statements] add to cart: new line ${newLine.inTransaction} in the transaction, ${newLine.total} in all; same line ${sameLine.inTransaction} / ${sameLine.total}`,
    );
  });
});
