// Server-side entry points for the apps: the HTTP handler and the RSC caller share one context builder.
import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "@bazaar/db";
import { observeRoute, type RequestScope } from "./observability/http";
import { asDomainError, DomainError, trpcCodeOf } from "./errors";
import { clientIpOf } from "./http/client-ip";
import type { NodeAnswerOptions } from "./http/node-answer";
import { answerTrpcOnNode, decodedPath, isPlainTrpcRequest, procedurePathOf, type HeaderReader } from "./http/trpc-node";
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

type Identify = (request: { headers: HeaderReader }) => Promise<RequestIdentity>;

/** One request's context, the same whichever way the request came: `appendHeader` adds a response header. */
function trpcContextMaker(identify: Identify) {
  return async (request: { headers: HeaderReader }, scope: RequestScope, appendHeader: (name: string, value: string) => void) => {
    const context = await createContextOrUnavailable(
      { ...(await identify(request)), clientIp: clientIpOf(request.headers) },
      {
        requestId: scope.requestId,
        setCookie: (name, value, { maxAgeSeconds }) =>
          appendHeader("Set-Cookie", `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax`),
      },
    );
    scope.actor = context.actor;
    return context;
  };
}

/** A throttled call says when to come back, as HTTP does. */
function errorHeaders(errors: readonly TRPCError[]): Record<string, string> {
  const retryAfter = errors
    .map((error) => (error.cause instanceof DomainError ? error.cause.details?.retryAfterSeconds : undefined))
    .find((s) => typeof s === "number");
  return retryAfter ? { "Retry-After": String(retryAfter) } : {};
}

/**
 * The /api/trpc route handler of an app; `identify` reads the session and cookies of the request.
 * `app` names the app, whose handler serves only its own areas (see appRouters). Errors are logged
 * by the procedure middleware (observability/observe.ts), with the request id.
 */
export function createTrpcHandler(identify: Identify, app?: keyof typeof appRouters) {
  const createContext = trpcContextMaker(identify);
  return observeRoute("/api/trpc", (req: Request, scope) => {
    // As sent when it does not decode: tRPC answers that 400 (decoding it here threw, a 500).
    const path = procedurePathOf(new URL(req.url).pathname, "/api/trpc");
    scope.procedures = decodedPath(path) ?? path;
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: app ? appRouters[app] : appRouter,
      createContext: ({ resHeaders }) => createContext(req, scope, (name, value) => resHeaders.append(name, value)),
      responseMeta({ errors }) {
        const headers = errorHeaders(errors);
        return Object.keys(headers).length > 0 ? { headers: new Headers(headers) } : {};
      },
    });
  });
}

/**
 * The same handler for a custom Node server (the storefront's server.mjs): a plain tRPC request
 * (isPlainTrpcRequest) is answered on Node's request and response (http/trpc-node.ts); for any
 * other it answers null, and the server uses the route handler above.
 */
export function createNodeTrpcHandler(identify: Identify, app?: keyof typeof appRouters) {
  const options = { router: app ? appRouters[app] : appRouter, endpoint: "/api/trpc", createContext: trpcContextMaker(identify), errorHeaders };
  return (req: IncomingMessage, res: ServerResponse, answer: NodeAnswerOptions, fallback: () => Promise<void>): Promise<void> | null =>
    isPlainTrpcRequest(req) ? answerTrpcOnNode(req, res, options, answer, fallback) : null;
}
