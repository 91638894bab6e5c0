// Moves what the domain just wrote into the past, so that the demo's order history is made by the
// real procedures (checkout, the webhook, the split, shipping, refunds, payouts) at today's clock
// and then lands on the day it is meant to have happened.
import type { PrismaClient } from "@bazaar/db";

/**
 * Tables whose times are not part of the story (sessions, monitoring, migrations). The throttles'
 * windows (RateLimit) do move: ninety days of a buyer's checkouts are not one burst.
 */
const UNTOUCHED = new Set(["_prisma_migrations", "Session", "VerificationToken", "MetricSample", "SystemAlert"]);

/** Every timestamp column of every table, read from the catalogue so new tables are moved too. */
async function timestampColumns(db: PrismaClient): Promise<Map<string, string[]>> {
  const rows = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name::text AS table, column_name::text AS column FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type = 'timestamp without time zone'
     ORDER BY table_name, ordinal_position`;
  const tables = new Map<string, string[]>();
  for (const { table, column } of rows) {
    if (UNTOUCHED.has(table)) continue;
    tables.set(table, [...(tables.get(table) ?? []), column]);
  }
  return tables;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** Prisma keeps UTC wall time in `timestamp(3)` columns. */
const literal = (at: Date) => `'${at.toISOString().replace("Z", "")}'::timestamp`;

/** Returns once the clock has moved on by at least two milliseconds (columns keep milliseconds). */
function nextMillisecond(): Date {
  const start = Date.now();
  while (Date.now() < start + 2) {
    // Spin: at most 2 ms, once per step, so that no two steps share a stored millisecond.
  }
  return new Date(Date.now());
}

export interface TimeMachine {
  /**
   * Runs `work` now, then moves every time it wrote (at or after its start, including deadlines
   * it set in the future, such as a reservation's expiry or a delayed event) by the same amount,
   * so that its start lands on `at`. Earlier steps' times, already in the past, are not touched.
   */
  at<T>(at: Date, work: () => Promise<T>): Promise<T>;
}

/**
 * Steps must run one after another, in the order of their `at`, each before the next starts.
 * The ledger is append-only (a trigger refuses updates), so the move runs with triggers off for
 * its own transaction (`session_replication_role`, which needs a superuser, as the embedded and
 * the local database are): only timestamps change, never an amount, an account or a key.
 */
export async function createTimeMachine(db: PrismaClient): Promise<TimeMachine> {
  const tables = await timestampColumns(db);
  return {
    async at(at, work) {
      const start = nextMillisecond();
      const result = await work();
      nextMillisecond();
      const shift = `interval '${at.getTime() - start.getTime()} milliseconds'`;
      const since = literal(start);
      const updates = [...tables].map(([table, columns]) => {
        const sets = columns.map((c) => `${ident(c)} = CASE WHEN ${ident(c)} >= ${since} THEN ${ident(c)} + ${shift} ELSE ${ident(c)} END`);
        const where = columns.map((c) => `${ident(c)} >= ${since}`).join(" OR ");
        return `UPDATE ${ident(table)} SET ${sets.join(", ")} WHERE ${where};`;
      });
      await db.$executeRawUnsafe(`DO $$ BEGIN PERFORM set_config('session_replication_role', 'replica', true); ${updates.join(" ")} END $$`);
      return result;
    },
  };
}
