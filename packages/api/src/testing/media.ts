// The local media store on a temporary folder for one test file: UPLOAD_DIR points into a fresh
// temporary root (UploadThing off) from beforeAll, and everything is put back in afterAll.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "../env";

/** Registers the hooks; the folders are known once beforeAll ran: `root` (outside the store) and `dir` (UPLOAD_DIR inside it). */
export function useTemporaryUploadDir(): { root: () => string; dir: () => string } {
  let root = "";
  const previous = process.env.UPLOAD_DIR;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "bazaar-media-"));
    process.env.UPLOAD_DIR = path.join(root, "uploads");
    delete process.env.UPLOADTHING_TOKEN;
    resetEnvCache();
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.UPLOAD_DIR;
    else process.env.UPLOAD_DIR = previous;
    resetEnvCache();
    await rm(root, { recursive: true, force: true });
  });
  return { root: () => root, dir: () => path.join(root, "uploads") };
}
