import type { PrismaClient } from "@bazaar/db";
import { relayBatch, type RelayOptions } from "./relay";

export interface DrainOptions extends RelayOptions {
  /** Stops after this many rounds even if work remains (a guard for runaway loops). */
  maxRounds?: number;
}

/**
 * Runs everything in the outbox that is due (at `options.now`, or now): domain events fanned out
 * to the functions, and their runs executed step by step until each finishes, sleeps past `now`
 * or waits for an event. Tests call it to make background work happen deterministically.
 * Returns how many outbox rows (events and run continuations) it processed.
 */
export async function drainOutbox(db: PrismaClient, options: DrainOptions = {}): Promise<number> {
  let processed = 0;
  for (let round = 0; round < (options.maxRounds ?? 1000); round++) {
    const claimed = await relayBatch(db, options);
    if (claimed === 0) break;
    processed += claimed;
  }
  return processed;
}
