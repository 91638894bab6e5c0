import type { InngestFunction } from "inngest";
import type { Prisma, PrismaClient } from "@bazaar/db";
import { functions as registeredFunctions } from "./functions";
import { cronMatches } from "./runtime/cron";
import { buildRegistry } from "./runtime/registry";
import { newRunState, runRowName } from "./runtime/run-state";

/**
 * Starts the runs of cron functions due in the minute containing `now` (Inngest's scheduler does
 * this when Inngest is configured). Each run's id names its function and minute, so several
 * workers ticking at once, or one ticking twice, start it once. Returns how many runs it added.
 */
export async function enqueueCronRuns(db: PrismaClient, options: { now?: Date; functions?: readonly InngestFunction.Any[] } = {}): Promise<number> {
  const minute = new Date(Math.floor((options.now ?? new Date()).getTime() / 60_000) * 60_000);
  const rows: Prisma.OutboxEventCreateManyInput[] = [];
  for (const spec of buildRegistry(options.functions ?? registeredFunctions).values()) {
    for (const { expression, schedule } of spec.crons) {
      if (!cronMatches(schedule, minute)) continue;
      const event = { id: `cron:${minute.toISOString()}`, name: "inngest/scheduled.timer", data: { cron: expression }, ts: minute.getTime() };
      const state = newRunState(spec.id, event);
      rows.push({ id: `${event.id}:${spec.id}`, name: runRowName(spec.id), payload: state as unknown as Prisma.InputJsonValue, availableAt: minute });
    }
  }
  if (rows.length === 0) return 0;
  const { count } = await db.outboxEvent.createMany({ data: rows, skipDuplicates: true });
  return count;
}
