// Builds tRPC callers over a test database, acting as a given user (or a guest).
import type { PrismaClient } from "@bazaar/db";
import { appRouter } from "../root";
import { createCallerFactory, createContextInner, loadActor } from "../trpc";

const createCaller = createCallerFactory(appRouter);

interface CallerOptions {
  guestCartToken?: string;
}

/** A caller plus the cookies its procedures set (the jar sits beside the caller: tRPC's caller proxy reads every property as a procedure). */
export async function callerWithCookies(db: PrismaClient, userId: string | null, options: CallerOptions = {}) {
  const cookies = new Map<string, string>();
  const api = createCaller(
    createContextInner({
      db,
      actor: await loadActor(db, userId),
      guestCartToken: options.guestCartToken ?? null,
      setCookie: (name, value) => cookies.set(name, value),
    }),
  );
  return { api, cookies };
}

export async function callerFor(db: PrismaClient, userId: string | null, options: CallerOptions = {}) {
  return (await callerWithCookies(db, userId, options)).api;
}
