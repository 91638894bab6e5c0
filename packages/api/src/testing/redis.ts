// A Redis server for a test file. Preferred: a throwaway `redis-server` (Debian's package) on a
// free port, keeping nothing on disk, so the test needs no setup and touches nobody's data. Else
// the server REDIS_URL names. Neither: null, and the test says what it could not cover.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { connectRedis } from "../throttle/limits";

export interface TestRedis {
  url: string;
  /** "throwaway redis-server" or "REDIS_URL". */
  origin: string;
  stop(): Promise<void>;
}

/** How this machine can give a test a Redis, decided without starting anything (tests are declared from it). */
export function testRedisSource(): "redis-server" | "REDIS_URL" | null {
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0) return "redis-server";
  return process.env.REDIS_URL ? "REDIS_URL" : null;
}

export async function startTestRedis(): Promise<TestRedis | null> {
  const source = testRedisSource();
  if (source === "redis-server") return startThrowawayRedis();
  if (source === "REDIS_URL") {
    const url = process.env.REDIS_URL!;
    // Set means meant: an unreachable one fails the test, naming it.
    const client = await connectRedis(url).catch((error: unknown) => {
      throw new Error(`REDIS_URL is set (${url}) but no Redis answers there: ${String(error)}. Start it, or unset REDIS_URL.`);
    });
    await client.quit();
    return { url, origin: "REDIS_URL", stop: async () => undefined };
  }
  return null;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function startThrowawayRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", tmpdir()], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", reject);
    void exited.then((code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    origin: "throwaway redis-server",
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
