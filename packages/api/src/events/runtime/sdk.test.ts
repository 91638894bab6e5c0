// Guards sdk.ts: the in-process runtime's only contact with the Inngest SDK's internals. When one
// of these fails after an upgrade, read sdk.ts against the new SDK before anything else.
import { Inngest, version as installed } from "inngest";
import { describe, expect, it } from "vitest";
import { executeFunction, INNGEST_VERSION_READ, Op, type SdkResult } from "./sdk";

const client = new Inngest({ id: "sdk-guard" });
const request = { runId: "run-1", event: { name: "test/sdk", data: {} }, attempt: 0, maxAttempts: 1, stepState: {}, stepCompletionOrder: [], context: {} };

describe("events/runtime/sdk.ts against the installed inngest", () => {
  it("was checked against this SDK version", () => {
    expect(
      installed,
      `inngest is now ${installed}; events/runtime/sdk.ts was written against ${INNGEST_VERSION_READ}: re-read it, then update INNGEST_VERSION_READ`,
    ).toBe(INNGEST_VERSION_READ);
  });

  it("runs a step, then resolves with the memoized result", async () => {
    const fn = client.createFunction({ id: "one-step", triggers: [{ event: "test/sdk" }] }, async ({ step }) => {
      const value = await step.run("double", () => 21 * 2);
      return { value };
    });
    const first: SdkResult = await executeFunction(fn, request);
    expect(first, "events/runtime/sdk.ts: the SDK no longer reports a finished step as step-ran/StepRun").toMatchObject({
      type: "step-ran",
      step: { op: Op.run, data: 42 },
    });
    if (first.type !== "step-ran") return;
    const second = await executeFunction(fn, {
      ...request,
      stepState: { [first.step.id]: { id: first.step.id, data: 42 } },
      stepCompletionOrder: [first.step.id],
    });
    expect(second, "events/runtime/sdk.ts: memoized step state is no longer honoured").toEqual(
      expect.objectContaining({ type: "function-resolved", data: { value: 42 } }),
    );
  });

  it("plans a step without running it when asked to, then runs it on request", async () => {
    let ran = 0;
    const fn = client.createFunction({ id: "plan-only", triggers: [{ event: "test/sdk" }] }, async ({ step }) => step.run("count", () => ++ran));
    const planned = await executeFunction(fn, { ...request, planOnly: true });
    expect(planned, "events/runtime/sdk.ts: disableImmediateExecution no longer reports the step as planned").toMatchObject({
      type: "steps-found",
      steps: [{ op: Op.planned }],
    });
    expect(ran).toBe(0);
    if (planned.type !== "steps-found") return;
    expect(await executeFunction(fn, { ...request, requestedRunStep: planned.steps[0]!.id })).toMatchObject({
      type: "step-ran",
      step: { op: Op.run, data: 1 },
    });
  });

  it("reports a sleep and an event wait as found steps with their options", async () => {
    const fn = client.createFunction({ id: "waits", triggers: [{ event: "test/sdk" }] }, async ({ step }) => {
      await Promise.all([step.sleep("nap", "1m"), step.waitForEvent("paid", { event: "test/paid", timeout: "1h", if: "async.data.id == 'x'" })]);
    });
    const result = await executeFunction(fn, request);
    expect(result.type, "events/runtime/sdk.ts: sleeps and waits are no longer reported as steps-found").toBe("steps-found");
    if (result.type !== "steps-found") return;
    expect(result.steps.map((step) => step.op).sort()).toEqual([Op.sleep, Op.waitForEvent].sort());
    expect(result.steps.find((step) => step.op === Op.waitForEvent)).toMatchObject({ name: "test/paid", opts: { timeout: "1h", if: "async.data.id == 'x'" } });
    expect(result.steps.find((step) => step.op === Op.sleep)).toMatchObject({ name: "1m" });
  });

  it("passes the runtime's context to the handler", async () => {
    const fn = client.createFunction({ id: "context", triggers: [{ event: "test/sdk" }] }, async (ctx) => (ctx as unknown as { db: string }).db);
    expect(await executeFunction(fn, { ...request, context: { db: "the database" } })).toEqual(
      expect.objectContaining({ type: "function-resolved", data: "the database" }),
    );
  });
});
