import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@bazaar/db";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../events/drain";
import { startBackgroundWorker } from "../events/background-worker";
import { GET as health, ready } from "../http/health";
import { GET as metricsRoute } from "../http/metrics";
import { createTrpcHandler } from "../server";
import { createBuyer, createProduct, createSeller, shippingAddressInput, uniqueSuffix } from "../testing/factories";
import { payWithCard, useDatabaseForHandlers } from "../testing/payments";
import { createLogger, setLogger } from "./logger";
import { startWorkerListener } from "./worker-listener";

// Traffic through the real route handlers (the ones the apps mount), then /api/metrics scraped
// and parsed as Prometheus would.

let t: TestDatabase;
const lines: Record<string, unknown>[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  setLogger(createLogger({ destination: sink, level: "info" }));
});
afterAll(async () => {
  setLogger();
  await t?.drop();
});

/** Prometheus text → { 'name{a="b"}': value }, labels in the order they were printed. */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

async function scrape(): Promise<Map<string, number>> {
  const response = await metricsRoute(new Request("http://localhost/api/metrics", { headers: { "x-forwarded-for": "127.0.0.1" } }));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return parse(await response.text());
}

const value = (samples: Map<string, number>, key: string) => samples.get(key) ?? 0;

const as = (userId: string | null) => createTrpcHandler(async () => ({ userId }));
const get = (userId: string | null, path: string, input: unknown, headers: Record<string, string> = {}) =>
  as(userId)(new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers }));
const post = (userId: string | null, path: string, input: unknown) =>
  as(userId)(
    new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    }),
  );

describe("metrics", () => {
  it("count and time procedures, add to cart, orders and payments as traffic goes through the route handlers", async () => {
    const shop = await createSeller(t.db);
    const { product } = await createProduct(t.db, shop.seller.id, { stock: 3, priceCents: 1500 });
    const buyer = await createBuyer(t.db);
    const before = await scrape();

    expect((await get(null, "catalog.list", {})).status).toBe(200);
    expect((await get(null, "catalog.list", {})).status).toBe(200);
    expect((await get(null, "catalog.product", { slug: "no-such-product" })).status).toBe(404);
    expect((await post(buyer.id, "cart.add", { productId: product.id, quantity: 1 })).status).toBe(200);
    const outOfStock = await post(buyer.id, "cart.add", { productId: product.id, quantity: 5 });
    expect(outOfStock.status).toBe(409);
    const placed = await post(buyer.id, "checkout.start", { idempotencyKey: `m-${uniqueSuffix()}`, shippingAddress: shippingAddressInput() });
    expect(placed.status).toBe(200);
    const order = ((await placed.json()) as { result: { data: { json: { paymentIntentId: string; clientSecret: string; orderId: string } } } }).result.data
      .json;
    // The declined card: the simulator's signed event goes through the Stripe webhook route.
    await payWithCard(
      t.db,
      { ...order, orderNumber: 0, paymentId: "", provider: "SIMULATOR", totalCents: 0, currency: "USD", accessToken: null },
      "4000 0000 0000 0002",
    );
    // A failed checkout: nothing to order.
    const emptyHanded = await createBuyer(t.db);
    const failed = await post(emptyHanded.id, "checkout.start", { idempotencyKey: `m-${uniqueSuffix()}`, shippingAddress: shippingAddressInput() });
    expect(failed.status).toBe(400);

    const after = await scrape();
    const delta = (key: string) => value(after, key) - value(before, key);
    expect(delta('bazaar_trpc_request_duration_seconds_count{procedure="catalog.list",type="query",status_class="2xx"}')).toBe(2);
    expect(delta('bazaar_trpc_request_duration_seconds_count{procedure="catalog.product",type="query",status_class="4xx"}')).toBe(1);
    expect(delta('bazaar_trpc_errors_total{procedure="catalog.product",status_class="4xx"}')).toBe(1);
    expect(delta('bazaar_trpc_request_duration_seconds_bucket{le="+Inf",procedure="catalog.list",type="query",status_class="2xx"}')).toBe(2);
    expect(delta('bazaar_http_request_duration_seconds_count{route="/api/trpc",method="GET",status_class="2xx"}')).toBe(2);
    expect(delta('bazaar_http_request_duration_seconds_count{route="/api/webhooks/stripe",method="POST",status_class="2xx"}')).toBe(1);
    expect(value(after, 'bazaar_http_requests_in_flight{route="/api/trpc"}')).toBe(0);
    expect(delta("bazaar_cart_additions_total")).toBe(1);
    expect(delta("bazaar_reservation_failures_total")).toBe(1);
    expect(delta("bazaar_reservation_attempts_total")).toBe(4);
    expect(delta("bazaar_orders_created_total")).toBe(1);
    expect(delta('bazaar_orders_failed_total{stage="payment"}')).toBe(1);
    expect(delta('bazaar_orders_failed_total{stage="checkout"}')).toBe(1);
    expect(delta('bazaar_payments_total{outcome="failed"}')).toBe(1);
    expect(delta("bazaar_db_query_duration_seconds_count")).toBeGreaterThan(10);
    expect(value(after, 'bazaar_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(after.has("process_cpu_user_seconds_total")).toBe(true);
    expect(after.has("nodejs_eventloop_lag_seconds")).toBe(true);
  });

  it("counts a confirmed order and times it from checkout to confirmation", async () => {
    const shop = await createSeller(t.db);
    const { product } = await createProduct(t.db, shop.seller.id, { stock: 3, priceCents: 1500 });
    const buyer = await createBuyer(t.db);
    const before = await scrape();
    await post(buyer.id, "cart.add", { productId: product.id, quantity: 1 });
    const placed = await post(buyer.id, "checkout.start", { idempotencyKey: `m-${uniqueSuffix()}`, shippingAddress: shippingAddressInput() });
    const order = ((await placed.json()) as { result: { data: { json: { paymentIntentId: string; clientSecret: string } } } }).result.data.json;
    await payWithCard(t.db, { ...order, orderId: "", orderNumber: 0, paymentId: "", provider: "SIMULATOR", totalCents: 0, currency: "USD", accessToken: null });
    const after = await scrape();
    const delta = (key: string) => value(after, key) - value(before, key);
    expect(delta("bazaar_orders_confirmed_total")).toBe(1);
    expect(delta('bazaar_payments_total{outcome="succeeded"}')).toBe(1);
    expect(delta("bazaar_checkout_duration_seconds_count")).toBe(1);
  });

  it("shows outbox lag rising while the worker is stopped and falling once it runs again", async () => {
    await drainOutbox(t.db);
    expect(value(await scrape(), "bazaar_outbox_oldest_pending_age_seconds")).toBe(0);
    // The worker is stopped: an event waits. Its clock is moved back two minutes instead of waiting them out.
    await t.db.outboxEvent.create({ data: { name: "test/observed", payload: {}, availableAt: new Date(Date.now() - 120_000) } });
    const stopped = await scrape();
    expect(value(stopped, "bazaar_outbox_oldest_pending_age_seconds")).toBeGreaterThanOrEqual(120);
    expect(value(stopped, "bazaar_outbox_pending")).toBeGreaterThanOrEqual(1);

    const worker = startBackgroundWorker(t.db, { pollMs: 20, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    try {
      await vi.waitFor(async () => expect(value(await scrape(), "bazaar_outbox_oldest_pending_age_seconds")).toBe(0), { timeout: 10_000, interval: 50 });
    } finally {
      await worker.stop();
    }
    const resumed = await scrape();
    expect(value(resumed, 'bazaar_outbox_deliveries_total{function="event:test/observed",outcome="dispatched"}')).toBe(1);
  });

  it("answers only loopback callers without a token", async () => {
    const response = await metricsRoute(new Request("http://localhost/api/metrics", { headers: { "x-forwarded-for": "203.0.113.9" } }));
    expect(response.status).toBe(403);
  });
});

describe("request logs", () => {
  it("write one line per request with its id (also sent back), the actor, the procedure, the status and the duration", async () => {
    const buyer = await createBuyer(t.db);
    lines.length = 0;
    const response = await get(buyer.id, "catalog.list", {}, { "x-request-id": "req-test-0001" });
    expect(response.headers.get("x-request-id")).toBe("req-test-0001");
    const line = lines.find((l) => l.requestId === "req-test-0001" && l.msg === "request");
    expect(line).toMatchObject({ level: 30, route: "/api/trpc", procedure: "catalog.list", status: 200, actor: { id: buyer.id, role: "BUYER" } });
    expect(typeof line?.durationMs).toBe("number");

    const fresh = await get(null, "catalog.product", { slug: "nothing-here" });
    const id = fresh.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // The domain refusal at info, the request line after it.
    expect(lines.find((l) => l.requestId === id && l.procedure === "catalog.product" && l.msg !== "request")).toMatchObject({
      level: 30,
      code: "NOT_FOUND",
      status: 404,
    });
  });
});

describe("health", () => {
  it("is live, and ready only while the database answers with every migration", async () => {
    expect(health().status).toBe(200);
    const ok = await ready();
    const body = (await ok.json()) as { checks: { migrations: { ok: boolean; missing: string[]; applied: number } } };
    expect(ok.status).toBe(200);
    expect(body.checks.migrations).toMatchObject({ ok: true, missing: [] });
    expect(body.checks.migrations.applied).toBeGreaterThanOrEqual(4);

    const unreachable: PrismaClient = createPrismaClient({ url: "postgresql://postgres@127.0.0.1:1/nowhere" });
    useDatabaseForHandlers(unreachable);
    try {
      const down = await ready();
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: "not ready", checks: { database: { ok: false } } });
    } finally {
      useDatabaseForHandlers(t.db);
      await unreachable.$disconnect();
    }
  });

  it("the worker's listener serves metrics and readiness with the outbox lag", async () => {
    const listener = await startWorkerListener(t.db, { port: 0, host: "127.0.0.1" });
    try {
      const metrics = await fetch(`${listener.url}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain("bazaar_outbox_oldest_pending_age_seconds");
      await drainOutbox(t.db);
      expect((await fetch(`${listener.url}/api/ready`)).status).toBe(200);
      await t.db.outboxEvent.create({ data: { name: "test/late", payload: {}, availableAt: new Date(Date.now() - 3_600_000) } });
      const late = await fetch(`${listener.url}/api/ready`);
      expect(late.status).toBe(503);
      expect(await late.json()).toMatchObject({ checks: { outbox: { ok: false } } });
      expect((await fetch(`${listener.url}/api/health`)).status).toBe(200);
    } finally {
      await listener.close();
      await drainOutbox(t.db);
    }
  });
});
