import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Runs a Prisma CLI command against `url` from this package (where prisma.config.ts lives). */
export function runPrisma(args: string[], url: string, options: { quiet?: boolean } = {}): Promise<void> {
  const bin = path.join(packageDir, "node_modules", ".bin", "prisma");
  const fallback = path.resolve(packageDir, "../../node_modules/.bin/prisma");
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn(process.platform === "win32" ? "npx" : existsSync(bin) ? bin : fallback, args, {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} failed (exit ${code})\n${output}`))));
  });
}

/** Applies every committed migration that the database at `url` has not seen. */
export function migrateDeploy(url: string, options: { quiet?: boolean } = {}): Promise<void> {
  return runPrisma(["migrate", "deploy"], url, options);
}
