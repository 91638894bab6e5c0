import type { PrismaClient } from "@bazaar/db";
import { emptyRollup, mergeRollups, type MinuteRollup } from "../rollup";
import type { WindowFigures } from "./rules";

/** The window the alert rules look back over. */
export const ALERT_WINDOW_MS = 10 * 60_000;

/** Every process's per-minute rows from `from` (inclusive) to `to` (exclusive), by minute. */
export async function rollupsBetween(db: PrismaClient, from: Date, to: Date): Promise<Map<number, MinuteRollup>> {
  const rows = await db.metricSample.findMany({ where: { minute: { gte: from, lt: to } }, select: { minute: true, data: true } });
  const byMinute = new Map<number, MinuteRollup[]>();
  for (const row of rows) {
    const key = row.minute.getTime();
    byMinute.set(key, [...(byMinute.get(key) ?? []), row.data as unknown as MinuteRollup]);
  }
  return new Map([...byMinute].map(([minute, list]) => [minute, mergeRollups(list)]));
}

/** The figures the rules judge, over [now - window, now): orders and payments from their tables, the rest from the per-minute rows. */
export async function readWindowFigures(db: PrismaClient, now: Date, windowMs = ALERT_WINDOW_MS): Promise<WindowFigures> {
  const from = new Date(now.getTime() - windowMs);
  const [ordersCreated, ordersPaymentFailed, paymentsSucceeded, paymentsFailed, rollups] = await Promise.all([
    db.order.count({ where: { createdAt: { gte: from, lt: now } } }),
    // Orders placed in the window with a declined payment attempt (paid with another card later or not).
    db.order.count({ where: { createdAt: { gte: from, lt: now }, payments: { some: { failedAt: { not: null } } } } }),
    // A payment settles within its order's 30-minute hold: the createdAt bound lets the
    // (status, createdAt) index find them without reading every payment ever made.
    db.payment.count({
      where: { status: { in: ["CAPTURED", "REFUNDED"] }, createdAt: { gte: new Date(from.getTime() - 3_600_000) }, capturedAt: { gte: from, lt: now } },
    }),
    // A declined attempt leaves the payment open for another card: its last failure counts.
    db.payment.count({ where: { createdAt: { gte: new Date(from.getTime() - 3_600_000) }, failedAt: { gte: from, lt: now } } }),
    rollupsBetween(db, from, now),
  ]);
  return { ordersCreated, ordersPaymentFailed, paymentsSucceeded, paymentsFailed, rollup: rollups.size ? mergeRollups([...rollups.values()]) : emptyRollup() };
}
