// The secrets a Bazaar start hands its apps. Nothing written in this repository may sign a session
// or a webhook of a running server: a local start (embedded or loopback database, apps listening
// on loopback only) gets random secrets made on its first start and kept in a git-ignored file;
// any other start must be given real ones, and is told which are missing.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const SECRET_NAMES = ["AUTH_SECRET", "STRIPE_WEBHOOK_SECRET", "CARRIER_WEBHOOK_SECRET"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
export type Secrets = Record<SecretName, string>;

const ZStoredSecrets = z.object(Object.fromEntries(SECRET_NAMES.map((name) => [name, z.string().min(32)])) as Record<SecretName, z.ZodString>);

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
export const isLoopbackHost = (host: string) => LOOPBACK_HOSTS.has(host) || host.startsWith("127.");

const fresh = (name: SecretName) => (name === "STRIPE_WEBHOOK_SECRET" ? "whsec_" : "") + randomBytes(32).toString("base64url");

/** The local secrets file's content, created (readable by its owner only) when it does not exist yet. */
export function localSecrets(file: string): Secrets {
  if (existsSync(file)) {
    const stored = ZStoredSecrets.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (stored.success) return stored.data;
  }
  const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, fresh(name)])) as Secrets;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export interface ResolveSecretsInput {
  env: Partial<Record<string, string | undefined>>;
  /** Every app listens on loopback and the database is on this machine. */
  local: boolean;
  /** Where a local start keeps its generated secrets (e.g. .data/secrets.json). */
  file: string;
}

export type ResolvedSecrets = { ok: true; secrets: Secrets; generated: SecretName[] } | { ok: false; missing: SecretName[] };

/** The secrets to start with: the environment's, then (locally only) the generated file's. */
export function resolveSecrets({ env, local, file }: ResolveSecretsInput): ResolvedSecrets {
  const missing = SECRET_NAMES.filter((name) => !env[name]);
  if (missing.length && !local) return { ok: false, missing };
  const generated = missing.length ? localSecrets(file) : null;
  const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, env[name] || generated![name]])) as Secrets;
  return { ok: true, secrets, generated: missing };
}
