import type { PrismaClient } from "@bazaar/db";

/** How long delivered events and finished runs stay in the outbox, for looking into what happened. */
export const OUTBOX_RETENTION_DAYS = 14;

/**
 * Deletes delivered events and finished runs older than the retention, in small batches so the
 * relay is never blocked for long. FAILED rows stay until someone has looked at them.
 * Returns how many rows it deleted.
 */
export async function pruneOutbox(db: PrismaClient, options: { now?: Date; retentionDays?: number; batchSize?: number } = {}): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.retentionDays ?? OUTBOX_RETENTION_DAYS) * 86_400_000);
  const batchSize = options.batchSize ?? 1000;
  let deleted = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM "OutboxEvent" WHERE id IN (
        SELECT id FROM "OutboxEvent" WHERE status = 'SENT' AND "sentAt" < ${cutoff} LIMIT ${batchSize}
      )`;
    deleted += count;
    if (count < batchSize) return deleted;
  }
}
