import type { PrismaClient } from "@bazaar/db";
import { requireAdmin, type Actor } from "../../actor";
import { readOutbox } from "../metrics";
import { latencyQuantile } from "../rollup";
import { readWindowFigures, rollupsBetween, ALERT_WINDOW_MS } from "./figures";
import { ALERT_RULES, formatFigure, isBreached } from "./rules";

const MINUTE = 60_000;
const HOUR_MINUTES = 60;

export interface HealthPoint {
  /** ISO minute */
  minute: string;
  requests: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** 5xx of all requests (0..1), null without requests. */
  errorRate: number | null;
  /** 4xx of all requests (0..1). */
  clientErrorRate: number | null;
  outboxLagSeconds: number | null;
  orders: number;
  orderFailureRate: number | null;
  paymentSuccessRate: number | null;
  reservationConflicts: number;
  reservationFailures: number;
}

/**
 * The admin console's System health page: the last hour minute by minute (requests and their
 * latency, errors, event lag, orders, payments, reservations), the alert rules with their figure
 * over the alert window, and the open and recent alerts.
 */
export async function getSystemHealth(db: PrismaClient, actor: Actor | null, now = new Date()) {
  requireAdmin(actor);
  const end = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE + MINUTE);
  const start = new Date(end.getTime() - HOUR_MINUTES * MINUTE);
  const [rollups, orderRows, paymentRows, figures, outbox, open, past] = await Promise.all([
    rollupsBetween(db, start, end),
    db.$queryRaw<{ minute: Date; orders: number; failed: number }[]>`
      SELECT date_trunc('minute', o."createdAt") AS minute, count(*)::int AS orders,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Payment" p WHERE p."orderId" = o.id AND p."failedAt" IS NOT NULL))::int AS failed
        FROM "Order" o WHERE o."createdAt" >= ${start} AND o."createdAt" < ${end} GROUP BY 1`,
    db.$queryRaw<{ minute: Date; captured: number; failed: number }[]>`
      SELECT minute, count(*) FILTER (WHERE captured)::int AS captured, count(*) FILTER (WHERE NOT captured)::int AS failed
        FROM (SELECT date_trunc('minute', at) AS minute, captured
                FROM "Payment", LATERAL (VALUES ("capturedAt", true), ("failedAt", false)) AS outcome(at, captured)
               WHERE "createdAt" >= ${new Date(start.getTime() - 3_600_000)}
                 AND (("capturedAt" >= ${start} AND "capturedAt" < ${end}) OR ("failedAt" >= ${start} AND "failedAt" < ${end}))
                 AND at >= ${start} AND at < ${end}) AS outcomes
       GROUP BY 1`,
    readWindowFigures(db, now),
    readOutbox(db, now),
    db.systemAlert.findMany({ where: { status: "OPEN" }, orderBy: { openedAt: "desc" } }),
    db.systemAlert.findMany({ where: { status: "RESOLVED" }, orderBy: { openedAt: "desc" }, take: 20 }),
  ]);
  const ordersAt = new Map(orderRows.map((r) => [r.minute.getTime(), r]));
  const paymentsAt = new Map(paymentRows.map((r) => [r.minute.getTime(), r]));
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

  const series: HealthPoint[] = [];
  for (let minute = start.getTime(); minute < end.getTime(); minute += MINUTE) {
    const r = rollups.get(minute);
    const o = ordersAt.get(minute);
    const p = paymentsAt.get(minute);
    series.push({
      minute: new Date(minute).toISOString(),
      requests: r?.requests ?? 0,
      p50: r ? latencyQuantile(r, 0.5) : null,
      p95: r ? latencyQuantile(r, 0.95) : null,
      p99: r ? latencyQuantile(r, 0.99) : null,
      errorRate: r ? ratio(r.byClass["5xx"] ?? 0, r.requests) : null,
      clientErrorRate: r ? ratio(r.byClass["4xx"] ?? 0, r.requests) : null,
      outboxLagSeconds: r?.outbox?.lagSeconds ?? null,
      orders: o?.orders ?? 0,
      orderFailureRate: o ? ratio(o.failed, o.orders) : null,
      paymentSuccessRate: p ? ratio(p.captured, p.captured + p.failed) : null,
      reservationConflicts: r?.counters.reservationConflicts ?? 0,
      reservationFailures: r?.counters.reservationFailures ?? 0,
    });
  }

  const ruleById = new Map(ALERT_RULES.map((rule) => [rule.id, rule]));
  const describeAlert = (alert: (typeof open)[number]) => {
    const rule = ruleById.get(alert.rule);
    const unit = { unit: rule?.unit ?? ("ratio" as const) };
    return {
      id: alert.id,
      rule: alert.rule,
      label: rule?.label ?? alert.rule,
      message: alert.message,
      status: alert.status,
      value: formatFigure(unit, alert.value),
      peak: formatFigure(unit, alert.peakValue),
      last: formatFigure(unit, alert.lastValue),
      threshold: formatFigure(unit, alert.threshold),
      openedAt: alert.openedAt,
      resolvedAt: alert.resolvedAt,
    };
  };

  return {
    at: now,
    windowMinutes: ALERT_WINDOW_MS / MINUTE,
    series,
    rules: ALERT_RULES.map((rule) => {
      const value = rule.figure(figures);
      return {
        id: rule.id,
        label: rule.label,
        describe: rule.describe,
        threshold: formatFigure(rule, rule.threshold),
        value: formatFigure(rule, value),
        breached: isBreached(rule, value),
      };
    }),
    outbox: { lagSeconds: Math.round(outbox.lagSeconds), due: outbox.due, pending: outbox.pending, failed: outbox.failed },
    openAlerts: open.map(describeAlert),
    pastAlerts: past.map(describeAlert),
  };
}

export type SystemHealth = Awaited<ReturnType<typeof getSystemHealth>>;
