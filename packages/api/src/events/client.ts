import { Inngest, Middleware, eventType } from "inngest";
import { getDb, type PrismaClient } from "@bazaar/db";
import { getEnv, type Env } from "../env";
import { eventSchemas, type EventName } from "./catalog";

/**
 * Gives every function `db` in its context. Served by Inngest it is the process's client; the
 * in-process executor and tests put their own database there first, and that one is kept.
 */
class DatabaseMiddleware extends Middleware.BaseMiddleware {
  readonly id = "bazaar:database";

  override transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
    const given = (arg.ctx as { db?: PrismaClient }).db;
    return { ...arg, ctx: { ...arg.ctx, db: given ?? getDb() } };
  }
}

/**
 * The one Inngest client. Where it sends events and whether it talks to a dev server or
 * Inngest Cloud come from the SDK's own variables (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY,
 * INNGEST_DEV, INNGEST_BASE_URL); see docs/inngest.md.
 */
export const inngest = new Inngest({ id: "bazaar", middleware: [DatabaseMiddleware] });

/** A typed trigger for a catalog event: the handler's `event.data` has the payload's type. */
export function bazaarEvent<N extends EventName>(name: N) {
  // The SDK's no-transform check cannot see through an indexed generic; the catalog's
  // schemas are plain objects without transforms, which the concrete instantiations confirm.
  return eventType<N, (typeof eventSchemas)[N]>(name, { schema: eventSchemas[name] as never });
}

/**
 * Whether events go to Inngest (an event key for Inngest Cloud, or a dev server / self-hosted
 * URL). Otherwise the worker runs the functions in-process.
 */
export function inngestIsConfigured(env: Env = getEnv()): boolean {
  const dev = env.INNGEST_DEV?.trim();
  return Boolean(env.INNGEST_EVENT_KEY || env.INNGEST_BASE_URL || (dev && dev !== "0" && dev !== "false"));
}
