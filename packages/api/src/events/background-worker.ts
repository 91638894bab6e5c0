import type { Inngest, InngestFunction } from "inngest";
import type { PrismaClient } from "@bazaar/db";
import { pruneOutbox } from "./prune";
import { relayBatch } from "./relay";
import { enqueueCronRuns } from "./schedule";

export interface BackgroundWorkerOptions {
  /** Deliver events to Inngest (which then runs functions and crons) instead of running them here. */
  inngest?: Inngest.Any;
  /** Relay loops claiming batches side by side. */
  relays?: number;
  /** How long an idle relay waits before looking again. */
  pollMs?: number;
  logger?: Pick<Console, "info" | "warn" | "error">;
  /** Functions to run (default: every registered function). */
  functions?: readonly InngestFunction.Any[];
}

/**
 * The long-running part of the worker: relay loops that keep the outbox drained (looking again at
 * once while there is work, every `pollMs` when idle) and a clock that, each minute, starts the
 * cron functions (unless Inngest schedules them) and, each hour, prunes old delivered rows.
 * `stop()` lets every loop finish its current batch and resolves.
 */
export function startBackgroundWorker(db: PrismaClient, options: BackgroundWorkerOptions = {}) {
  const logger = options.logger ?? console;
  const pollMs = options.pollMs ?? 500;
  let stopping = false;
  const wakers = new Set<() => void>();
  // A loop that was busy when stop() woke the others must not start a long pause afterwards.
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping) return resolve();
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });

  async function relayLoop() {
    while (!stopping) {
      let claimed = 0;
      try {
        claimed = await relayBatch(db, { inngest: options.inngest, functions: options.functions, logger });
      } catch (error) {
        logger.error("[worker] relay round failed:", error);
      }
      if (claimed === 0 && !stopping) await pause(pollMs);
    }
  }

  async function clockLoop() {
    let lastMinute = -1;
    while (!stopping) {
      const minute = Math.floor(Date.now() / 60_000);
      if (minute !== lastMinute) {
        lastMinute = minute;
        if (!options.inngest) {
          await enqueueCronRuns(db, { now: new Date(minute * 60_000), functions: options.functions }).catch((error: unknown) =>
            logger.error("[worker] scheduling cron functions failed:", error),
          );
        }
        if (minute % 60 === 0) await pruneOutbox(db).catch((error: unknown) => logger.error("[worker] pruning the outbox failed:", error));
      }
      await pause((minute + 1) * 60_000 - Date.now() + 50);
    }
  }

  const loops = [...Array.from({ length: options.relays ?? 2 }, () => relayLoop()), clockLoop()];

  return {
    async stop(): Promise<void> {
      stopping = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}
