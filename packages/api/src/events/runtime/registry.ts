import type { InngestFunction } from "inngest";
import { parseCron, type CronSchedule } from "./cron";
import { parseCondition, parseEventPath, type Comparison } from "./expression";
import { parseDuration } from "./time";

/** Inngest's default: 3 retries after the first attempt. */
const DEFAULT_RETRIES = 3;

/** What the in-process runtime needs to know about one function, read from its Inngest config. */
export interface FunctionSpec {
  id: string;
  fn: InngestFunction.Any;
  /** Event triggers, each with its optional `if` condition. */
  events: { name: string; condition: Comparison[] | null }[];
  crons: { expression: string; schedule: CronSchedule }[];
  /** Attempts per step (and per function-level failure): retries + 1. */
  maxAttempts: number;
  debounce: { keyPath: string[] | null; periodMs: number; timeoutMs: number | null } | null;
  singleton: { keyPath: string[] | null; mode: "skip" | "cancel" } | null;
  cancelOn: { event: string; condition: Comparison[] | null; timeoutMs: number | null }[];
}

// Options that change which runs exist or what they receive; the runtime would silently do
// something else than Inngest, so a function using one is refused up front. Concurrency,
// throttle, priority and timeouts only shape scheduling and are left to Inngest.
const UNSUPPORTED = ["batchEvents", "rateLimit", "idempotency", "onFailure"] as const;

export function toFunctionSpec(fn: InngestFunction.Any): FunctionSpec {
  const opts = fn.opts;
  for (const option of UNSUPPORTED) {
    if (opts[option] !== undefined) throw new Error(`Function "${opts.id}": "${option}" is not supported by the in-process runtime`);
  }
  const events: FunctionSpec["events"] = [];
  const crons: FunctionSpec["crons"] = [];
  for (const trigger of (opts.triggers ?? []) as InngestFunction.Trigger<string>[]) {
    if (trigger.cron) crons.push({ expression: trigger.cron, schedule: parseCron(trigger.cron) });
    else if (trigger.event) {
      const name = typeof trigger.event === "string" ? trigger.event : trigger.event.name;
      events.push({ name, condition: trigger.if ? parseCondition(trigger.if) : null });
    }
  }
  return {
    id: opts.id,
    fn,
    events,
    crons,
    maxAttempts: (opts.retries ?? DEFAULT_RETRIES) + 1,
    debounce: opts.debounce
      ? {
          keyPath: opts.debounce.key ? parseEventPath(opts.debounce.key) : null,
          periodMs: parseDuration(opts.debounce.period),
          timeoutMs: opts.debounce.timeout ? parseDuration(opts.debounce.timeout) : null,
        }
      : null,
    singleton: opts.singleton ? { keyPath: opts.singleton.key ? parseEventPath(opts.singleton.key) : null, mode: opts.singleton.mode } : null,
    cancelOn: (opts.cancelOn ?? []).map((cancel) => {
      const condition = cancel.match ? `event.${cancel.match} == async.${cancel.match}` : cancel.if;
      return {
        event: typeof cancel.event === "string" ? cancel.event : cancel.event.name,
        condition: condition ? parseCondition(condition) : null,
        timeoutMs: cancel.timeout === undefined ? null : durationMs(cancel.timeout),
      };
    }),
  };
}

function durationMs(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string") return parseDuration(value);
  throw new Error("cancelOn timeouts must be a number of milliseconds or a duration string");
}

/** Specs by function id; throws on a duplicate id, as Inngest would refuse the app. */
export function buildRegistry(functions: readonly InngestFunction.Any[]): Map<string, FunctionSpec> {
  const registry = new Map<string, FunctionSpec>();
  for (const fn of functions) {
    const spec = toFunctionSpec(fn);
    if (registry.has(spec.id)) throw new Error(`Two functions share the id "${spec.id}"`);
    registry.set(spec.id, spec);
  }
  return registry;
}
