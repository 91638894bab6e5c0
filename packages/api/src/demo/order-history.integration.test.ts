// The demo's order history on a freshly seeded database: made by the real procedures, then moved
// into the past, it must be a past the app itself could have made (balanced ledger, times in
// order, nothing in the future) and fill the dashboards.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { seedDemoData } from "@bazaar/db/seed";
import { loadActor } from "../trpc";
import { getDashboard } from "../domain/analytics/dashboard";
import { getTrialBalance } from "../domain/ledger/trial-balance";
import { ledgerIsBalanced, useDatabaseForHandlers } from "../testing/payments";
import { seedOrderHistory, type OrderHistoryResult } from "./order-history";

const DAY = 86_400_000;
// Three weeks (about 45 orders, two weekly payouts) show every kind of step; the demo makes ninety days the same way.
const DAYS = 21;
let t: TestDatabase;
let mediaDir: string;
let result: OrderHistoryResult | null;
// A fixed end, so that the weekdays (and every random draw after them) are the same on every run.
const now = new Date("2026-11-25T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  mediaDir = await mkdtemp(path.join(tmpdir(), "bazaar-history-"));
  await seedDemoData(t.db, { now, mediaDir, bcryptCost: 4 });
  result = await seedOrderHistory(t.db, { now, days: DAYS });
}, 300_000);

afterAll(async () => {
  await rm(mediaDir, { recursive: true, force: true });
  await t?.drop();
});

describe("the demo's order history", () => {
  it("has orders in every stage of their life, and refunds, disputes, reviews and payouts", async () => {
    expect(result).not.toBeNull();
    const { byStatus } = result!;
    for (const status of ["DELIVERED", "SHIPPED", "CANCELLED"]) expect(byStatus[status] ?? 0).toBeGreaterThan(0);
    // The last day's orders are still being packed.
    expect((byStatus.CONFIRMED ?? 0) + (byStatus.PROCESSING ?? 0) + (byStatus.PAID ?? 0)).toBeGreaterThan(0);
    expect(result!.orders).toBeGreaterThanOrEqual(DAYS);
    expect(result!.reviews).toBeGreaterThan(0);
    expect(result!.payouts).toBeGreaterThan(0);
    expect(result!.disputes + result!.refunds + result!.returns).toBeGreaterThan(0);
    expect(await t.db.order.count({ where: { buyerId: null } })).toBeGreaterThan(0);
  });

  it("keeps the ledger balanced: every transaction, and the trial balance", async () => {
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
    const admin = await loadActor(t.db, (await t.db.user.findFirstOrThrow({ where: { role: "ADMIN" } })).id);
    expect((await getTrialBalance(t.db, admin!)).balanced).toBe(true);
  });

  it("lands every order on its day, with each step after the one before and nothing in the future", async () => {
    const orders = await t.db.order.findMany({ include: { shipments: true, payments: true } });
    for (const order of orders) {
      expect(order.createdAt.getTime()).toBeGreaterThan(now.getTime() - (DAYS + 1) * DAY);
      expect(order.createdAt.getTime()).toBeLessThan(now.getTime());
      if (order.paidAt) expect(order.paidAt.getTime()).toBeGreaterThan(order.createdAt.getTime());
      for (const shipment of order.shipments) {
        if (shipment.shippedAt) expect(shipment.shippedAt.getTime()).toBeGreaterThan(order.paidAt!.getTime());
        if (shipment.deliveredAt) expect(shipment.deliveredAt.getTime()).toBeGreaterThan(shipment.shippedAt!.getTime());
        if (shipment.deliveredAt) expect(shipment.deliveredAt.getTime()).toBeLessThan(now.getTime());
      }
    }
    const [future] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT COUNT(*) FROM "LedgerTransaction" WHERE "createdAt" > ${now})
           + (SELECT COUNT(*) FROM "Email" WHERE "createdAt" > ${now})
           + (SELECT COUNT(*) FROM "Review" WHERE "createdAt" > ${now}) AS n`;
    expect(Number(future!.n)).toBe(0);
    // A review comes after the delivery of what it reviews.
    const early = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*) AS n FROM "Review" r JOIN "OrderItem" i ON i.id = r."orderItemId" JOIN "Shipment" s ON s.id = i."shipmentId"
       WHERE r."createdAt" < s."deliveredAt"`;
    expect(Number(early[0]!.n)).toBe(0);
  });

  it("fills the admin dashboard day by day", async () => {
    const admin = await loadActor(t.db, (await t.db.user.findFirstOrThrow({ where: { role: "ADMIN" } })).id);
    const dashboard = await getDashboard(t.db, admin!, { from: new Date(now.getTime() - DAYS * DAY), to: now, currency: "USD" }, now);
    expect(dashboard.gmvCents).toBeGreaterThan(0);
    expect(dashboard.commissionCents).toBeGreaterThan(0);
    // Some visitors leave their carts: conversion is below 100%.
    expect(result!.abandonedCarts).toBeGreaterThan(0);
    expect(dashboard.conversionRate).toBeLessThan(1);
    expect(dashboard.daily.filter((d) => d.orders > 0).length).toBeGreaterThan(DAYS * 0.8);
  });

  it("is added once: a second run finds orders and does nothing", async () => {
    const before = await t.db.order.count();
    expect(await seedOrderHistory(t.db, { now, days: DAYS })).toBeNull();
    expect(await t.db.order.count()).toBe(before);
  });
});
