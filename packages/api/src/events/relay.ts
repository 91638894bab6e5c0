import type { Inngest, InngestFunction } from "inngest";
import { Prisma, sqlOn, type PrismaClient } from "@bazaar/db";
import { inSqlTransaction } from "../domain/transaction";
import { observeDelivery, type DeliveryOutcome } from "../observability/deliveries";
import { functions as registeredFunctions } from "./functions";
import { deliveredColumns, deliverPlainEvents, dispatchEvent, isPlainEvent } from "./runtime/dispatch";
import { invokeOnce, runPlanned } from "./runtime/executor";
import { buildRegistry, type FunctionSpec } from "./runtime/registry";
import { isRunRow, memoize, parseRunState, type RunEvent, type RunState } from "./runtime/run-state";
import { retryAt } from "./runtime/time";

// The outbox relay. Each round claims a batch of due rows (FOR UPDATE SKIP LOCKED, then a lease in
// `lockedUntil`, so any number of relays share the table and a crashed one's rows come back when
// its lease ends) and processes them:
//   - a domain event goes to Inngest (`inngest.send` with the row id as the idempotency id) when
//     Inngest is configured, or is fanned out to the functions right here (in the transaction that
//     marks it delivered) when it is not;
//     (events that only start runs, most of them, are delivered together in one statement);
//   - a function run (see runtime/run-state.ts) is executed step by step, each step's result
//     saved before the next step runs, until it sleeps, waits, finishes or backs off to retry
//     (a run's last step is saved with its outcome, in one write; the runs a batch finishes are
//     saved together, in one statement, before the next event or at the batch's end).
// Every write after the claim checks the lease, so work a relay lost its lease on is not saved twice.
// The relay's own rows are read and written with plain SQL: they are most of what it sends.

/** Delivery attempts of one outbox row before it is marked FAILED (about 3.5 hours of backoff). */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** Steps one claim may run before the run goes back in the queue, so long runs share the relay. */
const MAX_STEPS_PER_CLAIM = 50;

export interface RelayFaults {
  /** After events were handed to Inngest, before they are marked sent. */
  afterSend?(eventIds: string[]): void | Promise<void>;
  /** After a step of an in-process run finished, before its result is saved. */
  afterStep?(run: { runId: string; functionId: string; step: string }): void | Promise<void>;
  /** After an in-process run's function returned, before the finished run is saved. */
  afterRun?(run: { runId: string; functionId: string }): void | Promise<void>;
}

export interface RelayOptions {
  /** The clock. Tests pass a fixed time to make sleeps, debounce windows and backoff come due. */
  now?: Date;
  /** Functions to run in-process (default: every registered function). */
  functions?: readonly InngestFunction.Any[];
  /** Deliver domain events to this Inngest client instead of running functions here. */
  inngest?: Inngest.Any;
  /** Rows claimed per round. */
  batchSize?: number;
  /** How long a claim is exclusive; a relay that dies releases its rows when this ends. */
  leaseMs?: number;
  /**
   * Fault injection for tests: a hook that throws stops the relay at that point as if the
   * process died there (the error propagates; nothing after it is written).
   */
  faults?: RelayFaults;
  logger?: Pick<Console, "warn" | "error">;
}

/** A fault hook's error, passed through untouched: it stands for the process dying. */
export class RelayCrash extends Error {
  constructor(cause: unknown) {
    super(`relay stopped by an injected fault: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

interface ClaimedRow {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
  /** Write order: breaks ties between events written in the same millisecond. */
  seq: bigint;
  lockedUntil: Date;
}

const registries = new WeakMap<readonly InngestFunction.Any[], Map<string, FunctionSpec>>();
function registryFor(functions: readonly InngestFunction.Any[]): Map<string, FunctionSpec> {
  let registry = registries.get(functions);
  if (!registry) registries.set(functions, (registry = buildRegistry(functions)));
  return registry;
}

/** Claims one batch of due rows and processes it; returns how many rows it claimed. */
export async function relayBatch(db: PrismaClient, options: RelayOptions = {}): Promise<number> {
  const clock = () => options.now ?? new Date();
  const leaseMs = options.leaseMs ?? 60_000;
  const logger = options.logger ?? console;
  const registry = registryFor(options.functions ?? registeredFunctions);

  const now = clock();
  // The relay's own statements run prepared on the pool (sqlOn): Prisma's raw queries cost ~3x the CPU.
  const rows = await sqlOn(db).$queryRaw<ClaimedRow[]>`
    UPDATE "OutboxEvent" AS o SET "lockedUntil" = ${new Date(now.getTime() + leaseMs)}
    FROM (
      SELECT id FROM "OutboxEvent"
      WHERE status = 'PENDING' AND "availableAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      ORDER BY "availableAt", "createdAt", seq
      LIMIT ${options.batchSize ?? 20}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE o.id = due.id
    RETURNING o.id, o.name, o.payload, o.attempts, o."createdAt", o.seq, o."lockedUntil"`;
  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));

  const context: RowContext = { db, registry, clock, leaseMs, logger, faults: options.faults ?? {}, finished: [] };
  const events = rows.filter((row) => !isRunRow(row.name));
  if (options.inngest && events.length > 0) await sendToInngest(context, options.inngest, events);
  // In-process, the events that only start runs go out together; the rest one by one, in order.
  const done = options.inngest
    ? new Set(events.map((row) => row.id))
    : await deliverPlain(
        context,
        events.filter((row) => isPlainEvent(registry, row.name)),
      );
  for (const row of rows) {
    if (done.has(row.id)) continue;
    // A batch of slow runs (a payout's transfer) must not outlast a finished run's lease before its save.
    const oldest = context.finished[0];
    if (oldest && oldest.lease.getTime() - clock().getTime() < leaseMs / 2) await saveFinishedRuns(context);
    const start = performance.now();
    let outcome: DeliveryOutcome | "finished" = "dispatched";
    try {
      if (isRunRow(row.name)) outcome = await processRun(context, row, start);
      else {
        // An event may cancel or resume runs: the runs finished before it are saved first, as they happened.
        await saveFinishedRuns(context);
        await dispatchHere(context, row);
      }
    } catch (error) {
      if (error instanceof RelayCrash) throw error;
      outcome = (await recordFailure(context, row, error)) ? "failed" : "retry";
    }
    // A finished run is observed when it is saved.
    if (outcome !== "finished") observeDelivery(row, outcome, performance.now() - start);
  }
  await saveFinishedRuns(context);
  return rows.length;
}

/** A run that finished in this batch, saved with the others at the end of it (saveFinishedRuns). */
interface FinishedRun {
  row: ClaimedRow;
  state: RunState;
  /** The lease the save must still find (the hold's last renewal). */
  lease: Date;
  started: number;
}

/**
 * Saves the runs this batch finished in one statement (two per paid order: its split and its
 * messages), each only where its lease is still this relay's; a run whose lease was lost was
 * taken over and is "lost" here, as a single save would be. Dying before this statement is dying
 * before a run's save: the run's lease ends and another relay runs it again (functions are
 * idempotent, as Inngest's retries need them to be).
 */
async function saveFinishedRuns(context: RowContext): Promise<void> {
  const finished = context.finished.splice(0);
  if (finished.length === 0) return;
  const clock = context.clock();
  const values = finished.map((run) => Prisma.sql`(${run.row.id}, ${JSON.stringify(run.state)}, ${run.lease}::timestamp(3))`);
  const saved = await sqlOn(context.db).$queryRaw<{ id: string }[]>`
    UPDATE "OutboxEvent" AS o SET payload = f."state"::jsonb, ${deliveredColumns(clock)}
      FROM (VALUES ${Prisma.join(values)}) AS f("id", "state", "lease")
     WHERE o.id = f."id" AND o.status = 'PENDING' AND o."lockedUntil" = f."lease"
    RETURNING o.id`;
  const savedIds = new Set(saved.map((row) => row.id));
  const now = performance.now();
  for (const run of finished) observeDelivery(run.row, savedIds.has(run.row.id) ? "completed" : "lost", now - run.started);
}

interface RowContext {
  db: PrismaClient;
  registry: Map<string, FunctionSpec>;
  clock: () => Date;
  leaseMs: number;
  logger: Pick<Console, "warn" | "error">;
  faults: RelayFaults;
  /** Runs finished and not yet saved (saveFinishedRuns). */
  finished: FinishedRun[];
}

const toRunEvent = (row: ClaimedRow): RunEvent => ({
  id: row.id,
  name: row.name,
  data: (row.payload ?? {}) as Record<string, unknown>,
  ts: row.createdAt.getTime(),
});

async function injectFault(hook: () => void | Promise<void>): Promise<void> {
  try {
    await hook();
  } catch (error) {
    throw new RelayCrash(error);
  }
}

async function sendToInngest(context: RowContext, inngest: Inngest.Any, rows: ClaimedRow[]): Promise<void> {
  try {
    // The row id is Inngest's idempotency id: a resend after a crash is dropped there.
    await inngest.send(rows.map((row) => toRunEvent(row)));
  } catch (error) {
    for (const row of rows) await recordFailure(context, row, error);
    return;
  }
  await injectFault(() => context.faults.afterSend?.(rows.map((row) => row.id)));
  const lease = rows[0]?.lockedUntil ?? null;
  await sqlOn(context.db).$executeRaw`
    UPDATE "OutboxEvent" SET ${deliveredColumns(context.clock())}
     WHERE id = ANY(${rows.map((row) => row.id)}::text[]) AND status = 'PENDING' AND "lockedUntil" = ${lease}`;
}

/**
 * Events that only start runs, delivered in one statement. Returns the rows it delivered; the
 * others (a run waits for the event, the lease was lost, the statement failed) go through
 * dispatchHere one by one.
 */
async function deliverPlain(context: RowContext, rows: ClaimedRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const start = performance.now();
  let sent: Set<string>;
  try {
    sent = await deliverPlainEvents(
      context.db,
      rows.map((row) => ({ event: toRunEvent(row), lockedUntil: row.lockedUntil })),
      context.registry,
      context.clock(),
    );
  } catch (error) {
    context.logger.warn(`[relay] delivering ${rows.length} events together failed, one by one now: ${error instanceof Error ? error.message : String(error)}`);
    return new Set();
  }
  const each = (performance.now() - start) / Math.max(1, sent.size);
  for (const row of rows) if (sent.has(row.id)) observeDelivery(row, "dispatched", each);
  return sent;
}

/** Fans a domain event out to the functions in-process, atomically with marking it delivered. */
async function dispatchHere(context: RowContext, row: ClaimedRow): Promise<void> {
  await inSqlTransaction(context.db, async (tx) => {
    const clock = context.clock();
    const count = await tx.$executeRaw`
      UPDATE "OutboxEvent" SET ${deliveredColumns(clock)} WHERE id = ${row.id} AND status = 'PENDING' AND "lockedUntil" = ${row.lockedUntil}`;
    if (count === 1) await dispatchEvent(tx, toRunEvent(row), context.registry, clock);
  });
}

/**
 * This relay's hold on a run row. Every save checks the lease is still ours (a lost lease or a
 * cancellation ends the work), and a heartbeat renews it while a slow step runs, so no other
 * relay takes the run over and repeats the step meanwhile.
 */
function leaseRun(context: RowContext, row: ClaimedRow) {
  const { db, clock, leaseMs } = context;
  let lease: Date | null = row.lockedUntil;
  // Saves and renewals take turns: each needs the lease the previous one left.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = turn.then(work);
    turn = result.catch(() => undefined);
    return result;
  };
  const renew = () =>
    inTurn(async () => {
      if (!lease) return;
      const next = new Date(clock().getTime() + leaseMs);
      const count = await sqlOn(db).$executeRaw`
        UPDATE "OutboxEvent" SET "lockedUntil" = ${next} WHERE id = ${row.id} AND status = 'PENDING' AND "lockedUntil" = ${lease}`;
      if (count === 1) lease = next;
    });
  const heartbeat = setInterval(() => void renew().catch(() => undefined), Math.max(1000, leaseMs / 3));
  heartbeat.unref();
  return {
    save: (state: RunState, update: RunUpdate, keepLease: boolean): Promise<boolean> =>
      inTurn(async () => {
        if (!lease) return false;
        const next = keepLease ? new Date(clock().getTime() + leaseMs) : null;
        const count = await sqlOn(db).$executeRaw`
          UPDATE "OutboxEvent" SET payload = ${JSON.stringify(state)}::jsonb, ${runColumns(update, clock(), next)}
           WHERE id = ${row.id} AND status = 'PENDING' AND "lockedUntil" = ${lease}`;
        lease = count === 1 ? next : null;
        return count === 1;
      }),
    /** The lease once every save and renewal in flight is done (null when it was lost). */
    settled: (): Promise<Date | null> => inTurn(async () => lease),
    release: () => clearInterval(heartbeat),
  };
}

/** How a save leaves the run row: still due (now or at `availableAt`), finished or failed. */
type RunUpdate = { status: "PENDING"; availableAt?: Date; lastError: string | null } | { status: "SENT" } | { status: "FAILED"; lastError: string };

function runColumns(update: RunUpdate, clock: Date, lockedUntil: Date | null): Prisma.Sql {
  switch (update.status) {
    case "SENT":
      return deliveredColumns(clock);
    case "FAILED":
      return Prisma.sql`status = 'FAILED', "lastError" = ${update.lastError}, "lockedUntil" = NULL`;
    case "PENDING":
      return update.availableAt
        ? Prisma.sql`"availableAt" = ${update.availableAt}, "lastError" = ${update.lastError}, "lockedUntil" = ${lockedUntil}`
        : Prisma.sql`"lastError" = ${update.lastError}, "lockedUntil" = ${lockedUntil}`;
  }
}

async function processRun(context: RowContext, row: ClaimedRow, started: number): Promise<DeliveryOutcome | "finished"> {
  const hold = leaseRun(context, row);
  try {
    const outcome = await runSteps(context, row, hold.save);
    if (typeof outcome !== "object") return outcome;
    // Finished: saved with the batch's other finished runs, under the lease this hold kept.
    const lease = await hold.settled();
    if (!lease) return "lost";
    context.finished.push({ row, state: outcome.finished, lease, started });
    return "finished";
  } finally {
    hold.release();
  }
}

async function runSteps(context: RowContext, row: ClaimedRow, save: ReturnType<typeof leaseRun>["save"]): Promise<DeliveryOutcome | { finished: RunState }> {
  const { db, clock } = context;
  let state = parseRunState(row.payload);
  const spec = context.registry.get(state.functionId);
  if (!spec) {
    const error = `No function "${state.functionId}" is registered any more`;
    context.logger.error(`[relay] run ${row.id}: ${error}`);
    await save({ ...state, outcome: "failed", error }, { status: "FAILED", lastError: error }, false);
    return "failed";
  }
  // Sleeps that are over wake up; event waits that timed out resolve to null, as in Inngest.
  for (const op of state.pending) {
    if (Date.parse(op.until) <= clock().getTime()) state = memoize(state, op.stepId, { type: "data", data: null });
  }
  state = { ...state, started: true };

  // After a step, the handler is replayed without running anything: only if it reaches another
  // step is the state saved first (so a restarted relay never redoes a finished step); a run that
  // then finishes, sleeps, waits or backs off saves its last step with that, in one write.
  let unsaved = false;
  for (let steps = 0; steps < MAX_STEPS_PER_CLAIM; steps++) {
    let transition = await invokeOnce(spec, state, row.id, db, clock(), { planOnly: unsaved });
    if (transition.kind === "planned") {
      if (!(await save(transition.state, { status: "PENDING", lastError: null }, true))) return "lost";
      transition = await runPlanned(spec, transition.state, transition.steps, row.id, db, clock());
    }
    state = transition.state;
    switch (transition.kind) {
      case "continue":
        await injectFault(() => context.faults.afterStep?.({ runId: row.id, functionId: spec.id, step: transition.ranStep }));
        unsaved = true;
        continue;
      case "suspend":
        if (!(await save(state, { status: "PENDING", availableAt: transition.until, lastError: transition.error }, false))) return "lost";
        return transition.error ? "retry" : "suspended";
      case "completed":
        await injectFault(() => context.faults.afterRun?.({ runId: row.id, functionId: spec.id }));
        return { finished: state };
      case "failed":
        context.logger.error(`[relay] function ${spec.id} failed (run ${row.id}): ${state.error}`);
        await save(state, { status: "FAILED", lastError: state.error ?? "failed" }, false);
        return "failed";
    }
  }
  await save(state, { status: "PENDING", availableAt: clock(), lastError: null }, false);
  return "continued";
}

/** A row that could not be processed (the database, Inngest unreachable, a bug) backs off and retries. */
async function recordFailure(context: RowContext, row: ClaimedRow, error: unknown): Promise<boolean> {
  const attempts = row.attempts + 1;
  const message = error instanceof Error ? error.message : String(error);
  const failed = attempts >= MAX_DELIVERY_ATTEMPTS;
  context.logger[failed ? "error" : "warn"](`[relay] ${row.name} ${row.id} attempt ${attempts} failed: ${message}`);
  await sqlOn(context.db).$executeRaw`
    UPDATE "OutboxEvent"
       SET attempts = ${attempts}, "lastError" = ${message.slice(0, 2000)}, status = ${failed ? "FAILED" : "PENDING"}::"OutboxStatus",
           "availableAt" = ${retryAt(attempts - 1, context.clock())}, "lockedUntil" = NULL
     WHERE id = ${row.id} AND status = 'PENDING' AND "lockedUntil" = ${row.lockedUntil}`;
  return failed;
}
