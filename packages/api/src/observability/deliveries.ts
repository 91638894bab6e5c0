import { isRunRow, RUN_PREFIX } from "../events/runtime/run-state";
import { accessLogger, logger } from "./logger";
import { metrics } from "./metrics";
import { recordRun } from "./rollup";

/**
 * What became of one outbox row a relay processed: an event fanned out to its functions
 * ("dispatched"), or a function run that finished, failed for good, went to sleep or to wait,
 * backs off to retry, goes back in the queue to share the relay ("continued"), or whose lease
 * was lost to another relay.
 */
export type DeliveryOutcome = "dispatched" | "completed" | "failed" | "suspended" | "retry" | "continued" | "lost";

/** Counts and times a processed outbox row and logs a function run (the worker's log of each run). */
export function observeDelivery(row: { id: string; name: string }, outcome: DeliveryOutcome, durationMs: number): void {
  const run = isRunRow(row.name);
  // Function ids and event names come from the code (a fixed set), so they are safe labels.
  const fn = run ? row.name.slice(RUN_PREFIX.length) : `event:${row.name}`;
  const m = metrics();
  m.deliveries.labels(fn, outcome).inc();
  m.deliveryDuration.labels(fn, outcome).observe(durationMs / 1000);
  if (!run) return;
  recordRun(durationMs, outcome === "failed");
  const fields = { function: fn, run: row.id, outcome, durationMs: Math.round(durationMs) };
  if (outcome === "failed") logger().error(fields, `function ${fn} failed`);
  else if (outcome === "retry") logger().warn(fields, `function ${fn} will retry`);
  // A run that only went to sleep or to wait is not news (a cart reminder sleeps once per cart).
  else if (outcome === "suspended" || outcome === "continued") logger().debug(fields, `function ${fn} ${outcome}`);
  // Every finished run's line (two per order) goes without redaction, as a request's does: its
  // fields are Bazaar's own ids and figures, never a payload.
  else accessLogger().info(fields, `function ${fn} ${outcome}`);
}
