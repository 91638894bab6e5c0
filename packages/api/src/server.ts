// Server-side entry points for the apps: the HTTP handler and the RSC caller share one context builder.
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@bazaar/db";
import { observeRoute } from "./observability/http";
import { asDomainError, DomainError, trpcCodeOf } from "./errors";
import { clientIpOf } from "./http/client-ip";
import { appRouter, appRouters } from "./root";
import { createCallerFactory, createContextInner, loadActor, type Context } from "./trpc";

export const createCaller = createCallerFactory(appRouter);

export interface RequestIdentity {
  userId: string | null | undefined;
  guestCartToken?: string | null;
  /** The session's version of the user (see loadActor); absent for callers without a session. */
  sessionVersion?: number;
  /** The caller's address (clientIpOf the request's headers), for per-address limits. */
  clientIp?: string | null;
}

export async function createContext(identity: RequestIdentity, extra: Partial<Context> = {}): Promise<Context> {
  const db = getDb();
  return createContextInner({
    db,
    actor: await loadActor(db, identity.userId, identity.userId ? (identity.sessionVersion ?? 0) : undefined),
    guestCartToken: identity.guestCartToken ?? null,
    clientIp: identity.clientIp ?? null,
    ...extra,
  });
}

/** Loading the caller needs the database: its absence answers 503, as in a procedure. */
async function createContextOrUnavailable(...args: Parameters<typeof createContext>): Promise<Context> {
  try {
    return await createContext(...args);
  } catch (error) {
    const domain = asDomainError(error);
    if (domain) throw new TRPCError({ code: trpcCodeOf[domain.code], message: domain.message, cause: domain });
    throw error;
  }
}

/**
 * The /api/trpc route handler of an app; `identify` reads the session and cookies of the request.
 * `app` names the app, whose handler serves only its own areas (see appRouters). Errors are logged
 * by the procedure middleware (observability/observe.ts), with the request id.
 */
export function createTrpcHandler(identify: (req: Request) => Promise<RequestIdentity>, app?: keyof typeof appRouters) {
  return observeRoute("/api/trpc", (req: Request, scope) => {
    scope.procedures = decodeURIComponent(new URL(req.url).pathname.slice("/api/trpc/".length));
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: app ? appRouters[app] : appRouter,
      createContext: async ({ resHeaders }) => {
        const context = await createContextOrUnavailable(
          { ...(await identify(req)), clientIp: clientIpOf(req.headers) },
          {
            requestId: scope.requestId,
            setCookie: (name, value, { maxAgeSeconds }) =>
              resHeaders.append("Set-Cookie", `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax`),
          },
        );
        scope.actor = context.actor;
        return context;
      },
      // A throttled call says when to come back, as HTTP does.
      responseMeta({ errors }) {
        const retryAfter = errors
          .map((error) => (error.cause instanceof DomainError ? error.cause.details?.retryAfterSeconds : undefined))
          .find((s) => typeof s === "number");
        return retryAfter ? { headers: new Headers({ "Retry-After": String(retryAfter) }) } : {};
      },
    });
  });
}
