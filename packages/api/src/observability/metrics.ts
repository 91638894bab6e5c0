import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { connectionPools, onQuery, type PrismaClient } from "@bazaar/db";

// Every Prometheus metric Bazaar exports, in one registry per process. Labels are bounded: a
// procedure or function name, a method, a status class, an outcome; never an id or a path with
// ids in it. Observing costs a map lookup and a few additions, so the hot paths pay nothing
// that shows in the bench.

/** Seconds; from a fast index read to a slow checkout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    procedureDuration: new Histogram({
      name: "bazaar_trpc_request_duration_seconds",
      help: "tRPC procedure calls (HTTP and server-side), by procedure, type and status class",
      labelNames: ["procedure", "type", "status_class"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    procedureErrors: new Counter({
      name: "bazaar_trpc_errors_total",
      help: "tRPC procedure calls that ended in an error, by procedure and status class (4xx, 5xx)",
      labelNames: ["procedure", "status_class"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "bazaar_http_request_duration_seconds",
      help: "Requests to Bazaar's API routes, by route, method and status class",
      labelNames: ["route", "method", "status_class"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    httpInFlight: new Gauge({ name: "bazaar_http_requests_in_flight", help: "API route requests being served", labelNames: ["route"] as const, registers }),
    dbQueryDuration: new Histogram({
      name: "bazaar_db_query_duration_seconds",
      help: "Database queries as Prisma timed them",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    dbPool: new Gauge({
      name: "bazaar_db_pool_connections",
      help: "Database pool connections: total open, idle, and requests waiting for one",
      labelNames: ["state"] as const,
      registers,
      collect() {
        let total = 0;
        let idle = 0;
        let waiting = 0;
        for (const pool of connectionPools()) {
          total += pool.totalCount;
          idle += pool.idleCount;
          waiting += pool.waitingCount;
        }
        this.set({ state: "total" }, total);
        this.set({ state: "idle" }, idle);
        this.set({ state: "in_use" }, total - idle);
        this.set({ state: "waiting" }, waiting);
      },
    }),
    outboxPending: new Gauge({ name: "bazaar_outbox_pending", help: "Outbox rows (events and function runs) waiting to be delivered", registers }),
    outboxDue: new Gauge({ name: "bazaar_outbox_due", help: "Outbox rows due now and not yet delivered (queue depth)", registers }),
    outboxLag: new Gauge({
      name: "bazaar_outbox_oldest_pending_age_seconds",
      help: "Age of the oldest outbox row that is due and undelivered (event processing lag)",
      registers,
    }),
    outboxFailed: new Gauge({ name: "bazaar_outbox_failed", help: "Outbox rows that gave up after every retry", registers }),
    deliveries: new Counter({
      name: "bazaar_outbox_deliveries_total",
      help: "Outbox rows processed by this worker, by function (or event) and outcome",
      labelNames: ["function", "outcome"] as const,
      registers,
    }),
    deliveryDuration: new Histogram({
      name: "bazaar_outbox_delivery_duration_seconds",
      help: "Time to process one outbox row, by function (or event) and outcome",
      labelNames: ["function", "outcome"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    cacheRequests: new Counter({ name: "bazaar_cache_requests_total", help: "Cached reads asked for, by cache", labelNames: ["cache"] as const, registers }),
    cacheMisses: new Counter({
      name: "bazaar_cache_misses_total",
      help: "Cached reads computed afresh (a miss or an expired entry), by cache",
      labelNames: ["cache"] as const,
      registers,
    }),
    cacheExpirations: new Counter({ name: "bazaar_cache_expirations_total", help: "Cache tags expired on request", labelNames: ["tag"] as const, registers }),
    ordersCreated: new Counter({ name: "bazaar_orders_created_total", help: "Orders placed at checkout", registers }),
    ordersConfirmed: new Counter({ name: "bazaar_orders_confirmed_total", help: "Orders confirmed by a captured payment", registers }),
    ordersFailed: new Counter({
      name: "bazaar_orders_failed_total",
      help: "Orders that could not be created (stage=checkout) or whose payment failed (stage=payment)",
      labelNames: ["stage"] as const,
      registers,
    }),
    payments: new Counter({
      name: "bazaar_payments_total",
      help: "Payments settled, by outcome (succeeded, failed)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    reservationConflicts: new Counter({
      name: "bazaar_reservation_conflicts_total",
      help: "Stock reservations refused because the cart or stock changed underneath (a conflicting writer)",
      registers,
    }),
    reservationFailures: new Counter({ name: "bazaar_reservation_failures_total", help: "Stock reservations refused for want of stock", registers }),
    reservationAttempts: new Counter({
      name: "bazaar_reservation_attempts_total",
      help: "Calls that reserve stock (add to cart, quantity changes, checkout)",
      registers,
    }),
    cartAdditions: new Counter({ name: "bazaar_cart_additions_total", help: "Products added to a cart", registers }),
    checkoutDuration: new Histogram({
      name: "bazaar_checkout_duration_seconds",
      help: "From checkout started (order created) to order confirmed by its payment",
      buckets: [0.5, 1, 2, 3, 5, 10, 30, 60, 300, 900, 1800],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// One set per process, on globalThis: Next.js may bundle this module into several route chunks.
const holder = globalThis as unknown as { bazaarMetrics?: Metrics; bazaarOutboxGauges?: WeakSet<PrismaClient> };

/** This process's metrics, created on first use (with the database query listener). */
export function metrics(): Metrics {
  if (!holder.bazaarMetrics) {
    const created = createMetrics();
    holder.bazaarMetrics = created;
    onQuery((ms) => created.dbQueryDuration.observe(ms / 1000));
  }
  return holder.bazaarMetrics;
}

/** Makes the outbox gauges read `db` at each scrape (one small aggregate query). */
export function watchOutbox(db: PrismaClient): void {
  const m = metrics();
  const watched = (holder.bazaarOutboxGauges ??= new WeakSet());
  if (watched.has(db)) return;
  watched.add(db);
  let pending: Promise<void> | null = null;
  const refresh = () =>
    (pending ??= readOutbox(db)
      .then((figures) => {
        m.outboxPending.set(figures.pending);
        m.outboxDue.set(figures.due);
        m.outboxLag.set(figures.lagSeconds);
        m.outboxFailed.set(figures.failed);
      })
      .catch(() => undefined)
      .finally(() => (pending = null)));
  // prom-client awaits async collect(); the four gauges share one query per scrape.
  for (const gauge of [m.outboxPending, m.outboxDue, m.outboxLag, m.outboxFailed]) {
    (gauge as unknown as { collect: () => Promise<void> }).collect = refresh;
  }
}

export interface OutboxFigures {
  pending: number;
  due: number;
  lagSeconds: number;
  failed: number;
}

/** Outbox depth and lag at `now`: lag is how long the oldest due, undelivered row has waited. */
export async function readOutbox(db: PrismaClient, now = new Date()): Promise<OutboxFigures> {
  // Separate subqueries so each uses the (status, availableAt) index; delivered rows are never scanned.
  const [row] = await db.$queryRaw<{ pending: number; due: number; failed: number; oldest: Date | null }[]>`
    SELECT (SELECT count(*) FROM "OutboxEvent" WHERE status = 'PENDING')::int AS pending,
           (SELECT count(*) FROM "OutboxEvent" WHERE status = 'PENDING' AND "availableAt" <= ${now})::int AS due,
           (SELECT count(*) FROM "OutboxEvent" WHERE status = 'FAILED')::int AS failed,
           (SELECT min("availableAt") FROM "OutboxEvent" WHERE status = 'PENDING' AND "availableAt" <= ${now}) AS oldest`;
  return {
    pending: row?.pending ?? 0,
    due: row?.due ?? 0,
    failed: row?.failed ?? 0,
    lagSeconds: row?.oldest ? Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000) : 0,
  };
}

/** "2xx", "4xx", "5xx"... from an HTTP status. */
export const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;
