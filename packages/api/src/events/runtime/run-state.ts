import { z } from "zod";

// A function run executed in-process lives in an OutboxEvent row of its own (name
// `run:<function id>`), so runs share the relay's queue, lease, retry and wake-up machinery:
//   status PENDING  -> due at availableAt (started, sleeping, waiting for an event or backing off)
//   status SENT     -> finished: completed, or cancelled (payload.outcome says which)
//   status FAILED   -> the function failed after its retries
// The payload is the run's durable state: the triggering event and every finished step's
// result, keyed by the SDK's hashed step id, exactly what Inngest itself would store.

export const RUN_PREFIX = "run:";
export const runRowName = (functionId: string) => `${RUN_PREFIX}${functionId}`;
export const isRunRow = (name: string) => name.startsWith(RUN_PREFIX);

const ZJsonSchema = z.json();
export type JsonValue = z.infer<typeof ZJsonSchema>;

/** A value as Inngest stores step results and outputs: JSON, undefined becoming null. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

const ZEventSchema = z.object({
  id: z.string(),
  name: z.string(),
  data: z.record(z.string(), z.unknown()),
  ts: z.number(),
});
export type RunEvent = z.infer<typeof ZEventSchema>;

const ZStepResultSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("data"), data: ZJsonSchema }),
  z.object({ type: z.literal("error"), error: ZJsonSchema }),
]);
export type StepResult = z.infer<typeof ZStepResultSchema>;

const ZPendingOpSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sleep"), stepId: z.string(), until: z.iso.datetime() }),
  z.object({
    kind: z.literal("wait"),
    stepId: z.string(),
    event: z.string(),
    if: z.string().nullable(),
    /** Only events from this moment on count, as in Inngest. */
    since: z.iso.datetime(),
    until: z.iso.datetime(),
  }),
]);
export type PendingOp = z.infer<typeof ZPendingOpSchema>;

export const ZRunStateSchema = z.object({
  functionId: z.string(),
  event: ZEventSchema,
  steps: z.record(z.string(), ZStepResultSchema),
  /** Hashed step ids in the order they finished (the SDK replays parallel steps by it). */
  stack: z.array(z.string()),
  /** The attempt the next invocation makes (0 first), reset when a step finishes. */
  attempt: z.number().int().min(0),
  /** Sleeps and event waits the run is suspended on. */
  pending: z.array(ZPendingOpSchema),
  /** Event names of pending waits, kept flat so a JSONB containment query finds the waiters. */
  waitingFor: z.array(z.string()),
  started: z.boolean(),
  debounce: z.object({ key: z.string(), firstAt: z.number() }).nullable(),
  singletonKey: z.string().nullable(),
  outcome: z.enum(["completed", "failed", "cancelled"]).nullable(),
  output: ZJsonSchema.nullable(),
  error: z.string().nullable(),
});
export type RunState = z.infer<typeof ZRunStateSchema>;

export function newRunState(functionId: string, event: RunEvent, extra: Partial<Pick<RunState, "debounce" | "singletonKey">> = {}): RunState {
  return {
    functionId,
    event,
    steps: {},
    stack: [],
    attempt: 0,
    pending: [],
    waitingFor: [],
    started: false,
    debounce: extra.debounce ?? null,
    singletonKey: extra.singletonKey ?? null,
    outcome: null,
    output: null,
    error: null,
  };
}

export function parseRunState(payload: unknown): RunState {
  return ZRunStateSchema.parse(payload);
}

/** Records a finished step (or a resolved sleep / wait) so replays skip it. */
export function memoize(state: RunState, stepId: string, result: StepResult): RunState {
  const pending = state.pending.filter((op) => op.stepId !== stepId);
  return {
    ...state,
    steps: { ...state.steps, [stepId]: result },
    stack: state.stack.includes(stepId) ? state.stack : [...state.stack, stepId],
    attempt: 0,
    pending,
    waitingFor: waitingForOf(pending),
  };
}

export function withPending(state: RunState, ops: PendingOp[]): RunState {
  const pending = [...state.pending.filter((op) => !ops.some((added) => added.stepId === op.stepId)), ...ops];
  return { ...state, pending, waitingFor: waitingForOf(pending) };
}

function waitingForOf(pending: PendingOp[]): string[] {
  return [...new Set(pending.flatMap((op) => (op.kind === "wait" ? [op.event] : [])))];
}

/** When the run must next be looked at: its earliest sleep end or wait timeout. */
export function nextWake(state: RunState): Date | null {
  const times = state.pending.map((op) => Date.parse(op.until));
  return times.length ? new Date(Math.min(...times)) : null;
}
