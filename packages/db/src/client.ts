import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";

export interface CreateClientOptions {
  url?: string;
  /** Pool size per process; defaults to what a 2-core box serves well. */
  max?: number;
}

/** Told of every query's duration (ms) and text, for metrics and statement counts; set by whoever reads them. */
type QueryListener = (durationMs: number, query: string) => void;

// On globalThis, like the client: a Next.js build may load this module more than once per process.
const observed = globalThis as unknown as { bazaarQueryListeners?: Set<QueryListener>; bazaarPools?: Set<pg.Pool> };
const queryListeners = (observed.bazaarQueryListeners ??= new Set());
const pools = (observed.bazaarPools ??= new Set());

/** Calls `listener` with the duration of every query of every client of this process. */
export function onQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

/** The connection pools of this process's live clients (for pool size / in use / waiting gauges). */
export function connectionPools(): readonly pg.Pool[] {
  return [...pools];
}

export function createPrismaClient(options: CreateClientOptions = {}): PrismaClient {
  const connectionString = options.url ?? process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the project with `npm run dev` or `npm start`, which provide one.");
  }
  // Our own pool, so its counts can be read; the adapter closes it on $disconnect.
  const pool = new pg.Pool({ connectionString, max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  pools.add(pool);
  const end = pool.end.bind(pool);
  pool.end = () => {
    pools.delete(pool);
    return end();
  };
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Query events carry the duration Prisma measured (read by the metrics' query histogram).
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => {
    for (const listener of queryListeners) listener(event.duration, event.query);
  });
  return client;
}

const globalForPrisma = globalThis as unknown as { bazaarPrisma?: PrismaClient };

/** The process's client, created on first use and kept on globalThis so dev reloads reuse it. */
export function getDb(): PrismaClient {
  globalForPrisma.bazaarPrisma ??= createPrismaClient();
  return globalForPrisma.bazaarPrisma;
}
