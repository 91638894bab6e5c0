// API routes answered without Next's router: server.mjs hands a request for one of these routes
// to the route's own handler once the route's module has loaded (its first request goes through
// Next and registers it), ~1 ms of CPU less per call (bench/README.md, session 14). A handler
// offered here must read everything from its Request, never from Next's request scope
// (`cookies()`, `headers()`), so both ways in give the same answer; answerWithHandler adds what
// Next would (next.config's headers, X-Forwarded-*, compression).
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerWithHandler, type NodeAnswerOptions } from "@bazaar/api/http/node-answer";
import { staticSecurityHeaders } from "@bazaar/api/http/security-headers";

type Handler = (request: Request) => Promise<Response>;
/** A handler of Node's own request and response for some of a route's requests; null leaves the request to `fallback`. */
type NodeHandler = (req: IncomingMessage, res: ServerResponse, options: NodeAnswerOptions, fallback: () => Promise<void>) => Promise<void> | null;

/** Where server.mjs finds serveRouteRequest. */
const SERVE_ROUTE_REQUEST = Symbol.for("bazaar.storefront.serveRouteRequest");

/** The largest request body taken: a storefront input (a review, an address) or a Stripe event is far smaller. */
const MAX_BODY_BYTES = 1024 * 1024;

interface Route {
  handler: Handler;
  node?: NodeHandler;
  methods: readonly string[];
}
/** By path; a path ending in "/" takes every path under it (tRPC's /api/trpc/<procedures>). */
const routes = new Map<string, Route>();
const headers = staticSecurityHeaders("storefront").map(({ key, value }) => [key, value] as const);

/**
 * Makes `handler` answer server.mjs's requests for `path` directly (called by the route's module
 * as it loads); `node`, when given, answers first those it takes (tRPC's plain calls) on Node's
 * request and response.
 */
export function offerRouteToServer(path: string, methods: readonly ("GET" | "POST")[], handler: Handler, node?: NodeHandler): void {
  routes.set(path, { handler, methods, ...(node ? { node } : {}) });
  (globalThis as Record<symbol, unknown>)[SERVE_ROUTE_REQUEST] = serveRouteRequest;
}

/** Answers the request when it is for an offered route (the answer's promise), else null: Next answers it. */
export function serveRouteRequest(req: IncomingMessage, res: ServerResponse): Promise<void> | null {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  const route = routeOf(path);
  if (!route || !route.methods.includes(req.method ?? "")) return null;
  const options = { headers, maxBodyBytes: MAX_BODY_BYTES };
  const viaHandler = () => answerWithHandler(req, res, route.handler, options);
  return route.node?.(req, res, options, viaHandler) ?? viaHandler();
}

// Every request of the server asks, a stored page's too: the table is walked, not copied.
function routeOf(path: string): Route | undefined {
  const route = routes.get(path);
  if (route) return route;
  for (const [prefix, candidate] of routes) if (prefix.endsWith("/") && path.startsWith(prefix)) return candidate;
  return undefined;
}
