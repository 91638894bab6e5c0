import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { sqlOn, type PrismaClient } from "@bazaar/db";
import { requireAdmin, requireSeller, requireUser, type Actor } from "./actor";
import { asDomainError, DomainError, trpcCodeOf } from "./errors";
import { logger } from "./observability/logger";
import { observeProcedure } from "./observability/observe";
import { checkInput, UnsafeInputError, validationMessage } from "./input-guard";
import { transformer } from "./transformer";

/** What every procedure sees. Built without HTTP objects so tests and RSC callers can make one. */
export interface Context {
  db: PrismaClient;
  actor: Actor | null;
  /** The guest cart cookie's value, where the caller has one (storefront only). */
  guestCartToken: string | null;
  /** The caller's address, for per-address limits (sign-up, search); null for callers inside the server. */
  clientIp: string | null;
  /** Lets a procedure set a response cookie (the guest cart); absent for server-side callers. */
  setCookie?: (name: string, value: string, options: { maxAgeSeconds: number }) => void;
  /** The HTTP request's id (X-Request-Id), for log lines; absent for server-side callers. */
  requestId?: string;
}

/**
 * Loads the signed-in user fresh, so a suspension or role change applies on the next request.
 * A session from before the last password change (an older `sessionVersion`) counts as signed out.
 */
export async function loadActor(db: PrismaClient, userId: string | null | undefined, sessionVersion?: number): Promise<Actor | null> {
  if (!userId) return null;
  // Written out and prepared once per connection (sqlOn): it runs on every signed-in request.
  const [user] = await sqlOn(db).$queryRaw<(Omit<Actor, "userId"> & { id: string; sessionVersion: number })[]>`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."status"::text AS "status", u."sessionVersion",
           s."id" AS "sellerId", s."status"::text AS "sellerStatus"
      FROM "User" u LEFT JOIN "Seller" s ON s."userId" = u."id"
     WHERE u."id" = ${userId}`;
  if (!user) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    sellerId: user.sellerId,
    sellerStatus: user.sellerStatus,
  };
}

export function createContextInner(input: Partial<Context> & { db: PrismaClient }): Context {
  return { actor: null, guestCartToken: null, clientIp: null, ...input };
}

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error, path, ctx }) {
    const cause = error.cause;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      // Whatever escaped (a database error, a bug) is for our logs only: the caller gets an id
      // to quote, never Prisma's or PostgreSQL's text, which can carry queries and addresses.
      const requestId = ctx?.requestId ?? randomUUID();
      logger().error({ err: cause ?? error, requestId, procedure: path ?? "?" }, "tRPC procedure failed");
      return {
        ...shape,
        message: `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId,
          fieldErrors: null,
          domainCode: null,
          details: null,
        },
      };
    }
    return {
      ...shape,
      // A zod error's own message is a JSON dump of its issues; people get its first line.
      message: cause instanceof ZodError || cause instanceof UnsafeInputError ? validationMessage(cause) : shape.message,
      data: {
        ...shape.data,
        // Field-level messages for forms; never stack traces.
        fieldErrors: cause instanceof ZodError ? z.flattenError(cause).fieldErrors : cause instanceof UnsafeInputError ? cause.fieldErrors : null,
        domainCode: cause instanceof DomainError ? cause.code : null,
        details: cause instanceof DomainError ? (cause.details ?? null) : null,
        // The X-Request-Id of the call, for an error message to quote and the log to be searched by.
        requestId: ctx?.requestId ?? null,
        stack: undefined,
      },
    };
  },
});

/** Refuses control characters, lone surrogates and deep nesting in any input, before its schema runs. */
const inputGuard = t.middleware(async ({ getRawInput, next }) => {
  const problem = checkInput(await getRawInput());
  if (problem) throw new TRPCError({ code: "BAD_REQUEST", message: validationMessage(problem), cause: problem });
  return next();
});

/** Turns domain errors (and the database's absence, a 503) into typed tRPC errors; anything else stays an opaque 500. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  const cause = result.ok ? null : asDomainError(result.error.cause);
  if (cause) throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
  return result;
});

/** Times every call and counts its outcome (observability/observe.ts); outermost, so it sees the final error. */
const observed = t.middleware(async ({ path, type, ctx, next }) => {
  const start = performance.now();
  const result = await next();
  observeProcedure({
    path,
    type,
    durationMs: performance.now() - start,
    error: result.ok ? undefined : result.error,
    actor: ctx.actor,
    requestId: ctx.requestId,
  });
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(observed).use(inputGuard).use(domainErrors);

const asDomain = (fn: () => unknown) => {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DomainError) throw new TRPCError({ code: trpcCodeOf[error.code], message: error.message, cause: error });
    throw error;
  }
};

const activeUser = (actor: Actor | null) => {
  const user = requireUser(actor);
  if (user.status === "SUSPENDED") throw new DomainError("FORBIDDEN", "Your account is suspended. Contact support.");
  return user;
};

/** A signed-in, active user shopping (any role may buy). */
export const buyerProcedure = publicProcedure.use(({ ctx, next }) => next({ ctx: { actor: asDomain(() => activeUser(ctx.actor)) as Actor } }));

/** An approved, active seller; `ctx.actor.sellerId` is theirs and every service checks it. */
export const sellerProcedure = publicProcedure.use(({ ctx, next }) =>
  next({ ctx: { actor: asDomain(() => requireSeller(activeUser(ctx.actor))) as Actor & { sellerId: string } } }),
);

/** A seller account whatever its approval state (onboarding and status pages). */
export const sellerAccountProcedure = publicProcedure.use(({ ctx, next }) => {
  const actor = asDomain(() => activeUser(ctx.actor)) as Actor;
  if (actor.role !== "SELLER" || !actor.sellerId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This needs a seller account." });
  }
  return next({ ctx: { actor: actor as Actor & { sellerId: string } } });
});

/** An administrator. */
export const adminProcedure = publicProcedure.use(({ ctx, next }) => next({ ctx: { actor: asDomain(() => requireAdmin(activeUser(ctx.actor))) as Actor } }));
