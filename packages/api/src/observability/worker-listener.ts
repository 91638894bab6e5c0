import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "@bazaar/db";
import { checkReadiness, metricsAccess, metricsText } from "./endpoints";

/**
 * The worker's small HTTP listener: /metrics (and /api/metrics), /api/health and /api/ready
 * (database, migrations and outbox lag). Bound to loopback unless told otherwise.
 */
export async function startWorkerListener(
  db: PrismaClient,
  options: { port: number; host: string },
): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const send = (status: number, body: string, type = "application/json") => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    const route = (req.url ?? "/").split("?")[0];
    void (async () => {
      if (req.method !== "GET") return send(405, JSON.stringify({ error: { message: "GET only." } }));
      if (route === "/metrics" || route === "/api/metrics") {
        const access = metricsAccess(req.headers.authorization ?? null, req.socket.remoteAddress);
        if (!access.ok) return send(access.status, JSON.stringify({ error: { message: access.message } }));
        const { body, contentType } = await metricsText(db);
        return send(200, body, contentType);
      }
      if (route === "/api/health" || route === "/healthz") return send(200, JSON.stringify({ status: "ok" }));
      if (route === "/api/ready" || route === "/readyz") {
        const readiness = await checkReadiness(db, { outbox: true });
        return send(readiness.ready ? 200 : 503, JSON.stringify({ status: readiness.ready ? "ready" : "not ready", checks: readiness.checks }));
      }
      send(404, JSON.stringify({ error: { message: "Not found." } }));
    })().catch((error: unknown) => send(500, JSON.stringify({ error: { message: error instanceof Error ? error.message : "failed" } })));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
