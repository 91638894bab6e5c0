// `with-db <command...>`: runs a command (the Prisma CLI) with DATABASE_URL pointing at the
// project's database, starting the embedded PostgreSQL first when DATABASE_URL is not set.
import { spawn } from "node:child_process";
import { startDatabaseServer } from "../server";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: with-db <command> [args...]");
  process.exit(2);
}
const server = await startDatabaseServer();
const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: server.url } });
const code: number = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? 1)));
await server.stop();
process.exit(code);
