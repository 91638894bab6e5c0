import { Prisma, sqlOn, type PrismaClient, type SqlTx } from "@bazaar/db";
import { evaluateCondition, keyOf, parseCondition, readPath, type Comparison } from "./expression";
import type { FunctionSpec } from "./registry";
import { memoize, newRunState, parseRunState, RUN_PREFIX, runRowName, toJsonValue, type RunEvent, type RunState } from "./run-state";

// What Inngest does when it receives an event, done in the caller's transaction (the same one
// that marks the outbox row delivered, so an event is fanned out exactly once): cancel the runs
// it cancels, start (or debounce) the runs it triggers, and hand it to runs waiting for it.

interface RunRow {
  id: string;
  payload: unknown;
}

export async function dispatchEvent(tx: SqlTx, event: RunEvent, registry: ReadonlyMap<string, FunctionSpec>, clock: Date): Promise<void> {
  // Cancellation first: a run this very event starts is never cancelled by it.
  for (const spec of registry.values()) {
    for (const cancel of spec.cancelOn) {
      if (cancel.event === event.name) await cancelRuns(tx, spec, cancel, event, clock);
    }
  }
  for (const spec of triggeredBy(event, registry)) await startRun(tx, spec, event, clock);
  await resumeWaiters(tx, event, clock);
}

function triggeredBy(event: RunEvent, registry: ReadonlyMap<string, FunctionSpec>): FunctionSpec[] {
  return [...registry.values()].filter((spec) =>
    spec.events.some((trigger) => trigger.name === event.name && (!trigger.condition || evaluateCondition(trigger.condition, { event }))),
  );
}

const plainEventNames = new WeakMap<ReadonlyMap<string, FunctionSpec>, (name: string) => boolean>();

/**
 * Whether delivering events of this name only starts plain runs: no function cancels on it, and
 * none it triggers is debounced or a singleton (those decide against the runs already there).
 */
export function isPlainEvent(registry: ReadonlyMap<string, FunctionSpec>, name: string): boolean {
  let isPlain = plainEventNames.get(registry);
  if (!isPlain) {
    const decided = new Set<string>();
    for (const spec of registry.values()) {
      for (const cancel of spec.cancelOn) decided.add(cancel.event);
      if (spec.debounce || spec.singleton) for (const trigger of spec.events) decided.add(trigger.name);
    }
    isPlain = (eventName) => !decided.has(eventName);
    plainEventNames.set(registry, isPlain);
  }
  return isPlain(name);
}

/** The columns of an outbox row delivered (an event) or finished (a run), for the relay and deliverPlainEvents alike. */
export const deliveredColumns = (clock: Date) => Prisma.sql`status = 'SENT', "sentAt" = ${clock}, "lockedUntil" = NULL, "lastError" = NULL`;

/** A claimed event row: its lease is the relay's proof that it still owns the row. */
export interface ClaimedEvent {
  event: RunEvent;
  lockedUntil: Date;
}

/**
 * Delivers plain events (see isPlainEvent) in one statement: each is marked SENT and its runs are
 * added in the same statement, so an event is fanned out exactly once without a transaction around
 * it. An event some run waits for is left alone (dispatchEvent resumes waiters in a transaction),
 * as is one whose lease this relay lost. `claimed` is in the order the events were created.
 * Returns the ids delivered.
 */
export async function deliverPlainEvents(
  db: PrismaClient,
  claimed: ClaimedEvent[],
  registry: ReadonlyMap<string, FunctionSpec>,
  clock: Date,
): Promise<Set<string>> {
  // Runs are stamped a millisecond apart in the events' order: the relay runs them by creation time.
  const now = Date.now();
  const runs = claimed
    .flatMap(({ event }) => triggeredBy(event, registry).map((spec) => ({ spec, event })))
    .map(({ spec, event }, i) => ({ eventId: event.id, ...runRow(spec, newRunState(spec.id, event), clock, new Date(now + i)) }));
  // The waiters are resumeWaiters's (runs being executed right now are not waiting), looked up
  // once for the whole batch.
  const delivered = await sqlOn(db).$queryRaw<{ id: string }[]>`
    WITH waited AS MATERIALIZED (
      SELECT DISTINCT jsonb_array_elements_text(w.payload->'waitingFor') AS name FROM "OutboxEvent" w
       WHERE w.status = 'PENDING' AND w.name LIKE ${`${RUN_PREFIX}%`} AND w.payload->'waitingFor' <> '[]'::jsonb
         AND (w."lockedUntil" IS NULL OR w."lockedUntil" <= ${clock})
    ), due AS (
      SELECT * FROM unnest(${claimed.map(({ event }) => event.id)}::text[], ${claimed.map(({ event }) => event.name)}::text[],
                           ${claimed.map(({ lockedUntil }) => lockedUntil.toISOString())}::timestamp(3)[]) AS d(id, name, "lockedUntil")
       WHERE d.name NOT IN (SELECT name FROM waited)
    ), sent AS (
      UPDATE "OutboxEvent" AS o SET ${deliveredColumns(clock)}
        FROM due WHERE o.id = due.id AND o.status = 'PENDING' AND o."lockedUntil" = due."lockedUntil"
      RETURNING o.id
    ), started AS (
      INSERT INTO "OutboxEvent" (id, name, payload, "availableAt", "createdAt")
      SELECT r.id, r.name, r.payload, r."availableAt", r."createdAt"
        FROM jsonb_to_recordset(${JSON.stringify(runs)}::jsonb) AS r("eventId" text, id text, name text, payload jsonb, "availableAt" timestamp(3), "createdAt" timestamp(3))
        JOIN sent ON sent.id = r."eventId"
      ON CONFLICT (id) DO NOTHING
    )
    SELECT id FROM sent`;
  return new Set(delivered.map((row) => row.id));
}

async function startRun(tx: SqlTx, spec: FunctionSpec, event: RunEvent, clock: Date): Promise<void> {
  if (spec.debounce) {
    const key = keyOf(spec.debounce.keyPath ?? [], event);
    await lockKey(tx, `debounce:${spec.id}:${key}`);
    const [open] = await tx.$queryRaw<RunRow[]>`
      SELECT id, payload FROM "OutboxEvent"
      WHERE name = ${runRowName(spec.id)} AND status = 'PENDING'
        AND payload->'debounce'->>'key' = ${key} AND payload->>'started' = 'false'
        AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${clock})
      ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`;
    const { periodMs, timeoutMs } = spec.debounce;
    if (open) {
      const state = parseRunState(open.payload);
      // An older event delivered late neither replaces the newer one nor extends the wait.
      if (event.ts < state.event.ts) return;
      const firstAt = state.debounce?.firstAt ?? event.ts;
      const due = Math.min(event.ts + periodMs, timeoutMs === null ? Infinity : firstAt + timeoutMs);
      await tx.$executeRaw`
        UPDATE "OutboxEvent" SET payload = ${JSON.stringify({ ...state, event })}::jsonb, "availableAt" = ${new Date(due)}::timestamp(3) WHERE id = ${open.id}`;
      return;
    }
    await createRun(tx, spec, newRunState(spec.id, event, { debounce: { key, firstAt: event.ts } }), new Date(event.ts + periodMs));
    return;
  }
  if (spec.singleton) {
    const key = keyOf(spec.singleton.keyPath ?? [], event);
    await lockKey(tx, `singleton:${spec.id}:${key}`);
    const active = await tx.$queryRaw<RunRow[]>`
      SELECT id, payload FROM "OutboxEvent"
      WHERE name = ${runRowName(spec.id)} AND status = 'PENDING' AND payload->>'singletonKey' = ${key}
      FOR UPDATE`;
    if (spec.singleton.mode === "skip" && active.length > 0) return;
    for (const row of active) {
      const state = parseRunState(row.payload);
      if (state.event.ts <= event.ts) await finishCancelled(tx, row.id, state, event, clock);
      else return; // a newer event already owns the key
    }
    await createRun(tx, spec, newRunState(spec.id, event, { singletonKey: key }), clock);
    return;
  }
  await createRun(tx, spec, newRunState(spec.id, event), clock);
}

/** The run's id is derived from the event and function, so a replayed dispatch adds nothing. */
function runRow(spec: FunctionSpec, state: RunState, availableAt: Date, createdAt = new Date()) {
  return { id: `${state.event.id}:${spec.id}`, name: runRowName(spec.id), payload: toJson(state), availableAt, createdAt };
}

async function createRun(tx: SqlTx, spec: FunctionSpec, state: RunState, availableAt: Date): Promise<void> {
  const run = runRow(spec, state, availableAt);
  await tx.$executeRaw`
    INSERT INTO "OutboxEvent" (id, name, payload, "availableAt", "createdAt")
    VALUES (${run.id}, ${run.name}, ${JSON.stringify(run.payload)}::jsonb, ${run.availableAt}::timestamp(3), ${run.createdAt}::timestamp(3))
    ON CONFLICT (id) DO NOTHING`;
}

async function cancelRuns(tx: SqlTx, spec: FunctionSpec, cancel: FunctionSpec["cancelOn"][number], event: RunEvent, clock: Date): Promise<void> {
  const rows = await tx.$queryRaw<RunRow[]>`
    SELECT id, payload FROM "OutboxEvent"
    WHERE name = ${runRowName(spec.id)} AND status = 'PENDING' ${narrowByTriggerEvent(cancel.condition, event)}
    FOR UPDATE`;
  for (const row of rows) {
    const state = parseRunState(row.payload);
    // Inngest cancels runs started before the cancelling event, within the timeout if one is set.
    if (state.event.id === event.id || state.event.ts > event.ts) continue;
    if (cancel.timeoutMs !== null && event.ts > state.event.ts + cancel.timeoutMs) continue;
    if (cancel.condition && !evaluateCondition(cancel.condition, { event: state.event, async: event })) continue;
    await finishCancelled(tx, row.id, state, event, clock);
  }
}

async function finishCancelled(tx: SqlTx, id: string, state: RunState, by: RunEvent, clock: Date): Promise<void> {
  const cancelled = { ...state, outcome: "cancelled", error: `cancelled by ${by.name} (${by.id})` };
  await tx.$executeRaw`
    UPDATE "OutboxEvent" SET status = 'SENT', "sentAt" = ${clock}::timestamp(3), "lockedUntil" = NULL, payload = ${JSON.stringify(cancelled)}::jsonb
     WHERE id = ${id}`;
}

async function resumeWaiters(tx: SqlTx, event: RunEvent, clock: Date): Promise<void> {
  // A run being executed right now (leased) misses the event, as a run at its wait's timeout would.
  const rows = await tx.$queryRaw<RunRow[]>`
    SELECT id, payload FROM "OutboxEvent"
    WHERE name LIKE ${`${RUN_PREFIX}%`} AND status = 'PENDING'
      AND payload->'waitingFor' @> ${JSON.stringify([event.name])}::jsonb
      AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${clock})
    FOR UPDATE`;
  for (const row of rows) {
    const waiting = parseRunState(row.payload);
    let state = waiting;
    for (const op of waiting.pending) {
      if (op.kind !== "wait" || op.event !== event.name || event.ts < Date.parse(op.since)) continue;
      if (op.if && !evaluateCondition(parseCondition(op.if), { event: waiting.event, async: event })) continue;
      state = memoize(state, op.stepId, { type: "data", data: toJsonValue(event) });
    }
    if (state !== waiting) {
      await tx.$executeRaw`UPDATE "OutboxEvent" SET payload = ${JSON.stringify(state)}::jsonb, "availableAt" = ${clock}::timestamp(3) WHERE id = ${row.id}`;
    }
  }
}

/**
 * SQL filters from `event.x == async.x` / `event.x == literal` comparisons, so cancelling looks
 * only at runs whose trigger matches instead of every pending run of the function. The full
 * condition is still evaluated on each row found.
 */
function narrowByTriggerEvent(condition: Comparison[] | null, incoming: RunEvent): Prisma.Sql {
  const filters: Prisma.Sql[] = [];
  for (const { left, op, right } of condition ?? []) {
    if (op !== "==") continue;
    for (const [own, other] of [
      [left, right],
      [right, left],
    ] as const) {
      if (own.kind !== "path" || own.root !== "event") continue;
      const value = other.kind === "literal" ? other.value : other.root === "async" ? readPath(incoming, other.path) : undefined;
      if (typeof value === "string" || typeof value === "number") {
        filters.push(Prisma.sql`AND payload #>> ${["event", ...own.path]}::text[] = ${String(value)}`);
      }
    }
  }
  return filters.length ? Prisma.join(filters, " ") : Prisma.empty;
}

async function lockKey(tx: SqlTx, key: string): Promise<void> {
  // Serialises concurrent deliveries deciding about one debounce / singleton key.
  await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))) AS l`;
}

function toJson(value: RunState | RunEvent): Prisma.InputJsonValue {
  return value as unknown as Prisma.InputJsonValue;
}
