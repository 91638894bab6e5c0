// Starts Bazaar: the database (embedded PostgreSQL unless DATABASE_URL is set), migrations,
// demo data on a fresh database, the three apps and the background worker.
//   node --import tsx scripts/start.ts [--dev] [--database NAME] [--fresh] [--no-seed] [--quiet]
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateDeploy } from "@bazaar/db/migrate";
import { dropDatabase, repoRoot, startDatabaseServer } from "@bazaar/db/server";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    database: { type: "string" },
    fresh: { type: "boolean", default: false },
    "no-seed": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
});

export const apps = [
  { name: "storefront", port: 3000 },
  { name: "seller-console", port: 3001 },
  { name: "admin-console", port: 3002 },
] as const;

const log = (line: string) => console.log(`[bazaar] ${line}`);
const children: ChildProcess[] = [];
let stopping = false;

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

if (!args["no-seed"]) {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const { rows } = await client.query<{ n: number }>('select count(*)::int as n from "User"');
  await client.end();
  if (rows[0]?.n === 0) {
    log("seeding demo data");
    await run(["--import", "tsx", "packages/db/src/cli/seed.ts"], { DATABASE_URL: server.url });
  }
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: server.url,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_TRUST_HOST: "true",
  // The embedded database means a local run: local secrets are fine there.
  ...(server.embedded && !process.env.AUTH_SECRET ? { BAZAAR_ALLOW_DEV_SECRETS: "1" } : {}),
};

for (const app of apps) {
  const dir = path.join(repoRoot, "apps", app.name);
  if (!args.dev && !existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    console.error(`[bazaar] ${app.name} is not built: run \`npm run build\` first (or \`npm run dev\`).`);
    await shutdown(1);
  }
  const next = path.join(repoRoot, "node_modules", ".bin", "next");
  const command = args.dev ? ["dev", "--port", String(app.port)] : ["start", "--port", String(app.port)];
  children.push(spawnChild(app.name, next, command, dir, env));
}

const worker = path.join(repoRoot, "packages", "api", "src", "worker.ts");
if (existsSync(worker)) {
  children.push(spawnChild("worker", process.execPath, ["--import", "tsx", worker], repoRoot, env));
}

log(`storefront      http://localhost:3000`);
log(`seller console  http://localhost:3001`);
log(`admin console   http://localhost:3002`);
log(`database        ${server.embedded ? "embedded PostgreSQL (.data/postgres)" : "DATABASE_URL"}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

function spawnChild(name: string, command: string, argv: string[], cwd: string, childEnv: NodeJS.ProcessEnv) {
  const child = spawn(command, argv, { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}] `;
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    if (args.quiet) return;
    for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(prefix + line + "\n");
  };
  child.stdout?.on("data", forward(process.stdout));
  child.stderr?.on("data", forward(process.stderr));
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`[bazaar] ${name} exited (${code}); stopping everything`);
      void shutdown(code ?? 1);
    }
  });
  return child;
}

function run(argv: string[], extraEnv: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: repoRoot, env: { ...process.env, ...extraEnv }, stdio: "inherit" });
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
