// The storefront's production server: Next's request handler (what `next start` runs), with the
// page cache's stored pages answered before it. A stored-page hit through Next cost ~1.5 ms of
// CPU (its router, the proxy's NextRequest, web streams, compression per request), most of what an
// anonymous visit costs; answered here it costs ~0.2 ms (bench/README.md, session 13). The answer
// is the proxy's (src/lib/serve-stored.ts, registered when the proxy's module first loads), so a
// miss, an expired page, the router's RSC requests and everything else go to Next as before.
// Calls to /api/trpc and Stripe's webhook go straight to the route's handler once its module has
// loaded (src/lib/serve-routes.ts): ~1 ms of CPU less per call than through Next.
//
//   node server.mjs [--port 3000] [--hostname localhost] [--keepAliveTimeout ms]
import http from "node:http";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { port: { type: "string", default: "3000" }, hostname: { type: "string", default: "localhost" }, keepAliveTimeout: { type: "string" } },
});
const port = Number(values.port);
const hostname = values.hostname;

// As `next start` does (next/dist/bin/next), before React or Next's server load: they pick their
// builds by NODE_ENV, and instrumentation.ts (the per-minute figures) runs only where NEXT_RUNTIME
// says nodejs.
process.env.NODE_ENV = "production";
process.env.NEXT_RUNTIME = "nodejs";
const { default: next } = await import("next");
const app = next({ dir: path.dirname(fileURLToPath(import.meta.url)), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const SERVE_STORED_REQUEST = Symbol.for("bazaar.storefront.serveStoredRequest");
const SERVE_ROUTE_REQUEST = Symbol.for("bazaar.storefront.serveRouteRequest");

const server = http.createServer((req, res) => {
  /** @type {((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | null) | undefined} */
  const serveRoute = /** @type {any} */ (globalThis)[SERVE_ROUTE_REQUEST];
  const answering = serveRoute?.(req, res);
  if (answering) {
    // The route's handler answers its own errors (a 500 with a request id): this is a socket gone.
    answering.catch(() => res.destroy());
    return;
  }
  /** @type {((req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>) | undefined} */
  const serveStored = /** @type {any} */ (globalThis)[SERVE_STORED_REQUEST];
  if (!serveStored) return void handle(req, res);
  serveStored(req, res).then(
    (served) => served || handle(req, res),
    // Nothing was written: Next answers, and logs what it meets the same way.
    () => handle(req, res),
  );
});
if (values.keepAliveTimeout) server.keepAliveTimeout = Number(values.keepAliveTimeout);
server.listen(port, hostname, () => process.stdout.write(`storefront ready on http://${hostname}:${port}\n`));

for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
