// The background worker `scripts/start.ts` runs beside the apps: it relays the outbox (to Inngest
// when configured, otherwise running Bazaar's functions in-process) and schedules the cron
// functions. SIGTERM / SIGINT finish the batch in hand, then exit.
import { getDb } from "@bazaar/db";
import { getEnv } from "./env";
import { startBackgroundWorker } from "./events/background-worker";
import { inngest, inngestIsConfigured } from "./events/client";

const env = getEnv();
const db = getDb();
const deliverToInngest = inngestIsConfigured(env);
const worker = startBackgroundWorker(db, { inngest: deliverToInngest ? inngest : undefined });
console.info(
  deliverToInngest
    ? "[worker] relaying events to Inngest; functions run at /api/inngest (admin console)"
    : "[worker] running functions in-process (set INNGEST_DEV or INNGEST_EVENT_KEY to use Inngest)",
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) process.exit(1); // a second signal: stop waiting
  stopping = true;
  console.info(`[worker] ${signal}: finishing the current batch`);
  await worker.stop();
  await db.$disconnect();
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));
