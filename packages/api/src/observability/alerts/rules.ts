import type { MinuteRollup } from "../rollup";

// The alert thresholds Bazaar's design sets, as data: each rule reads one figure of the window
// and says whether it is on the wrong side. A rate needs a minimum of traffic to mean anything
// (one declined card among three orders is not an incident), so below it the figure is "no data",
// which never opens an alert and lets an open one resolve.

export interface WindowFigures {
  ordersCreated: number;
  ordersPaymentFailed: number;
  paymentsSucceeded: number;
  paymentsFailed: number;
  /** Summed over every process's per-minute rows. */
  rollup: MinuteRollup;
}

export interface AlertRule {
  id: string;
  label: string;
  /** How the threshold reads on the page and in mail. */
  describe: string;
  threshold: number;
  unit: "ratio" | "ms";
  /** Breached when the figure is above the threshold ("above") or below it ("below"). */
  direction: "above" | "below";
  /** The figure, or null when there is too little traffic to judge. */
  figure: (f: WindowFigures) => number | null;
}

/** The least traffic in a window for a rate to count. */
export const MIN_SAMPLE = 20;

const rate = (part: number, whole: number, min = MIN_SAMPLE) => (whole >= min ? part / whole : null);
const average = (t: { count: number; sumMs: number }, min: number) => (t.count >= min ? t.sumMs / t.count : null);

export const ALERT_RULES: readonly AlertRule[] = [
  {
    id: "order-failure-rate",
    label: "Order failure rate",
    describe: "Orders whose payment failed, of orders placed, above 0.5%",
    threshold: 0.005,
    unit: "ratio",
    direction: "above",
    figure: (f) => rate(f.ordersPaymentFailed, f.ordersCreated),
  },
  {
    id: "payment-success-rate",
    label: "Payment success rate",
    describe: "Payments captured, of payments settled, below 95%",
    threshold: 0.95,
    unit: "ratio",
    direction: "below",
    figure: (f) => rate(f.paymentsSucceeded, f.paymentsSucceeded + f.paymentsFailed),
  },
  {
    id: "order-processing-time",
    label: "Order processing time",
    describe: "Average time to place an order (checkout) above 3 s",
    threshold: 3000,
    unit: "ms",
    direction: "above",
    figure: (f) => average(f.rollup.orderProcessing, 5),
  },
  {
    id: "reservation-failure-rate",
    label: "Stock reservation failures",
    describe: "Reservations refused for want of stock, of attempts, above 5%",
    threshold: 0.05,
    unit: "ratio",
    direction: "above",
    figure: (f) => rate(f.rollup.counters.reservationFailures, f.rollup.counters.reservationAttempts),
  },
  {
    id: "reservation-conflict-rate",
    label: "Stock reservation conflicts",
    describe: "Reservations refused by a conflicting change, of attempts, above 1%",
    threshold: 0.01,
    unit: "ratio",
    direction: "above",
    figure: (f) => rate(f.rollup.counters.reservationConflicts, f.rollup.counters.reservationAttempts),
  },
  {
    id: "catalog-read-time",
    label: "Catalog read time",
    describe: "Average catalog read above 1 s",
    threshold: 1000,
    unit: "ms",
    direction: "above",
    figure: (f) => average(f.rollup.catalog, 5),
  },
  {
    id: "critical-timeout",
    label: "Critical timeout",
    describe: "A request or background function took over 30 s",
    threshold: 30_000,
    unit: "ms",
    direction: "above",
    figure: (f) => (f.rollup.requests + f.rollup.runs.count > 0 ? Math.max(f.rollup.maxMs, f.rollup.runs.maxMs) : null),
  },
];

export const isBreached = (rule: AlertRule, value: number | null) =>
  value !== null && (rule.direction === "above" ? value > rule.threshold : value < rule.threshold);

export function formatFigure(rule: Pick<AlertRule, "unit">, value: number | null): string {
  if (value === null) return "no data";
  if (rule.unit === "ratio") return `${(value * 100).toFixed(value < 0.1 ? 2 : 1)}%`;
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}
