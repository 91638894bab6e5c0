import type { PrismaClient } from "@bazaar/db";
import type { FunctionSpec } from "./registry";
import { executeFunction, Op, type SdkOp, type SdkResult } from "./sdk";
import { memoize, nextWake, toJsonValue, withPending, type PendingOp, type RunState } from "./run-state";
import { parseDuration, retryAt, sleepEnd } from "./time";

// Runs one function the way Inngest's executor drives an SDK: hand the SDK the run's memoized
// step results, let it replay the handler up to the next step, and act on what it reports (a step
// that ran, a sleep or event wait to schedule, the end of the run). The SDK call itself, the one
// its own serve handler makes per request, lives in sdk.ts with every other use of its internals.

/** What happens to a run after steps ran (or none could). */
export type StepTransition =
  /** A step finished (its result is in `state`): invoke again. */
  | { kind: "continue"; state: RunState; ranStep: string }
  /** Nothing to do until `until`: a sleep, an event wait or a retry's backoff. */
  | { kind: "suspend"; state: RunState; until: Date; error: string | null }
  | { kind: "completed"; state: RunState }
  | { kind: "failed"; state: RunState };

export type Transition =
  | StepTransition
  /** Asked to plan only: the handler reached these steps, none has run (see `runPlanned`). */
  | { kind: "planned"; state: RunState; steps: SdkOp[] };

function execute(
  spec: FunctionSpec,
  state: RunState,
  runId: string,
  db: PrismaClient,
  request: { requestedRunStep?: string; planOnly?: boolean } = {},
): Promise<SdkResult> {
  const stepState = Object.fromEntries(
    Object.entries(state.steps).map(([id, result]) => [id, result.type === "data" ? { id, data: result.data } : { id, error: result.error }]),
  );
  return executeFunction(spec.fn, {
    runId,
    event: { ...state.event },
    attempt: state.attempt,
    maxAttempts: spec.maxAttempts,
    stepState,
    stepCompletionOrder: state.stack,
    ...request,
    context: { db },
  });
}

/**
 * Runs the handler once (plus any parallel steps it planned) and says what happens next. With
 * `planOnly` no step runs: a step the handler reaches comes back as "planned", so the caller can
 * save the run's state before that step's effects happen, then call `runPlanned`.
 */
export async function invokeOnce(
  spec: FunctionSpec,
  state: RunState,
  runId: string,
  db: PrismaClient,
  clock: Date,
  options: { planOnly?: boolean } = {},
): Promise<Transition> {
  const planOnly = options.planOnly === true;
  const result = await execute(spec, state, runId, db, { planOnly });
  switch (result.type) {
    case "function-resolved":
      return { kind: "completed", state: { ...state, outcome: "completed", output: toJsonValue(result.data) } };
    case "function-rejected":
      return retryOrFail(spec, state, errorText(result.error), result.retriable, clock);
    case "step-ran":
      return afterStep(spec, state, result.step, result.retriable, clock);
    case "steps-found":
      return afterStepsFound(spec, state, result.steps, runId, db, clock, planOnly);
    default:
      return fail(state, `The SDK answered "${result.type}", which the in-process runtime does not handle`);
  }
}

function afterStep(spec: FunctionSpec, state: RunState, op: SdkOp, retriable: boolean | string | undefined, clock: Date): StepTransition {
  switch (op.op) {
    case Op.run:
      return { kind: "continue", state: memoize(state, op.id, { type: "data", data: toJsonValue(op.data) }), ranStep: stepName(op) };
    case Op.failed:
      // Out of retries: the error is memoized and the handler sees it thrown from the step.
      return { kind: "continue", state: memoize(state, op.id, { type: "error", error: toJsonValue(op.error) }), ranStep: stepName(op) };
    case Op.error:
      return retryOrFail(spec, state, `step "${stepName(op)}": ${errorText(op.error)}`, retriable ?? true, clock);
    default:
      return fail(state, `Step "${stepName(op)}" reported "${op.op}", which the in-process runtime does not handle`);
  }
}

async function afterStepsFound(
  spec: FunctionSpec,
  state: RunState,
  steps: SdkOp[],
  runId: string,
  db: PrismaClient,
  clock: Date,
  planOnly: boolean,
): Promise<Transition> {
  const waits: PendingOp[] = [];
  const planned: SdkOp[] = [];
  for (const op of steps) {
    const already = state.pending.find((pending) => pending.stepId === op.id);
    if (op.op === Op.sleep) {
      waits.push(already ?? { kind: "sleep", stepId: op.id, until: sleepEnd(op.name ?? "", clock).toISOString() });
    } else if (op.op === Op.waitForEvent) {
      const timeout = typeof op.opts?.timeout === "string" ? parseDuration(op.opts.timeout) : 0;
      const condition = typeof op.opts?.if === "string" ? op.opts.if : null;
      waits.push(
        already ?? {
          kind: "wait",
          stepId: op.id,
          event: op.name ?? "",
          if: condition,
          since: clock.toISOString(),
          until: new Date(clock.getTime() + timeout).toISOString(),
        },
      );
    } else if (op.op === Op.planned) {
      planned.push(op);
    } else {
      return fail(state, `Step "${stepName(op)}" uses "${op.op}", which the in-process runtime does not support`);
    }
  }
  const next = withPending(state, waits);
  if (planned.length === 0) {
    const until = nextWake(next);
    return until ? { kind: "suspend", state: next, until, error: null } : fail(next, "The SDK found steps but none to run or wait for");
  }
  return planOnly ? { kind: "planned", state: next, steps: planned } : runPlanned(spec, next, planned, runId, db, clock);
}

/** Runs planned steps, each on its own request as Inngest schedules parallel steps. */
export async function runPlanned(spec: FunctionSpec, state: RunState, planned: SdkOp[], runId: string, db: PrismaClient, clock: Date): Promise<StepTransition> {
  let next = state;
  let retry: Transition | null = null;
  for (const op of planned) {
    const ran = await execute(spec, next, runId, db, { requestedRunStep: op.id });
    if (ran.type !== "step-ran") return fail(next, `Running step "${stepName(op)}" gave "${ran.type}"`);
    const transition = afterStep(spec, next, ran.step, ran.retriable, clock);
    if (transition.kind === "continue") next = transition.state;
    else if (transition.kind === "suspend") retry ??= transition;
    else return transition;
  }
  if (retry?.kind === "suspend") return { ...retry, state: { ...next, attempt: retry.state.attempt } };
  return { kind: "continue", state: next, ranStep: planned.map(stepName).join(", ") };
}

function retryOrFail(spec: FunctionSpec, state: RunState, error: string, retriable: boolean | string, clock: Date): StepTransition {
  if (retriable === false || state.attempt + 1 >= spec.maxAttempts) return fail(state, error);
  const until = retryAt(state.attempt, clock, typeof retriable === "string" ? retriable : undefined);
  return { kind: "suspend", state: { ...state, attempt: state.attempt + 1 }, until, error };
}

function fail(state: RunState, error: string): StepTransition {
  return { kind: "failed", state: { ...state, outcome: "failed", error } };
}

const stepName = (op: SdkOp) => op.displayName ?? op.name ?? op.id;

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === "object" && error !== null && "message" in error) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return `${typeof name === "string" ? name : "Error"}: ${String(message)}`;
  }
  return String(error);
}
