// The system under test: the production builds of the three apps and the worker, started by
// scripts/start.ts on a fresh database of the benchmark's own, exactly as `npm start` runs them.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import path from "node:path";
import { repoRoot, startDatabaseServer } from "@bazaar/db/server";
import { childrenOf, type ProcessGroups } from "./proc";

export const APPS = ["storefront", "seller-console", "admin-console"] as const;
export type AppName = (typeof APPS)[number];

export interface StackOptions {
  database: string;
  portOffset: number;
  distDir: string;
  /** Where start.ts's output goes (the apps' logs explain a 500). */
  logFile: string;
  log: (line: string) => void;
}

export interface Stack {
  urls: Record<AppName, string>;
  /** Prometheus text of the storefront and of the worker (their database query counts), read with `metricsToken`. */
  metrics: { storefront: string; worker: string };
  metricsToken: string;
  /** The benchmark database (the one the apps use). */
  databaseUrl: string;
  /** The app and worker processes, each with its descendants (what their memory is). */
  processGroups(): ProcessGroups;
  stop(): Promise<void>;
}

// 127.0.0.1 rather than localhost: no resolver in the load generator's hot path.
const urlsFor = (offset: number): Record<AppName, string> => ({
  storefront: `http://127.0.0.1:${3000 + offset}`,
  "seller-console": `http://127.0.0.1:${3001 + offset}`,
  "admin-console": `http://127.0.0.1:${3002 + offset}`,
});

export function missingBuilds(distDir: string): AppName[] {
  return APPS.filter((app) => !existsSync(path.join(repoRoot, "apps", app, distDir, "BUILD_ID")));
}

/** `turbo run build` for the apps into `distDir` (a cache hit when nothing changed). */
export async function buildApps(distDir: string, log: (line: string) => void): Promise<void> {
  log(`building the apps into ${distDir} (turbo; cached when nothing changed)`);
  const args = ["turbo", "run", "build", "--output-logs=errors-only", ...APPS.map((app) => `--filter=./apps/${app}`)];
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npx", args, {
      cwd: repoRoot,
      stdio: "inherit",
      env: { ...process.env, BAZAAR_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`building the apps failed (turbo exited with ${code})`))));
  });
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const urls = urlsFor(options.portOffset);
  await refuseBusyPorts(urls);
  // Production apps serve /api/metrics only with a token (the statement counts come from there).
  const metricsToken = randomBytes(24).toString("hex");
  const logStream = createWriteStream(options.logFile);
  const tail: string[] = [];
  options.log(
    `starting the apps (scripts/start.ts --database ${options.database} --fresh --no-history); their output: ${path.relative(repoRoot, options.logFile)}`,
  );
  // --no-history: the benchmark measures its own traffic on the seed's catalogue, and its
  // consistency check counts every entry-less ledger transaction, which the demo's history has.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--database", options.database, "--fresh", "--no-history"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      BAZAAR_PORT_OFFSET: String(options.portOffset),
      BAZAAR_DIST_DIR: options.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      METRICS_TOKEN: metricsToken,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    logStream.write(chunk);
    for (const line of chunk.toString().split("\n")) if (line.trim()) tail.push(line);
    if (tail.length > 60) tail.splice(0, tail.length - 60);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 30_000).unref());
      if ((await Promise.race([exited, timeout])) === "timeout") child.kill("SIGKILL");
    }
    await exited;
    logStream.end();
  };

  try {
    await waitUntilUp(urls, child, exited, tail);
  } catch (error) {
    await stop();
    throw error;
  }
  // start.ts has created (and migrated) the database by now; this only works out its URL.
  const server = await startDatabaseServer({ database: options.database, log: () => undefined });
  options.log(`apps up: ${Object.values(urls).join(", ")}`);
  const metrics = { storefront: `${urls.storefront}/api/metrics`, worker: `http://127.0.0.1:${9464 + options.portOffset}/metrics` };
  return { urls, metrics, metricsToken, databaseUrl: server.url, processGroups: () => groupProcesses(child), stop };
}

async function refuseBusyPorts(urls: Record<AppName, string>) {
  for (const url of Object.values(urls)) {
    const answered = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      () => true,
      () => false,
    );
    if (answered) throw new Error(`Something already listens on ${url}: stop it or pick another BAZAAR_PORT_OFFSET.`);
  }
}

async function waitUntilUp(urls: Record<AppName, string>, child: ChildProcess, exited: Promise<number | null>, tail: string[]) {
  // Migrations, the seed (fresh database) and three `next start`s: a minute on a busy 2-core box.
  const deadline = Date.now() + 300_000;
  const probes: [AppName, string][] = [
    ["storefront", "/api/auth/csrf"],
    ["seller-console", "/api/auth/csrf"],
    ["admin-console", "/api/auth/csrf"],
  ];
  let dead = false;
  void exited.then(() => (dead = true));
  for (const [app, probe] of probes) {
    for (;;) {
      if (dead) throw new Error(`scripts/start.ts exited (${child.exitCode}) before the apps were up:\n${tail.join("\n")}`);
      if (Date.now() > deadline) throw new Error(`${app} did not answer within 5 minutes:\n${tail.join("\n")}`);
      const ok = await fetch(urls[app] + probe, { signal: AbortSignal.timeout(5000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** start.ts's children by what they are; each app's Next server may have children of its own. */
function groupProcesses(child: ChildProcess): ProcessGroups {
  const groups: ProcessGroups = {};
  if (child.pid === undefined) return groups;
  for (const { pid, cwd, cmdline } of childrenOf(child.pid)) {
    const app = APPS.find((name) => cwd.endsWith(path.join("apps", name)));
    const name = app ?? (cmdline.includes("worker.ts") ? "worker" : null);
    if (name) (groups[name] ??= []).push(pid);
  }
  return groups;
}
