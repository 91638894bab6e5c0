import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { registerProbe, reportConnection } from "./availability";
import { PrismaClient } from "./generated/prisma/client";

export interface CreateClientOptions {
  url?: string;
  /** Pool size per process; defaults to what a 2-core box serves well. */
  max?: number;
}

/** Told of every query's duration (ms) and text, for metrics and statement counts; set by whoever reads them. */
type QueryListener = (durationMs: number, query: string) => void;

// On globalThis, like the client: a Next.js build may load this module more than once per process.
const observed = globalThis as unknown as {
  bazaarQueryListeners?: Set<QueryListener>;
  bazaarPools?: Set<pg.Pool>;
  bazaarSqlPools?: WeakMap<PrismaClient, SqlPool>;
};
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

/**
 * The client's pool for a library that speaks SQL itself (the throttle's RateLimiterPostgres),
 * with each statement told to the query listeners as Prisma's are, so statement counts and the
 * query histogram stay whole.
 */
export interface SqlPool {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}
const sqlPools = (observed.bazaarSqlPools ??= new WeakMap());

export function sqlPoolOf(db: PrismaClient): SqlPool {
  const found = sqlPools.get(db);
  if (!found) throw new Error("This Prisma client was not made by createPrismaClient, so it has no pool to lend.");
  return found;
}

export function createPrismaClient(options: CreateClientOptions = {}): PrismaClient {
  const connectionString = options.url ?? process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the project with `npm run dev` or `npm start`, which provide one.");
  }
  // Our own pool, so its counts can be read; the adapter closes it on $disconnect.
  const pool = new pg.Pool({ connectionString, max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  pools.add(pool);
  reportConnectionsOf(pool);
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
  sqlPools.set(client, {
    async query(config) {
      const started = performance.now();
      try {
        return await pool.query(config);
      } finally {
        for (const listener of queryListeners) listener(performance.now() - started, config.text);
      }
    },
  });
  return client;
}

/**
 * Every connection the pool opens, or fails to open, tells availability.ts whether the database
 * is there (pg has no event for a failed connect, hence the wrapper). The pool itself holds no
 * dead connection: one the server closes is dropped (its 'error' event, handled by the adapter),
 * so the same client works again once the server is back.
 */
function reportConnectionsOf(pool: pg.Pool): void {
  pool.on("connect", () => reportConnection(true));
  // An idle connection lost (the server stopping or restarting) makes the database suspect: the
  // next page probes it before rendering (see databaseIsDown), so even the first one after an
  // outage gets the 503 page instead of failing halfway through.
  pool.on("error", () => reportConnection(false));
  const connect = pool.connect.bind(pool) as (callback?: (error: Error | undefined, ...rest: unknown[]) => void) => Promise<pg.PoolClient> | undefined;
  pool.connect = ((callback?: (error: Error | undefined, ...rest: unknown[]) => void) => {
    if (callback) {
      return connect((error, ...rest) => {
        if (error) reportConnection(false);
        callback(error, ...rest);
      });
    }
    return connect()!.catch((error: unknown) => {
      reportConnection(false);
      throw error;
    });
  }) as typeof pool.connect;
  registerProbe(async () => (await pool.connect()).release());
}

const globalForPrisma = globalThis as unknown as { bazaarPrisma?: PrismaClient };

/** The process's client, created on first use and kept on globalThis so dev reloads reuse it. */
export function getDb(): PrismaClient {
  globalForPrisma.bazaarPrisma ??= createPrismaClient();
  return globalForPrisma.bazaarPrisma;
}
