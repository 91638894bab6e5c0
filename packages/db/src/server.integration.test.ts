// The embedded database is this checkout's own: a PostgreSQL server of another folder listening on
// its port is refused by name instead of silently used. The test's own server (DATABASE_URL's,
// data elsewhere) stands in for another checkout's.
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot, startDatabaseServer } from "./server";

const saved = { url: process.env.DATABASE_URL, port: process.env.BAZAAR_EMBEDDED_PG_PORT };
afterEach(() => {
  process.env.DATABASE_URL = saved.url;
  if (saved.port === undefined) delete process.env.BAZAAR_EMBEDDED_PG_PORT;
  else process.env.BAZAAR_EMBEDDED_PG_PORT = saved.port;
});

describe("startDatabaseServer without DATABASE_URL", () => {
  it("refuses a server of another folder on the embedded port, naming both folders and a way out", async () => {
    const serverUrl = process.env.BAZAAR_TEST_SERVER_URL!;
    const other = new pg.Client({ connectionString: serverUrl });
    await other.connect();
    const { rows } = await other.query<{ data_directory: string }>("show data_directory");
    await other.end();
    const port = new URL(serverUrl).port || "5432";

    delete process.env.DATABASE_URL;
    process.env.BAZAAR_EMBEDDED_PG_PORT = port;
    const started = startDatabaseServer({ log: () => undefined });
    await expect(started).rejects.toThrow(
      `127.0.0.1:${port} is taken by a PostgreSQL server whose data is in ${rows[0]!.data_directory}, not by this checkout's embedded database (${path.join(repoRoot, ".data", "postgres")}). ` +
        `Stop that one, or run this checkout's on another port: BAZAAR_EMBEDDED_PG_PORT=${Number(port) + 1} npm run demo (or set DATABASE_URL).`,
    );
  });
});
