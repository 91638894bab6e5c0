// The embedded database is this checkout's own: a PostgreSQL server of another folder listening on
// its port is refused by name instead of silently used. "Another checkout" is a real second
// cluster: the test server when it lives elsewhere (DATABASE_URL), else a throwaway embedded one.
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot, startDatabaseServer } from "./server";
import { startThrowawayCluster } from "./testing/throwaway-cluster";

const saved = { url: process.env.DATABASE_URL, port: process.env.BAZAAR_EMBEDDED_PG_PORT };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  process.env.DATABASE_URL = saved.url;
  if (saved.port === undefined) delete process.env.BAZAAR_EMBEDDED_PG_PORT;
  else process.env.BAZAAR_EMBEDDED_PG_PORT = saved.port;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function dataDirectory(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ data_directory: string }>("show data_directory")).rows[0]!.data_directory;
  } finally {
    await client.end();
  }
}

/** A PostgreSQL server whose data is not this checkout's, and its port. */
async function foreignServer(): Promise<{ port: string; dataDirectory: string }> {
  const serverUrl = process.env.BAZAAR_TEST_SERVER_URL!;
  const ownData = path.join(repoRoot, ".data", "postgres");
  const testData = await dataDirectory(serverUrl);
  if (path.resolve(testData) !== path.resolve(ownData)) return { port: new URL(serverUrl).port || "5432", dataDirectory: testData };
  const other = await startThrowawayCluster("bazaar-other-checkout-");
  cleanups.push(() => other.destroy());
  return { port: String(other.port), dataDirectory: await dataDirectory(other.url()) };
}

describe("startDatabaseServer without DATABASE_URL", () => {
  it("refuses a server of another folder on the embedded port, naming both folders and a way out", async () => {
    const other = await foreignServer();
    delete process.env.DATABASE_URL;
    process.env.BAZAAR_EMBEDDED_PG_PORT = other.port;
    await expect(startDatabaseServer({ log: () => undefined })).rejects.toThrow(
      `127.0.0.1:${other.port} is taken by a PostgreSQL server whose data is in ${other.dataDirectory}, not by this checkout's embedded database (${path.join(repoRoot, ".data", "postgres")}). ` +
        `Stop that one, or run this checkout's on another port: BAZAAR_EMBEDDED_PG_PORT=${Number(other.port) + 1} npm run demo (or set DATABASE_URL).`,
    );
  }, 120_000);
});
