import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { createProduct, createSeller, createWarehouse } from "../testing/factories";
import { inTransaction, isRetryableTransactionError } from "./transaction";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe("inTransaction", () => {
  it("recognises a real Postgres deadlock and retries the loser until both commit", async () => {
    const { seller, warehouse } = await createSeller(t.db);
    const second = await createWarehouse(t.db, seller.id);
    const { stockLevels } = await createProduct(t.db, seller.id, { stock: { [warehouse.id]: 1, [second.id]: 1 } });
    const [a, b] = stockLevels.map((row) => row.id) as [string, string];
    let attempts = 0;
    let bothLockedFirst: () => void = () => undefined;
    const firstLocks = new Promise<void>((resolve) => {
      let count = 0;
      bothLockedFirst = () => {
        if (++count === 2) resolve();
      };
    });
    // Each transaction locks one row, waits until the other has locked its row, then asks for
    // the other's row: a textbook deadlock, which Postgres breaks by aborting one of them.
    const lockBoth = (first: string, then: string) =>
      inTransaction(t.db, async (tx) => {
        attempts++;
        await tx.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" + 1 WHERE "id" = ${first}`;
        if (attempts <= 2) {
          bothLockedFirst();
          await firstLocks;
        }
        await tx.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" + 1 WHERE "id" = ${then}`;
      });
    await Promise.all([lockBoth(a, b), lockBoth(b, a)]);
    expect(attempts).toBe(3);
    const rows = await t.db.stockLevel.findMany({ where: { id: { in: [a, b] } } });
    expect(rows.map((row) => row.onHand)).toEqual([3, 3]);
  });

  it("does not retry ordinary errors", () => {
    expect(isRetryableTransactionError(new Error("boom"))).toBe(false);
    expect(isRetryableTransactionError({ code: "P2002" })).toBe(false);
    expect(isRetryableTransactionError({ code: "P2034" })).toBe(true);
  });
});
