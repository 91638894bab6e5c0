// Where the local media store keeps uploaded files. Shared by the seed (which writes the demo
// product images) and every app (which serves them at /media/<key>), so it lives below both.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, found from the working directory first: Next.js bundles this file, so
 * `import.meta.url` in a built app may not point into the repository any more, while the apps
 * always run from `apps/<name>` inside it.
 */
function findRepoRoot(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "turbo.json")) && existsSync(path.join(dir, "packages", "db"))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
}

/** `UPLOAD_DIR` (relative paths are taken from the repository root) or `<repo>/.data/uploads`. */
export function localMediaDir(): string {
  const root = findRepoRoot();
  const configured = process.env.UPLOAD_DIR;
  return configured ? path.resolve(root, configured) : path.join(root, ".data", "uploads");
}
