// Test databases: one migrated template per run (the Prisma CLI is slow to start, so it runs
// once), then a fresh clone per test file (`CREATE DATABASE ... TEMPLATE`), so files are
// isolated and may run in parallel.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createPrismaClient } from "../client";
import type { PrismaClient } from "../generated/prisma/client";
import { migrateDeploy } from "../migrate";
import { dropDatabase, startDatabaseServer, withDatabase, type DatabaseServer } from "../server";

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

/** A short hash of every migration file: the template is rebuilt only when migrations change. */
export function migrationsHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else hash.update(name).update(readFileSync(file));
    }
  };
  walk(migrationsDir);
  return hash.digest("hex").slice(0, 12);
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    return Boolean(rowCount);
  } finally {
    await client.end();
  }
}

/**
 * Starts (or finds) the server and makes sure a migrated template exists.
 * Sets BAZAAR_TEST_SERVER_URL and BAZAAR_TEST_TEMPLATE for the test workers.
 */
export async function prepareTestTemplate(): Promise<{ server: DatabaseServer; template: string }> {
  const server = await startDatabaseServer({ database: "postgres", log: () => undefined });
  const serverUrl = server.urlFor("postgres");
  const template = `bazaar_test_template_${migrationsHash()}`;
  if (!(await databaseExists(serverUrl, template))) {
    const building = `${template}_building_${randomBytes(3).toString("hex")}`;
    await dropDatabase(serverUrl, building);
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${building}"`);
    await migrateDeploy(withDatabase(serverUrl, building), { quiet: true });
    // Renamed only when complete, so an interrupted run never leaves a half-migrated template.
    await admin.query(`alter database "${building}" rename to "${template}"`).catch(async (error: { code?: string }) => {
      if (error.code !== "42P04") throw error; // a parallel run built it first
      await dropDatabase(serverUrl, building);
    });
    await admin.end();
  }
  process.env.BAZAAR_TEST_SERVER_URL = serverUrl;
  process.env.BAZAAR_TEST_TEMPLATE = template;
  return { server, template };
}

export interface TestDatabase {
  db: PrismaClient;
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database for one test file. */
export async function createTestDatabase(options: { max?: number } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.BAZAAR_TEST_SERVER_URL;
  const template = process.env.BAZAAR_TEST_TEMPLATE;
  if (!serverUrl || !template) {
    throw new Error("No test template: integration tests run through `npm run test:integration` (vitest's global setup prepares it).");
  }
  const name = `bazaar_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        // Two clones of one template at the same instant collide ("being accessed by other users").
        if ((error as { code?: string }).code !== "55006" || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const db = createPrismaClient({ url, max: options.max ?? 30 });
  return {
    db,
    url,
    name,
    async drop() {
      await db.$disconnect();
      await dropDatabase(serverUrl, name);
    },
  };
}
export { startThrowawayCluster, type ThrowawayCluster } from "./throwaway-cluster";
