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

export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Wraps a route handler: `route` is its fixed name (e.g. "/api/trpc"), never the URL with ids. */
export function observeRoute<A extends unknown[]>(
  route: string,
  handler: (request: Request, scope: RequestScope, ...rest: A) => Promise<Response>,
): (request: Request, ...rest: A) => Promise<Response> {
  return async (request, ...rest) => {
    const m = metrics();
    const start = performance.now();
    const scope: RequestScope = { requestId: requestIdOf(request), actor: null };
    m.httpInFlight.labels(route).inc();
    let response: Response;
    try {
      response = await handler(request, scope, ...rest);
    } catch (error) {
      logger().error({ requestId: scope.requestId, route, method: request.method, err: error }, `${route} failed`);
      response = Response.json(
        { error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side. Please try again.", requestId: scope.requestId } },
        { status: 500 },
      );
    } finally {
      m.httpInFlight.labels(route).dec();
    }
    const durationMs = performance.now() - start;
    m.httpDuration.labels(route, request.method, statusClass(response.status)).observe(durationMs / 1000);
    accessLogger().info(
      {
        requestId: scope.requestId,
        method: request.method,
        route,
        ...(scope.procedures ? { procedure: scope.procedures } : {}),
        status: response.status,
        durationMs: Math.round(durationMs),
        actor: scope.actor ? { id: scope.actor.userId, role: scope.actor.role } : null,
      },
      "request",
    );
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
