import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlOn, sqlTransaction, type SqlTx } from "./client";
import { createTestDatabase, type TestDatabase } from "./testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

// Each statement looks itself up among its connection's prepared statements while it runs (by the
// comment in its text, which the split literal does not repeat): a named statement is listed
// there, an unnamed one never is.
describe("statements on the pool (sqlOn)", () => {
  it("are prepared by name by default, and planned afresh on every call with prepared: false", async () => {
    const [named] = await sqlOn(t.db).$queryRaw<{ n: number }[]>`
      SELECT /* sqlon-named */ count(*)::int AS "n" FROM pg_prepared_statements WHERE statement LIKE '%sqlon' || '-named%'`;
    expect(named?.n).toBe(1);

    const unnamed = sqlOn(t.db, { prepared: false });
    for (let call = 0; call < 6; call++) {
      const [row] = await unnamed.$queryRaw<{ n: number }[]>`
        SELECT /* sqlon-unnamed */ count(*)::int AS "n" FROM pg_prepared_statements WHERE statement LIKE '%sqlon' || '-unnamed%'`;
      expect(row?.n).toBe(0);
    }
  });

  it("run without JIT on every connection, Prisma's too (bounded reads costed past jit_above_cost compiled on every call)", async () => {
    const settings = await Promise.all(
      Array.from({ length: 4 }, () => sqlOn(t.db, { prepared: false }).$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS "jit"`),
    );
    expect(settings.flat()).toEqual(Array.from({ length: 4 }, () => ({ jit: "off" })));
    expect(await t.db.$queryRaw`SELECT current_setting('jit') AS "jit"`).toEqual([{ jit: "off" }]);
  });

  it("plan each statement once for any values with genericPlans, on connections of their own without JIT", async () => {
    const keyed = sqlOn(t.db, { genericPlans: true });
    for (let n = 0; n < 3; n++) await keyed.$queryRaw`SELECT /* sqlon-generic */ ${n}::int AS "n"`;
    // Each call may take another of the pool's connections: every one that ran it planned it generically only.
    const plans = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          keyed.$queryRaw<{ custom: number; generic: number; jit: string; mode: string }[]>`
          SELECT coalesce(sum(custom_plans), 0)::int AS "custom", coalesce(sum(generic_plans), 0)::int AS "generic", current_setting('jit') AS "jit",
                 current_setting('plan_cache_mode') AS "mode"
            FROM pg_prepared_statements WHERE statement LIKE '%sqlon' || '-generic%'`,
      ),
    );
    for (const [row] of plans) expect(row).toMatchObject({ custom: 0, jit: "off", mode: "force_generic_plan" });
    expect(plans.reduce((sum, [row]) => sum + (row?.generic ?? 0), 0)).toBeGreaterThan(0);
    // The main pool's connections keep planning for the values (a listing's best plan depends on them).
    const [main] = await sqlOn(t.db).$queryRaw<{ mode: string }[]>`SELECT current_setting('plan_cache_mode') AS "mode"`;
    expect(main?.mode).toBe("auto");
  });

  it("read values as Prisma does either way", async () => {
    for (const db of [sqlOn(t.db), sqlOn(t.db, { prepared: false })]) {
      const [row] = await db.$queryRaw<
        { at: Date; big: bigint; n: number }[]
      >`SELECT '2026-01-02 03:04:05.678'::timestamp(3) AS "at", 9007199254740993::int8 AS "big", 7 AS "n"`;
      expect(row).toEqual({ at: new Date("2026-01-02T03:04:05.678Z"), big: 9007199254740993n, n: 7 });
    }
  });
});

describe("statements in a written-out transaction (sqlTransaction)", () => {
  // A named statement's plans so far on this connection, found as above by the comment in its text.
  const plansOf = async (tx: SqlTx, tag: string) =>
    (
      await tx.$queryRaw<{ custom: number; generic: number }[]>`
      SELECT custom_plans::int AS "custom", generic_plans::int AS "generic" FROM pg_prepared_statements WHERE statement LIKE '%' || ${tag} || '%'`
    )[0];

  it("plans a statement once for any values with genericPlans, and for each call's values without", async () => {
    const generic = await sqlTransaction(
      t.db,
      async (tx) => {
        for (let n = 0; n < 3; n++) await tx.$queryRaw`SELECT /* sqltx-generic */ ${n}::int AS "n"`;
        return plansOf(tx, "sqltx-gen" + "eric");
      },
      { genericPlans: true },
    );
    expect(generic).toEqual({ custom: 0, generic: 3 });

    const custom = await sqlTransaction(t.db, async (tx) => {
      for (let n = 0; n < 3; n++) await tx.$queryRaw`SELECT /* sqltx-custom */ ${n}::int AS "n"`;
      return plansOf(tx, "sqltx-cus" + "tom");
    });
    expect(custom).toEqual({ custom: 3, generic: 0 });
  });

  it("refuses a write in a readOnly transaction", async () => {
    await expect(sqlTransaction(t.db, (tx) => tx.$executeRaw`CREATE TEMP TABLE sqltx_read_only (a int)`, { readOnly: true })).rejects.toMatchObject({
      code: "25006",
    });
  });
});
