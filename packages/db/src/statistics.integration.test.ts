import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANALYZE_FILLED_TABLES } from "./statistics";
import { createTestDatabase, type TestDatabase } from "./testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

async function reltuples(table: string) {
  const [row] = await t.db.$queryRaw<{ reltuples: number }[]>`SELECT reltuples::float8 AS "reltuples" FROM pg_class WHERE oid = ${`"${table}"`}::regclass`;
  return row?.reltuples;
}

async function planOfOrderById() {
  const rows = await t.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT * FROM "Order" WHERE "id" = 'ord_1'`);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

describe("planner statistics after a script filled the database (ANALYZE_FILLED_TABLES)", () => {
  it("analyzes the tables holding rows and leaves the empty ones never analyzed, so they are planned as tables that will grow", async () => {
    await t.db.$executeRaw`INSERT INTO "User" ("id", "email", "role", "updatedAt") VALUES ('usr_stats', 'stats@example.test', 'BUYER', now())`;
    expect(await reltuples("Order")).toBe(-1);

    await t.db.$executeRawUnsafe(ANALYZE_FILLED_TABLES);
    expect(await reltuples("User")).toBe(1);
    // Never analyzed: PostgreSQL assumes at least ten pages, and looks an order up by its key.
    expect(await reltuples("Order")).toBe(-1);
    expect(await planOfOrderById()).toMatch(/Index Scan using "Order_pkey"/);

    // What a plain ANALYZE did: the empty table is planned as empty, a sequential scan.
    await t.db.$executeRawUnsafe(`ANALYZE "Order"`);
    expect(await reltuples("Order")).toBe(0);
    expect(await planOfOrderById()).toMatch(/Seq Scan on "Order"/);
  });
});
