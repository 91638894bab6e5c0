// Every place where the in-process runtime leans on the Inngest SDK's internals, in one file.
// The runner drives a function the way Inngest's own serve handler does (InngestCommHandler.runStep
// -> fn.createExecution), which the SDK does not export as public API. When the pinned `inngest`
// version changes, sdk.test.ts fails naming this file: re-read what is below against the new SDK
// (node_modules/inngest/components/InngestFunction.d.ts, components/execution/InngestExecution.d.ts,
// types.d.ts), adjust, then update INNGEST_VERSION_READ.
import type { Inngest, InngestFunction } from "inngest";
import { StepMode, StepOpCode } from "inngest/types";

/** The SDK version this file was checked against. */
export const INNGEST_VERSION_READ = "4.24.0";

/** The op codes the runtime acts on (the SDK's StepOpCode values). */
export const Op = {
  run: StepOpCode.StepRun,
  failed: StepOpCode.StepFailed,
  error: StepOpCode.StepError,
  planned: StepOpCode.StepPlanned,
  sleep: StepOpCode.Sleep,
  waitForEvent: StepOpCode.WaitForEvent,
} as const;

/** One op as the SDK reports it (OutgoingOp, loosened to what the runtime reads). */
export interface SdkOp {
  id: string;
  op: StepOpCode;
  name?: string;
  displayName?: string;
  opts?: Record<string, unknown>;
  data?: unknown;
  error?: unknown;
}

/** What one execution reports (the SDK's ExecutionResult). */
export type SdkResult =
  | { type: "function-resolved"; data: unknown }
  | { type: "function-rejected"; error: unknown; retriable: boolean | string }
  | { type: "step-ran"; step: SdkOp; retriable?: boolean | string }
  | { type: "steps-found"; steps: SdkOp[] }
  | { type: "step-not-found"; step: SdkOp }
  | { type: "change-mode" };

/** The SDK's execution entry point: protected in its types; the serve handler and @inngest/test call it. */
interface ExecutableFunction {
  client: Inngest.Any;
  createExecution(options: { partialOptions: Record<string, unknown> }): { start(): Promise<SdkResult> };
}

export interface ExecutionRequest {
  runId: string;
  event: Record<string, unknown>;
  attempt: number;
  maxAttempts: number;
  /** Memoized step results by hashed step id. */
  stepState: Record<string, { id: string; data?: unknown; error?: unknown }>;
  stepCompletionOrder: string[];
  /** Run only this planned step (parallel steps), as Inngest asks with a request per step. */
  requestedRunStep?: string;
  /**
   * Report the next step as planned instead of running it (the SDK's disableImmediateExecution),
   * so the runtime can save what the run has done before the step's effects happen.
   */
  planOnly?: boolean;
  /** Merged into the handler's context (our functions receive `db` this way). */
  context: Record<string, unknown>;
}

/** Replays the handler over the memoized steps up to the next step, as one request from Inngest would. */
export function executeFunction(fn: InngestFunction.Any, request: ExecutionRequest): Promise<SdkResult> {
  const executable = fn as unknown as ExecutableFunction;
  const { event } = request;
  return executable
    .createExecution({
      partialOptions: {
        client: executable.client,
        runId: request.runId,
        stepMode: StepMode.Async,
        data: { event, events: [event], runId: request.runId, attempt: request.attempt, maxAttempts: request.maxAttempts },
        stepState: request.stepState,
        stepCompletionOrder: request.stepCompletionOrder,
        requestedRunStep: request.requestedRunStep,
        disableImmediateExecution: request.requestedRunStep !== undefined || request.planOnly === true,
        reqArgs: [],
        headers: {},
        transformCtx: (ctx: Record<string, unknown>) => ({ ...ctx, ...request.context }),
      },
    })
    .start();
}
