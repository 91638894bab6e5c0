// Builds tRPC callers over a test database, acting as a given user (or a guest).
import type { PrismaClient } from "@bazaar/db";
import { appRouter } from "../root";
import { createCallerFactory, createContextInner, loadActor } from "../trpc";

const createCaller = createCallerFactory(appRouter);

export async function callerFor(db: PrismaClient, userId: string | null, options: { guestCartToken?: string } = {}) {
  const cookies = new Map<string, string>();
  const caller = createCaller(
    createContextInner({
      db,
      actor: await loadActor(db, userId),
      guestCartToken: options.guestCartToken ?? null,
      setCookie: (name, value) => cookies.set(name, value),
    }),
  );
  return Object.assign(caller, { cookies });
}
