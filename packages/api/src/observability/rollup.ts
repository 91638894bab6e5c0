import { hostname } from "node:os";
import type { Prisma, PrismaClient } from "@bazaar/db";

// Per-minute figures of this process, saved to the database each minute (one small row), so the
// admin console's System health page and the alert rules see every process (three apps and the
// worker, or many replicas) over the last hour without a Prometheus server. Prometheus, when an
// operator runs one, scrapes /api/metrics instead; both are fed by the same observations.

/** Upper bounds (ms) of the latency buckets kept per minute; the last bucket is open-ended. */
export const ROLLUP_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000];

const COUNTERS = [
  "ordersCreated",
  "checkoutFailures",
  "ordersConfirmed",
  "paymentFailures",
  "paymentsSucceeded",
  "paymentsFailed",
  "reservationAttempts",
  "reservationConflicts",
  "reservationFailures",
  "cartAdditions",
] as const;
export type RollupCounter = (typeof COUNTERS)[number];

export interface Timing {
  count: number;
  sumMs: number;
  maxMs: number;
}

export interface MinuteRollup {
  requests: number;
  byClass: Record<string, number>;
  /** Request counts per ROLLUP_BUCKETS_MS bucket (plus one for slower). */
  buckets: number[];
  maxMs: number;
  /** Catalog reads (catalog.* and storefront.* queries). */
  catalog: Timing;
  /** Order processing: the server's time to place an order (checkout.start). */
  orderProcessing: Timing;
  /** Checkout started (order created) to order confirmed by its payment. */
  checkout: Timing;
  /** Background function runs. */
  runs: Timing & { failed: number };
  /** The outbox at the end of the minute (the worker's rows only). */
  outbox?: { lagSeconds: number; due: number; failed: number };
  counters: Record<RollupCounter, number>;
}

const emptyTiming = (): Timing => ({ count: 0, sumMs: 0, maxMs: 0 });
export const emptyRollup = (): MinuteRollup => ({
  requests: 0,
  byClass: {},
  buckets: ROLLUP_BUCKETS_MS.map(() => 0).concat(0),
  maxMs: 0,
  catalog: emptyTiming(),
  orderProcessing: emptyTiming(),
  checkout: emptyTiming(),
  runs: { ...emptyTiming(), failed: 0 },
  counters: Object.fromEntries(COUNTERS.map((name) => [name, 0])) as Record<RollupCounter, number>,
});

const minuteOf = (ms: number) => Math.floor(ms / 60_000) * 60_000;

interface Recorder {
  minutes: Map<number, MinuteRollup>;
}
const holder = globalThis as unknown as { bazaarRollup?: Recorder };
const recorder = (): Recorder => (holder.bazaarRollup ??= { minutes: new Map() });

function current(now = Date.now()): MinuteRollup {
  const minutes = recorder().minutes;
  const key = minuteOf(now);
  let rollup = minutes.get(key);
  if (!rollup) minutes.set(key, (rollup = emptyRollup()));
  return rollup;
}

const time = (timing: Timing, ms: number) => {
  timing.count++;
  timing.sumMs += ms;
  if (ms > timing.maxMs) timing.maxMs = ms;
};

export function recordRequest(ms: number, status: number, kind: "catalog" | "order" | null): void {
  const rollup = current();
  rollup.requests++;
  const cls = `${Math.floor(status / 100)}xx`;
  rollup.byClass[cls] = (rollup.byClass[cls] ?? 0) + 1;
  let bucket = ROLLUP_BUCKETS_MS.findIndex((bound) => ms <= bound);
  if (bucket < 0) bucket = ROLLUP_BUCKETS_MS.length;
  rollup.buckets[bucket] = (rollup.buckets[bucket] ?? 0) + 1;
  if (ms > rollup.maxMs) rollup.maxMs = ms;
  if (kind === "catalog") time(rollup.catalog, ms);
  else if (kind === "order") time(rollup.orderProcessing, ms);
}

export const recordCount = (name: RollupCounter, by = 1) => void (current().counters[name] += by);
export const recordCheckout = (ms: number) => time(current().checkout, ms);
export function recordRun(ms: number, failed: boolean): void {
  const runs = current().runs;
  time(runs, ms);
  if (failed) runs.failed++;
}

const instance = `${hostname()}:${process.pid}`;

/**
 * Saves every finished minute (all of them with `includeCurrent`) as one row per process and
 * forgets it. Returns how many rows it wrote.
 */
export async function flushRollups(
  db: PrismaClient,
  source: string,
  options: { now?: Date; includeCurrent?: boolean; snapshot?: (rollup: MinuteRollup) => Promise<void> } = {},
): Promise<number> {
  const nowMinute = minuteOf((options.now ?? new Date()).getTime());
  // A minute with no traffic is still written when there is a snapshot to take (the worker's outbox).
  if (options.snapshot) current(nowMinute - 60_000);
  const minutes = recorder().minutes;
  const due = [...minutes.entries()].filter(([minute]) => minute < nowMinute || options.includeCurrent);
  if (due.length === 0) return 0;
  const last = due.at(-1)?.[1];
  if (last && options.snapshot) await options.snapshot(last);
  for (const [minute] of due) minutes.delete(minute);
  await db.metricSample.createMany({
    data: due.map(([minute, rollup]) => ({ source, instance, minute: new Date(minute), data: rollup as unknown as Prisma.InputJsonValue })),
    skipDuplicates: true,
  });
  return due.length;
}

/** How long after a minute ends every process saves it; the alert rules read it after ALERT_SETTLE. */
export const FLUSH_AFTER_MINUTE_MS = 1_000;

/**
 * Flushes each minute just after it ends (the timer does not keep the process alive). On the
 * clock rather than every 60 s from start: every instance's row of a minute is then in before
 * the alert rules judge it, where a timer of its own phase could miss their run by a minute.
 */
export function startRollupFlusher(getDb: () => PrismaClient, source: string, snapshot?: (rollup: MinuteRollup) => Promise<void>): () => void {
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    timer = setTimeout(
      () => {
        void flushRollups(getDb(), source, { snapshot }).catch(() => undefined);
        next();
      },
      60_000 - (Date.now() % 60_000) + FLUSH_AFTER_MINUTE_MS,
    );
    timer.unref();
  };
  next();
  return () => clearTimeout(timer);
}

/** Sums rollups (of several processes or minutes) into one. */
export function mergeRollups(rollups: readonly MinuteRollup[]): MinuteRollup {
  const total = emptyRollup();
  for (const r of rollups) {
    total.requests += r.requests ?? 0;
    for (const [cls, n] of Object.entries(r.byClass ?? {})) total.byClass[cls] = (total.byClass[cls] ?? 0) + n;
    r.buckets?.forEach((n, i) => (total.buckets[i] = (total.buckets[i] ?? 0) + n));
    total.maxMs = Math.max(total.maxMs, r.maxMs ?? 0);
    for (const key of ["catalog", "orderProcessing", "checkout", "runs"] as const) {
      const from = r[key];
      if (!from) continue;
      total[key].count += from.count;
      total[key].sumMs += from.sumMs;
      total[key].maxMs = Math.max(total[key].maxMs, from.maxMs);
    }
    total.runs.failed += r.runs?.failed ?? 0;
    if (r.outbox) {
      total.outbox ??= { lagSeconds: 0, due: 0, failed: 0 };
      total.outbox.lagSeconds = Math.max(total.outbox.lagSeconds, r.outbox.lagSeconds);
      total.outbox.due = Math.max(total.outbox.due, r.outbox.due);
      total.outbox.failed = Math.max(total.outbox.failed, r.outbox.failed);
    }
    for (const name of COUNTERS) total.counters[name] += r.counters?.[name] ?? 0;
  }
  return total;
}

/** The q-quantile (0..1) of the request latencies in a rollup, in ms, interpolated in its bucket. */
export function latencyQuantile(rollup: MinuteRollup, q: number): number | null {
  if (rollup.requests === 0) return null;
  const target = q * rollup.requests;
  let seen = 0;
  for (let i = 0; i < rollup.buckets.length; i++) {
    const n = rollup.buckets[i] ?? 0;
    if (seen + n >= target && n > 0) {
      const lower = i === 0 ? 0 : (ROLLUP_BUCKETS_MS[i - 1] ?? 0);
      const upper = ROLLUP_BUCKETS_MS[i] ?? Math.max(rollup.maxMs, lower);
      return Math.min(rollup.maxMs, lower + ((target - seen) / n) * (upper - lower));
    }
    seen += n;
  }
  return rollup.maxMs;
}
