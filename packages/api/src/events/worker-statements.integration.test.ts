// The worker's cost per order (issue 14): paid orders of two sellers each, then one drain of the
// outbox, counting what PostgreSQL receives from the client's query events (a Prisma transaction's
// BEGIN is not reported, its COMMIT is; the written-out transactions report both), the CPU this
// process spends draining and the CPU of the database's backends (from /proc, when PostgreSQL runs
// on this machine). The relay's own rows ("OutboxEvent": claims, deliveries, run state) are counted
// apart from what the functions themselves do. The CPU figures are printed, not held: they depend
// on the machine (and React runs its development build here).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onQuery } from "@bazaar/db";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { createBuyer, createProduct, createSeller } from "../testing/factories";
import { payWithCard, placeOrder, useDatabaseForHandlers } from "../testing/payments";
import { drainOutbox } from "./drain";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

const ORDERS = 40;

async function twoSellerShop() {
  const [a, b] = [await createSeller(t.db), await createSeller(t.db)];
  const { product: pa } = await createProduct(t.db, a.seller.id, { stock: 10_000 });
  const { product: pb } = await createProduct(t.db, b.seller.id, { stock: 10_000 });
  const place = async () => {
    const buyer = await createBuyer(t.db);
    const placed = await placeOrder(t.db, buyer.id, [
      { productId: pa.id, quantity: 1 },
      { productId: pb.id, quantity: 2 },
    ]);
    await payWithCard(t.db, placed);
    return placed;
  };
  return { place, sellerEmails: [a.seller.contactEmail, b.seller.contactEmail] };
}

/** CPU seconds (user + system) so far of each PostgreSQL backend serving this test's database. */
async function backendCpu(): Promise<Map<number, number>> {
  const backends = await t.db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  const ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
  const cpu = new Map<number, number>();
  for (const { pid } of backends) {
    try {
      // /proc/<pid>/stat: the 14th and 15th fields (after the parenthesised name) are utime and stime in clock ticks.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
    } catch {
      // The database runs on another machine (or the backend just ended): no figure.
    }
  }
  return cpu;
}

/** Drains the outbox, counting statements by kind, this process's CPU time and the database's. */
async function measuredDrain() {
  const databaseBefore = await backendCpu();
  const queries: string[] = [];
  const off = onQuery((_ms, query) => queries.push(query.trim()));
  const cpu = process.cpuUsage();
  try {
    await drainOutbox(t.db);
  } finally {
    off();
  }
  const { user, system } = process.cpuUsage(cpu);
  let databaseSeconds = 0;
  for (const [pid, seconds] of await backendCpu()) databaseSeconds += seconds - (databaseBefore.get(pid) ?? 0);
  return {
    statements: queries.length,
    commits: queries.filter((query) => query === "COMMIT").length,
    relay: queries.filter((query) => query.includes('"OutboxEvent"')).length,
    cpuMs: (user + system) / 1000,
    databaseCpuMs: databaseSeconds * 1000,
  };
}

describe("the worker's statement budget per order", () => {
  it(`runs what ${ORDERS} paid two-seller orders set off in at most 3 statements per order, none a COMMIT`, async () => {
    const { place: order, sellerEmails } = await twoSellerShop();
    // Warm up (the SDK, Prisma's query plans, the mail templates), then measure a clean drain.
    await order();
    await drainOutbox(t.db);
    const placed = [];
    for (let i = 0; i < ORDERS; i++) placed.push(await order());

    const drain = await measuredDrain();

    const paymentIds = placed.map((p) => p.paymentId);
    expect(await t.db.ledgerTransaction.count({ where: { paymentId: { in: paymentIds }, kind: "PAYMENT_SPLIT" } })).toBe(ORDERS);
    const dedupeKeys = placed.map((p) => `order-confirmation:${p.orderId}`);
    expect(await t.db.email.count({ where: { dedupeKey: { in: dedupeKeys } } })).toBe(ORDERS);
    expect(await t.db.email.count({ where: { template: "new-order", to: { in: sellerEmails } } })).toBe(2 * (ORDERS + 1));
    expect(await t.db.outboxEvent.count({ where: { status: { not: "SENT" } } })).toBe(0);

    const per = (n: number) => Math.round((n / ORDERS) * 10) / 10;
    console.log(
      `[statements] worker per order (${ORDERS} orders, 2 sellers each): ${per(drain.statements)} statements ` +
        `(${per(drain.relay)} on the relay's own rows, ${per(drain.commits)} COMMITs); CPU ${per(drain.cpuMs)} ms in this process, ` +
        `${per(drain.databaseCpuMs)} ms in PostgreSQL`,
    );
    // Per order (the ledger split is the payment's webhook's): the order with its shipments, then every mail (the
    // buyer's, each seller's) with its notification in one statement; a share of the relay's claims, of its batched
    // deliveries and of its batched saves of finished runs (the function has no steps, so each run is saved once,
    // finished, with the others its batch finished).
    expect(drain.statements / ORDERS).toBeLessThanOrEqual(3);
    expect(drain.commits / ORDERS).toBe(0);
  });
});
