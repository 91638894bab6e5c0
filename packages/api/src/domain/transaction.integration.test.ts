import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { createProduct, createSeller, createWarehouse } from "../testing/factories";
import type { SqlTx } from "@bazaar/db";
import { afterCommit, inSqlTransaction, inTransaction, isRetryableTransactionError } from "./transaction";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

// The two kinds of transaction a domain function may run in: Prisma's, and the written-out one on the pool.
const kinds = [
  ["inTransaction", (work: (tx: SqlTx) => Promise<void>) => inTransaction(t.db, work)],
  ["inSqlTransaction", (work: (tx: SqlTx) => Promise<void>) => inSqlTransaction(t.db, work)],
] as const;

describe.each(kinds)("%s", (_name, transact) => {
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
      transact(async (tx) => {
        attempts++;
        await tx.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" + 1 WHERE "id" = ${first}`;
        if (attempts <= 2) {
          bothLockedFirst();
          await firstLocks;
        }
        await tx.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" + 1 WHERE "id" = ${then}`;
      });
    await Promise.all([lockBoth(a, b), lockBoth(b, a)]);
    // At least the loser's retry. Not exactly three: when the loser's retry reaches its first row
    // before the woken winner has run again (a busy machine), PostgreSQL lets the retry update it
    // (the aborted updater's mark no longer holds it), and the two deadlock once more.
    expect(attempts).toBeGreaterThanOrEqual(3);
    const rows = await t.db.stockLevel.findMany({ where: { id: { in: [a, b] } } });
    expect(rows.map((row) => row.onHand)).toEqual([3, 3]);
  });

  it("rolls back everything when the work throws, and runs commit hooks only after a commit", async () => {
    const { seller } = await createSeller(t.db);
    const { stockLevels } = await createProduct(t.db, seller.id, { stock: 4 });
    const row = stockLevels[0]!.id;
    const ran: string[][] = [];
    const bump = (tx: SqlTx, label: string) => {
      afterCommit(tx, "test", [label], async (items) => void ran.push(items));
      return tx.$executeRaw`UPDATE "StockLevel" SET "onHand" = "onHand" + 1 WHERE "id" = ${row}`;
    };
    await expect(
      transact(async (tx) => {
        await bump(tx, "lost");
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await transact(async (tx) => {
      await bump(tx, "a");
      await bump(tx, "b");
    });
    expect(ran).toEqual([["a", "b"]]);
    expect((await t.db.stockLevel.findUniqueOrThrow({ where: { id: row } })).onHand).toBe(6);
  });

  it("writes and reads timestamps in UTC and bigints as BigInt, whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const at = new Date("2026-07-01T23:30:00.123Z");
      let read: { at: Date; big: bigint } | undefined;
      await transact(async (tx) => {
        [read] = await tx.$queryRaw<{ at: Date; big: bigint }[]>`SELECT ${at}::timestamp(3) AS "at", 9007199254740993::bigint AS "big"`;
      });
      expect(read?.at.toISOString()).toBe(at.toISOString());
      expect(read?.big).toBe(9007199254740993n);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe("isRetryableTransactionError", () => {
  it("does not retry ordinary errors", () => {
    expect(isRetryableTransactionError(new Error("boom"))).toBe(false);
    expect(isRetryableTransactionError({ code: "P2002" })).toBe(false);
    expect(isRetryableTransactionError({ code: "P2034" })).toBe(true);
  });
});
