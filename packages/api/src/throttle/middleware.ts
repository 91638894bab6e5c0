import type { Actor } from "../actor";
import { middleware } from "../trpc";
import { consume, countedAddress, type LimitName } from "./limits";

/**
 * A procedure's limit: one point of `name` per call, keyed by what `keyOf` picks (the buyer, the
 * address). Calls without a key (server components, which have no address) are not counted.
 */
export const throttled = (name: LimitName, keyOf: (ctx: { actor: Actor | null; clientIp: string | null }) => string | null | undefined, message: string) =>
  middleware(async ({ ctx, next }) => {
    const key = keyOf(ctx);
    if (key) await consume(ctx.db, name, key, message);
    return next();
  });

export const byAddress = (ctx: { clientIp: string | null }) => countedAddress(ctx.clientIp);
export const byUser = (ctx: { actor: Actor | null }) => ctx.actor?.userId;

/** Searches and suggestions per address: generous, it only stops a flood. */
export const searchLimit = throttled("search", byAddress, "Too many searches from your network.");
