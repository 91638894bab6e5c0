import { randomUUID } from "node:crypto";
import type { Actor } from "../actor";
import { accessLogger, logger } from "./logger";
import { metrics, statusClass } from "./metrics";

// The wrapper of Bazaar's API route handlers: a request id (the caller's X-Request-Id when it is
// a sane token, else a new one) sent back in the response's X-Request-Id, the in-flight gauge,
// the route's duration histogram, and one log line per request.

const REQUEST_ID = /^[\w.:-]{8,100}$/;

export interface RequestScope {
  requestId: string;
  /** Set by whoever identifies the caller, for the log line. */
  actor: Actor | null;
  /** The procedures of a tRPC call, for the log line. */
  procedures?: string;
}

/** The caller's X-Request-Id when it is a sane token, else a new one. */
export function requestIdFrom(given: string | null): string {
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * One request's observation, however it is answered: counted in flight from here, then `finish`
 * records its duration and writes its log line. observeRoute (a Request's handler) and the
 * storefront's tRPC answers on Node's own request (http/trpc-node.ts) both go through it.
 */
export function startObserving(route: string, method: string, givenRequestId: string | null) {
  const m = metrics();
  const start = performance.now();
  const scope: RequestScope = { requestId: requestIdFrom(givenRequestId), actor: null };
  m.httpInFlight.labels(route).inc();
  return {
    scope,
    /** Logs a handler's crash (it is then answered 500 with the request id). */
    crashed(error: unknown) {
      logger().error({ requestId: scope.requestId, route, method, err: error }, `${route} failed`);
    },
    /** The request was handed to another observed handler: it is no longer this one's. */
    abandon() {
      m.httpInFlight.labels(route).dec();
    },
    finish(status: number) {
      m.httpInFlight.labels(route).dec();
      const durationMs = performance.now() - start;
      m.httpDuration.labels(route, method, statusClass(status)).observe(durationMs / 1000);
      accessLogger().info(
        {
          requestId: scope.requestId,
          method,
          route,
          ...(scope.procedures ? { procedure: scope.procedures } : {}),
          status,
          durationMs: Math.round(durationMs),
          actor: scope.actor ? { id: scope.actor.userId, role: scope.actor.role } : null,
        },
        "request",
      );
    },
  };
}

/** The answer to a request whose handler crashed: nothing internal, the request id to quote. */
export const crashAnswer = (requestId: string) => ({
  error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side. Please try again.", requestId },
});

/** Wraps a route handler: `route` is its fixed name (e.g. "/api/trpc"), never the URL with ids. */
export function observeRoute<A extends unknown[]>(
  route: string,
  handler: (request: Request, scope: RequestScope, ...rest: A) => Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const observing = startObserving(route, request.method, request.headers.get("x-request-id"));
    const { scope } = observing;
    let response: Response;
    try {
      response = await handler(request, scope, ...rest);
    } catch (error) {
      observing.crashed(error);
      response = Response.json(crashAnswer(scope.requestId), { status: 500 });
    }
    observing.finish(response.status);
    return withHeader(response, "x-request-id", scope.requestId);
  };
}

function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    // Immutable headers (a fetched or redirect response): copy it.
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}
