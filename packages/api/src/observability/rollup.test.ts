import { describe, expect, it } from "vitest";
import { ALERT_RULES, isBreached, MIN_SAMPLE, type WindowFigures } from "./alerts/rules";
import { emptyRollup, latencyQuantile, mergeRollups, ROLLUP_BUCKETS_MS } from "./rollup";

describe("per-minute rollups", () => {
  it("merge across processes and estimate latency quantiles inside their bucket", () => {
    const a = emptyRollup();
    const b = emptyRollup();
    // 90 requests at <= 5 ms in one process, 10 at 250-500 ms in another.
    a.requests = 90;
    a.buckets[0] = 90;
    a.maxMs = 5;
    b.requests = 10;
    b.buckets[ROLLUP_BUCKETS_MS.indexOf(500)] = 10;
    b.maxMs = 480;
    b.counters.reservationFailures = 3;
    const total = mergeRollups([a, b]);
    expect(total.requests).toBe(100);
    expect(total.counters.reservationFailures).toBe(3);
    expect(latencyQuantile(total, 0.5)).toBeLessThanOrEqual(5);
    const p95 = latencyQuantile(total, 0.95)!;
    expect(p95).toBeGreaterThan(250);
    expect(p95).toBeLessThanOrEqual(480);
    expect(latencyQuantile(emptyRollup(), 0.5)).toBeNull();
  });

  it("reads rows written by an older version without the newer fields", () => {
    const old = { requests: 4, byClass: { "2xx": 4 }, buckets: [4], maxMs: 3 } as unknown as ReturnType<typeof emptyRollup>;
    expect(mergeRollups([old]).requests).toBe(4);
  });
});

describe("alert rules", () => {
  const figures = (over: Partial<WindowFigures>): WindowFigures => ({
    ordersCreated: 0,
    ordersPaymentFailed: 0,
    paymentsSucceeded: 0,
    paymentsFailed: 0,
    rollup: emptyRollup(),
    ...over,
  });
  const rule = (id: string) => ALERT_RULES.find((r) => r.id === id)!;

  it("judge a rate only with enough traffic", () => {
    const failure = rule("order-failure-rate");
    expect(failure.figure(figures({ ordersCreated: MIN_SAMPLE - 1, ordersPaymentFailed: 5 }))).toBeNull();
    expect(isBreached(failure, failure.figure(figures({ ordersCreated: 200, ordersPaymentFailed: 1 })))).toBe(false); // exactly 0.5%
    expect(isBreached(failure, failure.figure(figures({ ordersCreated: 199, ordersPaymentFailed: 1 })))).toBe(true);
  });

  it("reads payment success as a floor", () => {
    const success = rule("payment-success-rate");
    expect(isBreached(success, success.figure(figures({ paymentsSucceeded: 95, paymentsFailed: 5 })))).toBe(false);
    expect(isBreached(success, success.figure(figures({ paymentsSucceeded: 94, paymentsFailed: 6 })))).toBe(true);
  });
});
