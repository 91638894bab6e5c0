// The background worker `scripts/start.ts` runs beside the apps: it relays the outbox (to Inngest
// when configured, otherwise running Bazaar's functions in-process) and schedules the cron
// functions. It also serves /metrics, /api/health and /api/ready on its own port (default 9464 +
// BAZAAR_PORT_OFFSET, loopback only) and saves its per-minute figures for the System health page.
// SIGTERM / SIGINT finish the batch in hand, then exit.
import { getDb } from "@bazaar/db";
import { getEnv } from "./env";
import { startBackgroundWorker } from "./events/background-worker";
import { inngest, inngestIsConfigured } from "./events/client";
import { readOutbox } from "./observability/metrics";
import { flushRollups, startRollupFlusher, type MinuteRollup } from "./observability/rollup";
import { logger } from "./observability/logger";
import { startWorkerListener } from "./observability/worker-listener";

const env = getEnv();
const db = getDb();
const log = logger().child({ service: "worker" });
const deliverToInngest = inngestIsConfigured(env);
// pino's (message first) and console's (message, then values) call shapes both end up in one line.
const workerLogger = {
  info: (message: string, ...rest: unknown[]) => log.info({ detail: rest.length ? rest : undefined }, message),
  warn: (message: string, ...rest: unknown[]) => log.warn({ detail: rest.length ? rest : undefined }, message),
  error: (message: string, ...rest: unknown[]) => log.error({ err: rest.find((r) => r instanceof Error) }, message),
};
const worker = startBackgroundWorker(db, { inngest: deliverToInngest ? inngest : undefined, logger: workerLogger });
log.info(
  deliverToInngest
    ? "relaying events to Inngest; functions run at /api/inngest (admin console)"
    : "running functions in-process (set INNGEST_DEV or INNGEST_EVENT_KEY to use Inngest)",
);
const outboxSnapshot = async (rollup: MinuteRollup) => {
  const { lagSeconds, due, failed } = await readOutbox(db);
  rollup.outbox = { lagSeconds, due, failed };
};
const stopFlusher = startRollupFlusher(() => db, "worker", outboxSnapshot);
const listener = await startWorkerListener(db, { port: env.WORKER_METRICS_PORT ?? 9464 + env.BAZAAR_PORT_OFFSET, host: env.WORKER_METRICS_HOST }).catch(
  (error: unknown) => {
    log.error({ err: error }, "the metrics and health listener could not start; the worker runs without it");
    return null;
  },
);
if (listener) log.info(`metrics and health on ${listener.url} (/metrics, /api/health, /api/ready)`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) process.exit(1); // a second signal: stop waiting
  stopping = true;
  log.info(`${signal}: finishing the current batch`);
  await worker.stop();
  stopFlusher();
  await flushRollups(db, "worker", { includeCurrent: true, snapshot: outboxSnapshot }).catch(() => undefined);
  await listener?.close();
  await db.$disconnect();
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));
