// A fresh local start never accepts a session signed with anything written in this repository:
// scripts/start.ts hands the apps secrets from resolveSecrets, random on the first start; a
// start that is not local-only is refused unless given real secrets. Every string literal of
// the repository is tried as the signing secret of an admin session cookie, and refused.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// Auth.js's core, which next-auth runs inside the apps (next-auth itself needs Next's runtime).
import { Auth } from "@auth/core";
import { decode, encode } from "@auth/core/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "@bazaar/db/server";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { resetEnvCache } from "../env";
import { createAdmin } from "../testing/factories";
import { useDatabaseForHandlers } from "../testing/payments";
import { resolveSecrets, SECRET_NAMES, type Secrets } from "../secrets";
import { cookiesFor } from "./cookies";
import { authConfig } from "./config";
import { sessionReader } from "./session";

let t: TestDatabase;
let adminId: string;
let secrets: Secrets;
const secretsFile = path.join(mkdtempSync(path.join(tmpdir(), "bazaar-secrets-")), "secrets.json");
const saved = Object.fromEntries(SECRET_NAMES.map((name) => [name, process.env[name]]));

/** Every quoted value (no spaces, 8 to 200 characters) in the repository's tracked text files. */
function repositoryValues(): string[] {
  const files = execFileSync("git", ["ls-files"], { cwd: repoRoot, encoding: "utf8" })
    .split("\n")
    .filter((file) => file && !/package-lock\.json$|\.(png|jpe?g|ico|svg|woff2?|webp)$/.test(file));
  const values = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(path.join(repoRoot, file), "utf8");
    } catch {
      continue; // listed but absent (a file deleted in the work tree)
    }
    for (const match of text.matchAll(/"([^"\s]{8,200})"|'([^'\s]{8,200})'|`([^`\s]{8,200})`/g)) values.add(match[1] ?? match[2] ?? match[3]!);
  }
  return [...values];
}

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  adminId = (await createAdmin(t.db)).id;
  // What start.ts does on a fresh local checkout: nothing set, so secrets are made.
  const resolved = resolveSecrets({ env: {}, local: true, file: secretsFile });
  if (!resolved.ok) throw new Error("a local start must resolve its secrets");
  secrets = resolved.secrets;
  Object.assign(process.env, secrets);
  resetEnvCache();
});

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
  await t?.drop();
});

describe("secrets of a start", () => {
  it("are made once per checkout, readable by their owner only, and kept", () => {
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    const again = resolveSecrets({ env: {}, local: true, file: secretsFile });
    expect(again).toEqual({ ok: true, secrets, generated: [...SECRET_NAMES] });
    for (const name of SECRET_NAMES) expect(secrets[name].length).toBeGreaterThanOrEqual(32);
  });

  it("must be given when the apps listen beyond loopback or the database is elsewhere, and are named", () => {
    expect(resolveSecrets({ env: {}, local: false, file: secretsFile })).toEqual({ ok: false, missing: [...SECRET_NAMES] });
    expect(resolveSecrets({ env: { AUTH_SECRET: "x".repeat(40) }, local: false, file: secretsFile })).toEqual({
      ok: false,
      missing: ["STRIPE_WEBHOOK_SECRET", "CARRIER_WEBHOOK_SECRET"],
    });
  });

  it("appear nowhere in the repository", () => {
    const values = repositoryValues();
    for (const name of SECRET_NAMES) expect(values.some((value) => value.includes(secrets[name]))).toBe(false);
  });
});

describe("a session cookie forged with a value from the repository", () => {
  const app = "admin-console" as const;
  const cookieName = cookiesFor(app, false)!.sessionToken!.name!;
  const forge = (secret: string) => encode({ token: { sub: adminId, role: "ADMIN", name: "Forged" }, secret, salt: cookieName });
  const session = async (cookie: string) => {
    const request = new Request("http://localhost:3002/api/auth/session", { headers: { cookie: `${cookieName}=${cookie}` } });
    const response = await Auth(request, { ...authConfig(app), basePath: "/api/auth" } as Parameters<typeof Auth>[1]);
    return (await response.json()) as { user?: { id: string } } | null;
  };

  it("is refused by the admin console's session endpoint; one signed with the start's own secret is accepted", async () => {
    expect(await session(await forge(secrets.AUTH_SECRET))).toMatchObject({ user: { id: adminId } });
    expect(await session(await forge("bazaar-local-development-secret-change-me"))).toBeNull();
    // The same for the reader the apps' server code uses instead of the endpoint (session.ts).
    const read = sessionReader(app);
    expect(await read([{ name: cookieName, value: await forge(secrets.AUTH_SECRET) }])).toMatchObject({ user: { id: adminId, role: "ADMIN" } });
    expect(await read([{ name: cookieName, value: await forge("bazaar-local-development-secret-change-me") }])).toBeNull();
  });

  it("never opens a session, whichever repository value signed it", async () => {
    const values = repositoryValues();
    expect(values.length).toBeGreaterThan(1000);
    let refused = 0;
    for (const value of values) {
      const cookie = await forge(value);
      const opened = await decode({ token: cookie, secret: secrets.AUTH_SECRET, salt: cookieName }).catch(() => null);
      if (opened === null) refused += 1;
    }
    console.log(`[secrets] ${values.length} repository values tried as the session secret: ${refused} refused`);
    expect(refused).toBe(values.length);
  }, 120_000);
});
