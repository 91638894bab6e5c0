import { randomUUID } from "node:crypto";
import { Prisma, type SqlTx } from "@bazaar/db";
import { expireStorefrontOnCommit, storefrontChangeOf } from "../domain/catalog/cache-tags";
import { eventSchemas, type EventName, type EventPayload } from "./catalog";

/**
 * Records a domain event in the outbox inside the caller's transaction: the event exists
 * exactly when the change it describes was committed. The relay delivers it afterwards.
 * An event that alters public pages also expires them as soon as the transaction commits
 * (the storefront's cached pages must not wait for the relay).
 */
export async function publish<N extends EventName>(tx: SqlTx, name: N, payload: EventPayload<N>, options: { delayMs?: number } = {}): Promise<{ id: string }> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`${insertOutboxSql([outboxRow(tx, name, payload, options)])} RETURNING "id"`;
  return row!;
}

/** One event with its payload, for publishAll. */
export type DomainEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];

/**
 * Several events of one change in one outbox INSERT (as publish, each). They are stamped a
 * millisecond apart: the relay delivers by creation time, so they go out in the order given.
 */
export async function publishAll(tx: SqlTx, events: DomainEvent[]): Promise<void> {
  await tx.$executeRaw(publishAllSql(tx, events));
}

/**
 * publishAll as SQL for a larger statement of the same transaction `tx` (a data-modifying CTE or
 * its final INSERT), so a change and its events are one round trip: the same rows, checks and
 * commit hooks as publishAll.
 */
export function publishAllSql(tx: SqlTx, events: DomainEvent[]): Prisma.Sql {
  return insertOutboxSql(events.map((event) => outboxRow(tx, event.name, event.payload)));
}

/**
 * The outbox rows in one INSERT, written out: publishing is on every order's and payment's path,
 * and a Prisma model query is compiled on every call. Row i is created i ms after the first.
 */
function insertOutboxSql(rows: { name: string; payload: unknown; availableAt?: Date }[]): Prisma.Sql {
  const now = Date.now();
  const values = rows.map((row, i) => Prisma.sql`(${outboxValues(row.name, row.payload, row.availableAt ?? new Date(now), new Date(now + i))})`);
  return Prisma.sql`INSERT INTO "OutboxEvent" ${OUTBOX_COLUMNS} VALUES ${Prisma.join(values)}`;
}

/** The outbox columns a new row is written with, and its values in that order. */
const OUTBOX_COLUMNS = Prisma.sql`("id", "name", "payload", "availableAt", "createdAt")`;
const outboxValues = (name: string, payload: unknown, availableAt: Date, createdAt: Date) =>
  Prisma.sql`${randomUUID()}, ${name}, ${JSON.stringify(payload)}::jsonb, ${availableAt}::timestamp(3), ${createdAt}::timestamp(3)`;

function outboxRow<N extends EventName>(tx: SqlTx, name: N, payload: EventPayload<N>, options: { delayMs?: number } = {}) {
  const data = eventSchemas[name].parse(payload) as EventPayload<N>;
  const change = storefrontChangeOf(name, data);
  if (change) expireStorefrontOnCommit(tx, change);
  return {
    name,
    payload: data,
    availableAt: options.delayMs ? new Date(Date.now() + options.delayMs) : undefined,
  };
}
