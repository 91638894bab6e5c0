// Starts Bazaar: the database (embedded PostgreSQL unless DATABASE_URL is set), migrations,
// demo data on a fresh database, the three apps and the background worker.
//   node --import tsx scripts/start.ts [--dev] [--database NAME] [--fresh] [--no-seed] [--no-history] [--quiet] [--storefronts N] [--log FILE]
// A fresh database gets the demo data and ninety days of order history made through the app's own
// procedures (packages/api/src/demo); --no-history leaves the history out (the e2e suite's specs
// count on the seed's untouched stock and empty order lists).
// --storefronts 2 starts a second storefront instance on 3003 (+ offset), sharing the first one's
// page cache: it needs REDIS_URL (the e2e suite uses it to prove expiry in every instance).
// --log FILE keeps everything the start printed (the apps' and the seed's output too, even with
// --quiet) in FILE: the e2e run reads it to check that a fresh start prints no warnings.
// BAZAAR_PORT_OFFSET=N moves the apps to 3000+N, 3001+N, 3002+N and BAZAAR_DIST_DIR names the
// build folder (default .next), so several copies (tests, helpers) can run side by side.
// The apps listen on 127.0.0.1 unless BAZAAR_HOST says otherwise (0.0.0.0 for every interface);
// listening elsewhere, or using a database on another machine, needs real secrets.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { isLoopbackHost, resolveSecrets } from "@bazaar/api/secrets";
import { migrateDeploy } from "@bazaar/db/migrate";
import { dropDatabase, repoRoot, startDatabaseServer } from "@bazaar/db/server";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    database: { type: "string" },
    fresh: { type: "boolean", default: false },
    "no-seed": { type: "boolean", default: false },
    "no-history": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    log: { type: "string" },
    storefronts: { type: "string", default: "1" },
  },
});

const storefronts = Number(args.storefronts);
if (storefronts !== 1 && storefronts !== 2) {
  console.error(`[bazaar] --storefronts is 1 or 2 (got "${args.storefronts}").`);
  process.exit(1);
}
if (storefronts > 1 && !process.env.REDIS_URL) {
  console.error("[bazaar] --storefronts 2 needs REDIS_URL: the instances share their page cache there.");
  process.exit(1);
}

if (args.log) mkdirSync(path.dirname(path.resolve(args.log)), { recursive: true });
const logFile = args.log ? createWriteStream(path.resolve(args.log), { flags: "w" }) : null;
/** Prints a line (unless it is a child's and --quiet) and keeps it in the --log file. */
function emit(line: string, stream: NodeJS.WritableStream = process.stdout, quietable = false) {
  logFile?.write(line + "\n");
  if (!(quietable && args.quiet)) stream.write(line + "\n");
}

const portOffset = Number(process.env.BAZAAR_PORT_OFFSET ?? 0);
if (!Number.isInteger(portOffset) || portOffset < 0 || portOffset > 60000) {
  console.error(`[bazaar] BAZAAR_PORT_OFFSET must be a whole number from 0 to 60000 (got "${process.env.BAZAAR_PORT_OFFSET}").`);
  process.exit(1);
}
const distDir = process.env.BAZAAR_DIST_DIR ?? ".next";

export const apps = [
  { name: "storefront", port: 3000 + portOffset, urlVar: "STOREFRONT_URL" },
  { name: "seller-console", port: 3001 + portOffset, urlVar: "SELLER_CONSOLE_URL" },
  { name: "admin-console", port: 3002 + portOffset, urlVar: "ADMIN_CONSOLE_URL" },
] as const;
const appUrl = (port: number) => `http://localhost:${port}`;

const log = (line: string) => emit(`[bazaar] ${line}`);
const children: ChildProcess[] = [];
let stopping = false;

const host = process.env.BAZAAR_HOST ?? "127.0.0.1";
// A run on this machine only (apps on loopback, database embedded or on loopback) gets random
// secrets made on its first start (.data/secrets.json, git-ignored); anything else must bring its own.
const databaseIsLocal = !process.env.DATABASE_URL || isLoopbackHost(new URL(process.env.DATABASE_URL).hostname);
const resolved = resolveSecrets({ env: process.env, local: isLoopbackHost(host) && databaseIsLocal, file: path.join(repoRoot, ".data", "secrets.json") });
if (!resolved.ok) {
  console.error(
    `[bazaar] cannot start: ${isLoopbackHost(host) ? "the database is on another machine" : `the apps would listen on ${host}`}, so set real secrets: ${resolved.missing.join(", ")} ` +
      "(each a long random value, e.g. `openssl rand -base64 32`).",
  );
  process.exit(1);
}
const secrets = resolved.secrets;
if (resolved.generated.length) log(`using this checkout's own random ${resolved.generated.join(", ")} (.data/secrets.json)`);

const server = await startDatabaseServer({ database: args.database ?? process.env.BAZAAR_DATABASE ?? "bazaar" });
if (args.fresh) {
  const name = new URL(server.url).pathname.slice(1);
  log(`recreating database ${name}`);
  await dropDatabase(server.urlFor("postgres"), name);
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
}

log("applying migrations");
await migrateDeploy(server.url, { quiet: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...secrets,
  DATABASE_URL: server.url,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_TRUST_HOST: "true",
  BAZAAR_DIST_DIR: distDir,
  // The production apps log JSON lines (NODE_ENV=production); the worker too, unless in --dev.
  ...(args.dev || process.env.LOG_FORMAT ? {} : { LOG_FORMAT: "json" }),
  ...Object.fromEntries(apps.map((app) => [app.urlVar, appUrl(app.port)])),
  // A fresh database gets a fresh page cache (pages stored from the old one must not be served).
  ...(args.fresh ? { BAZAAR_PAGE_CACHE_NAMESPACE: `${new URL(server.url).pathname.slice(1)}-${Date.now()}` } : {}),
};

if (!args["no-seed"]) {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const { rows } = await client.query<{ n: number }>('select count(*)::int as n from "User"');
  await client.end();
  if (rows[0]?.n === 0) {
    log("seeding demo data");
    await run("seed", ["--import", "tsx", "packages/db/src/cli/seed.ts"], { DATABASE_URL: server.url });
    if (!args["no-history"]) {
      // Made through the app's own procedures (with its secrets, for the emails' signed links).
      log("adding 90 days of order history (a minute or two, once)");
      await run("history", ["--import", "tsx", "packages/api/src/demo/cli.ts"], env);
    }
  }
}

// V8 sizes its heap from the machine's memory (a 4 GB limit here) and, with that much room, lets a
// busy storefront's old generation fill with the garbage of its concurrent requests (promoted
// while they wait their turn) to about 300 MB before a full collection, for a live heap of about
// 70 MB. With a smaller limit it grows the heap less eagerly: peak RSS under the benchmark's page
// load went from 467-478 MB to 261-280 MB (limits of 256 to 512 all gave that), and over the
// whole benchmark from 523 to 314 MB. The price is collection time: on a quiet machine the
// storefront's CPU per add to cart rose from 13.3 to 14.5 ms and per order from 62.2 to 67.8 ms
// (page hits: within the noise). The stored pages are Buffers, outside this heap
// (cache-handler.mjs). A NODE_OPTIONS that sets its own limit wins: a machine with memory to
// spare and CPU to save can give `--max-old-space-size=4096`.
const STOREFRONT_HEAP_MB = 384;
const storefrontEnv: NodeJS.ProcessEnv =
  args.dev || /--max-old-space-size/.test(env.NODE_OPTIONS ?? "")
    ? env
    : { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, `--max-old-space-size=${STOREFRONT_HEAP_MB}`].filter(Boolean).join(" ") };

const nextBin = path.join(repoRoot, "node_modules", ".bin", "next");
// Node closes a keep-alive connection after 5 s idle by default; a client that sends on it just as
// it closes gets ECONNRESET (seen in e2e and benchmark runs after a pause of about 5 s). Kept open
// longer than the 60 s idle limit load balancers commonly use, so the client side closes first.
const KEEP_ALIVE_MS = 65_000;
const serveArgs = (port: number) => ["--port", String(port), "--hostname", host];
/** How an app is started: `next dev` or `next start`; the built storefront by its own server (server.mjs), which answers stored pages before Next. */
const appCommand = (name: string, port: number): [string, string[]] => {
  if (args.dev) return [nextBin, ["dev", ...serveArgs(port)]];
  const production = [...serveArgs(port), "--keepAliveTimeout", String(KEEP_ALIVE_MS)];
  return name.startsWith("storefront") ? [process.execPath, ["server.mjs", ...production]] : [nextBin, ["start", ...production]];
};

for (const app of apps) {
  const dir = path.join(repoRoot, "apps", app.name);
  if (!args.dev && !existsSync(path.join(dir, distDir, "BUILD_ID"))) {
    const how = distDir === ".next" ? "`npm run build`" : `\`BAZAAR_DIST_DIR=${distDir} npm run build\``;
    emit(`[bazaar] ${app.name} is not built in ${distDir}: run ${how} first (or \`npm run dev\`).`, process.stderr);
    await shutdown(1);
  }
  children.push(spawnChild(app.name, ...appCommand(app.name, app.port), dir, app.name === "storefront" ? storefrontEnv : env));
}

/** The second storefront instance (--storefronts 2): same build, same database, same page cache. */
const secondStorefront = { name: "storefront-2", port: 3003 + portOffset };
if (storefronts > 1) {
  children.push(
    spawnChild(secondStorefront.name, ...appCommand(secondStorefront.name, secondStorefront.port), path.join(repoRoot, "apps", "storefront"), storefrontEnv),
  );
}

const worker = path.join(repoRoot, "packages", "api", "src", "worker.ts");
if (existsSync(worker)) {
  // `next start` runs the apps as production; the worker must say so itself, or React (its emails)
  // runs its development build: about half again the CPU per email.
  const workerEnv = args.dev ? env : { ...env, NODE_ENV: "production" };
  children.push(spawnChild("worker", process.execPath, ["--import", "tsx", worker], repoRoot, workerEnv));
}

const [storefront, sellerConsole, adminConsole] = apps;
log(`storefront      ${appUrl(storefront.port)}`);
log(`seller console  ${appUrl(sellerConsole.port)}`);
log(`admin console   ${appUrl(adminConsole.port)}`);
if (storefronts > 1) log(`storefront 2    ${appUrl(secondStorefront.port)}`);
log(`database        ${server.embedded ? "embedded PostgreSQL (.data/postgres)" : "DATABASE_URL"}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

// One line once every app answers, for people and for Playwright's webServer (which waits for it).
await Promise.all([...apps, ...(storefronts > 1 ? [secondStorefront] : [])].map((app) => waitForHttp(appUrl(app.port))));
log("ready");

async function waitForHttp(url: string): Promise<void> {
  for (;;) {
    if (stopping) return;
    const answered = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function spawnChild(name: string, command: string, argv: string[], cwd: string, childEnv: NodeJS.ProcessEnv) {
  const child = spawn(command, argv, { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  forwardOutput(name, child, true);
  child.on("exit", (code) => {
    if (!stopping) {
      emit(`[bazaar] ${name} exited (${code}); stopping everything`, process.stderr);
      void shutdown(code ?? 1);
    }
  });
  return child;
}

/** A child's lines, each prefixed with its name, to the console (unless quietable and --quiet) and the log. */
function forwardOutput(name: string, child: ChildProcess, quietable: boolean) {
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) emit(`[${name}] ${line}`, stream, quietable);
  };
  child.stdout?.on("data", forward(process.stdout));
  child.stderr?.on("data", forward(process.stderr));
}

function run(name: string, argv: string[], extraEnv: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: repoRoot, env: { ...process.env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
    forwardOutput(name, child, false);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(" ")} exited with ${code}`))));
  });
}

async function shutdown(code: number): Promise<never> {
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on("exit", resolve)))));
  await server.stop();
  process.exit(code);
}
