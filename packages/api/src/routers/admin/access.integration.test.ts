// Nobody but an administrator gets anything from an admin procedure. The procedures are found
// by walking the whole app router, so one added later is covered without touching this file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { appRouter } from "../../root";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createSeller } from "../../testing/factories";
import { adminProcedure } from "../../trpc";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

// A built procedure keeps its middlewares at run time; tRPC's public types leave them out.
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { middlewares: unknown[] } }>;
// adminProcedure's own middleware (the role check) is shared by every procedure built on it.
const adminCheck = adminProcedure._def.middlewares.at(-1);
const adminPaths = Object.keys(procedures)
  .filter((path) => procedures[path]!._def.middlewares.includes(adminCheck!))
  .sort();

type Callable = (input?: unknown) => Promise<unknown>;
const procedureAt = (caller: object, path: string) =>
  path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Callable;

describe("admin procedures", () => {
  it("are found, and every procedure under admin.* is one", () => {
    expect(adminPaths.length).toBeGreaterThan(25);
    const underAdmin = Object.keys(procedures).filter((p) => p.startsWith("admin."));
    expect(underAdmin.filter((p) => !adminPaths.includes(p))).toEqual([]);
    // Admin procedures in other areas' routers are covered too.
    expect(adminPaths).toEqual(expect.arrayContaining(["orders.adminRefund", "ledger.trialBalance", "ledger.transactions", "catalog.unlist"]));
  });

  const who = [
    { name: "a guest", code: "UNAUTHORIZED", make: async () => null },
    {
      name: "a buyer",
      code: "FORBIDDEN",
      make: async () => (await createBuyer(t.db)).id,
    },
    {
      name: "an approved seller",
      code: "FORBIDDEN",
      make: async () => (await createSeller(t.db)).user.id,
    },
    {
      name: "a pending seller",
      code: "FORBIDDEN",
      make: async () => (await createSeller(t.db, { status: "PENDING" })).user.id,
    },
    {
      name: "a suspended administrator",
      code: "FORBIDDEN",
      make: async () => (await createAdmin(t.db, { status: "SUSPENDED" })).id,
    },
  ] as const;

  for (const { name, code, make } of who) {
    it(`refuse ${name} with ${code}, every one of them, and change nothing`, async () => {
      const caller = await callerFor(t.db, await make());
      const auditBefore = await t.db.auditLog.count();
      const outcomes = await Promise.all(
        adminPaths.map(async (path) => {
          try {
            await procedureAt(caller, path)({});
            return `${path}: allowed`;
          } catch (error) {
            return `${path}: ${(error as { code?: string }).code ?? String(error)}`;
          }
        }),
      );
      expect(outcomes).toEqual(adminPaths.map((path) => `${path}: ${code}`));
      expect(await t.db.auditLog.count()).toBe(auditBefore);
    });
  }

  it("let an administrator through (a read that needs no input)", async () => {
    const caller = await callerFor(t.db, (await createAdmin(t.db)).id);
    await expect(caller.admin.settings.get()).resolves.toMatchObject({
      settings: { commissionDefaultBps: 1000 },
    });
  });
});
