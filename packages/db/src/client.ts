import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { registerProbe, reportConnection } from "./availability";
import { Prisma, PrismaClient } from "./generated/prisma/client";

export interface CreateClientOptions {
  url?: string;
  /** Pool size per process; defaults to DATABASE_POOL_SIZE, else defaultPoolSize(). */
  max?: number;
}

/**
 * Connections per process unless DATABASE_POOL_SIZE says otherwise: Prisma's own default for its
 * pool (twice the CPUs, plus one). It was 20 per process: the three apps, the worker and a second
 * storefront then reach PostgreSQL's default max_connections (100) under load, on a machine whose
 * cores run two queries at a time. The benchmark's CPU per order did not tell 5 from 20 apart
 * (bench/README.md, session 16).
 */
export function defaultPoolSize(): number {
  const configured = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(configured) && configured > 0 ? configured : availableParallelism() * 2 + 1;
}

/** Told of every query's duration (ms) and text, for metrics and statement counts; set by whoever reads them. */
type QueryListener = (durationMs: number, query: string) => void;

// On globalThis, like the client: a Next.js build may load this module more than once per process.
const observed = globalThis as unknown as {
  bazaarQueryListeners?: Set<QueryListener>;
  bazaarPools?: Set<pg.Pool>;
  bazaarRawPools?: WeakMap<PrismaClient, pg.Pool>;
  bazaarGenericPools?: WeakMap<PrismaClient, () => pg.Pool>;
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
const rawPools = (observed.bazaarRawPools ??= new WeakMap());
/** Each client's opener of its pool for generic plans (sqlOn's genericPlans). */
const genericPools = (observed.bazaarGenericPools ??= new WeakMap());

export function sqlPoolOf(db: PrismaClient): SqlPool {
  return { query: observedQuery(rawPoolOf(db)) };
}

/** A generic plan is costed for any value, so it may pass `jit_above_cost`: the pools' connections run without JIT (newPool). */
const GENERIC_PLANS_SETTING = "plan_cache_mode = force_generic_plan";
/** What every connection of every pool runs first (newPool says why). */
const NO_JIT = "SET jit = off";
const GENERIC_PLANS = [`SET LOCAL ${GENERIC_PLANS_SETTING}`];

/**
 * A pool whose connections first run `settings` (pg-pool waits for onConnect before lending one).
 *
 * No JIT compilation on Bazaar's connections. PostgreSQL compiles a statement whose estimated
 * cost passes `jit_above_cost`, and bounded reads are costed far above what they do: a generic
 * plan for any value (a product's related products at 100,000 products: 320,780, run in 0.3
 * ms), a category page's per-category reads (costed for every category a tree could hold:
 * 307,000, run in 2.5 ms at 1,000,000 products). Each call then spent 24 to 45 ms compiling.
 * The biggest statement, facet counts over a whole catalogue, gains little from it (40 ms of
 * 2 s). A SET once per connection, before the pool lends it, rather than a startup option, which
 * a pooler such as PgBouncer refuses. A server that refuses the SET still serves.
 */
function newPool(connectionString: string, max: number, settings: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- pg-pool waits for the promise; @types/pg says void
    onConnect: (connection) =>
      connection.query(settings).then(
        () => undefined,
        () => undefined,
      ),
  });
  pools.add(pool);
  reportConnectionsOf(pool);
  const end = pool.end.bind(pool);
  pool.end = () => {
    pools.delete(pool);
    return end();
  };
  return pool;
}

export function createPrismaClient(options: CreateClientOptions = {}): PrismaClient {
  const connectionString = options.url ?? process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the project with `npm run dev` or `npm start`, which provide one.");
  }
  // Our own pool, so its counts can be read; the adapter closes it on $disconnect.
  const max = options.max ?? defaultPoolSize();
  const pool = newPool(connectionString, max, NO_JIT);
  // The pool for keyed reads outside a transaction (sqlOn's genericPlans), opened on first use and
  // closed with the main one.
  let generic: pg.Pool | undefined;
  const openGeneric = () => (generic ??= newPool(connectionString, max, `${NO_JIT}; SET ${GENERIC_PLANS_SETTING}`));
  const end = pool.end.bind(pool);
  pool.end = () => Promise.all([end(), generic?.end()]).then(() => undefined);
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Query events carry the duration Prisma measured (read by the metrics' query histogram).
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => {
    for (const listener of queryListeners) listener(event.duration, event.query);
  });
  rawPools.set(client, pool);
  genericPools.set(client, openGeneric);
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

/**
 * What a hot path's SQL needs of a transaction: Prisma's raw-query methods, which a Prisma
 * transaction (Tx) has too, so the same domain function runs in either.
 */
export interface SqlTx {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

export interface SqlTransactionOptions {
  readOnly?: boolean;
  /**
   * Each statement planned once per connection for any values (PostgreSQL's generic plan), not
   * again for each call's values: for reads by key whose planning costs more than their execution
   * (a product page's read: 1.17 -> 0.37 ms of database CPU, bench/README.md, session 14), or
   * whose every statement is bounded by a small set found first (a search's matches). Not for a
   * listing, whose best plan depends on the values (at 100,000 products a category page's generic
   * plan cost 106 ms instead of 2.5: session 15).
   */
  genericPlans?: boolean;
}

/**
 * Runs `fn` in a transaction on one of the client's pooled connections, without Prisma in
 * between: BEGIN, fn's statements as named prepared statements (PostgreSQL parses and plans each
 * shape once per connection), COMMIT, or ROLLBACK when fn throws. For the few hottest
 * transactions (a cart's add), where Prisma's interactive transaction and its per-call query
 * handling cost more CPU than the statements themselves (bench/README.md). Values and rows are
 * read as Prisma reads them: timestamps in UTC, bigint as BigInt.
 */
export async function sqlTransaction<T>(db: PrismaClient, fn: (tx: SqlTx) => Promise<T>, options: SqlTransactionOptions = {}): Promise<T> {
  const connection = await rawPoolOf(db).connect();
  const run = observedQuery(connection);
  let broken = false;
  try {
    // One message, one round trip (the simple protocol takes several statements).
    await run({ text: [`BEGIN${options.readOnly ? " READ ONLY" : ""}`, ...(options.genericPlans ? GENERIC_PLANS : [])].join("; ") });
    const result = await fn(sqlTxOn(run));
    await run({ text: "COMMIT" });
    return result;
  } catch (error) {
    // A connection that cannot even roll back is dropped from the pool rather than reused.
    await run({ text: "ROLLBACK" }).catch(() => (broken = true));
    throw error;
  } finally {
    connection.release(broken);
  }
}

/**
 * The same written-out statements one at a time on the pool, each its own transaction: for a
 * hot path's single reads (the signed-in user on every request). `prepared: false` sends them
 * unnamed, planned for their values on every call: for searches whose best plan depends on the
 * values (a prepared statement may settle on one generic plan after five calls). `genericPlans`
 * sends them on a second pool whose connections plan each statement once for any values, as
 * sqlTransaction's genericPlans does, without a transaction's BEGIN and COMMIT round trips: for
 * reads by key that need no snapshot in common (a product page's: the product, then its related
 * products).
 */
export function sqlOn(db: PrismaClient, options: { prepared?: boolean; genericPlans?: boolean } = {}): SqlTx {
  return sqlTxOn(observedQuery(options.genericPlans ? genericPoolOf(db) : rawPoolOf(db)), options.prepared ?? true);
}

function genericPoolOf(db: PrismaClient): pg.Pool {
  const open = genericPools.get(db);
  if (!open) throw new Error("This Prisma client was not made by createPrismaClient, so it has no pool to lend.");
  return open();
}

function rawPoolOf(db: PrismaClient): pg.Pool {
  const pool = rawPools.get(db);
  if (!pool) throw new Error("This Prisma client was not made by createPrismaClient, so it has no pool to lend.");
  return pool;
}

/** Runs a query on `target`, telling the query listeners (metrics, statement counts) as Prisma's queries do. */
function observedQuery(target: pg.Pool | pg.PoolClient) {
  return async (config: pg.QueryConfig): Promise<pg.QueryResult> => {
    const started = performance.now();
    try {
      return await target.query(config);
    } finally {
      for (const listener of queryListeners) listener(performance.now() - started, config.text);
    }
  };
}

function sqlTxOn(run: (config: pg.QueryConfig) => Promise<pg.QueryResult>, prepared = true): SqlTx {
  const configOf = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]): pg.QueryConfig => {
    // A template's strings are an array; a Prisma.sql fragment is not (instanceof would fail across a bundle's module copies).
    const sql = Array.isArray(query) ? Prisma.sql(query as TemplateStringsArray, ...values) : (query as Prisma.Sql);
    return { ...(prepared ? { name: statementName(sql.text) } : {}), text: sql.text, values: sql.values.map(toPgValue), types: PRISMA_LIKE_TYPES };
  };
  return {
    async $queryRaw<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      return (await run(configOf(query, values))).rows as T;
    },
    async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      return (await run(configOf(query, values))).rowCount ?? 0;
    },
  };
}

// One name per statement text: pg prepares a name once per connection and then only binds it.
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `bz_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    if (statementNames.size < 1000) statementNames.set(text, name);
  }
  return name;
}

// Prisma keeps DateTime as UTC in `timestamp(3)`: written as ISO strings, read back as UTC (pg
// would use the process's time zone both ways).
const toPgValue = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : typeof value === "bigint" ? value.toString() : Array.isArray(value) ? value.map(toPgValue) : value;

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const PRISMA_LIKE_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMP_OID) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === INT8_OID) return (text: string) => BigInt(text);
    return pg.types.getTypeParser(oid, format) as (text: string) => unknown;
  }) as pg.CustomTypesConfig["getTypeParser"],
};
