import { timingSafeEqual } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@bazaar/db";
import { defaultEnvOptions, getEnv } from "../env";
import { metrics, readOutbox, watchOutbox } from "./metrics";

// /api/metrics, /api/health and /api/ready: the same answers from each app's route handlers and
// from the worker's own listener.

const NO_STORE = { "cache-control": "no-store" };
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1", "localhost"]);

export type MetricsAccess = { ok: true } | { ok: false; status: 401 | 403 | 404; message: string };

/**
 * Who may read metrics: with METRICS_TOKEN, whoever presents it as a bearer token; without it,
 * loopback callers only, and nobody in production (the app cannot tell a proxied caller from a
 * local one for sure there, so production needs the token).
 */
export function metricsAccess(authorization: string | null, remoteAddress: string | null | undefined): MetricsAccess {
  const token = getEnv().METRICS_TOKEN;
  if (token) {
    const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, "") ?? "");
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? { ok: true }
      : { ok: false, status: 401, message: "A valid bearer token is needed for metrics." };
  }
  if (defaultEnvOptions().requireSecrets) return { ok: false, status: 404, message: "Metrics are off: set METRICS_TOKEN to serve them." };
  const address = remoteAddress?.split(",")[0]?.trim();
  return address && LOOPBACK.has(address)
    ? { ok: true }
    : { ok: false, status: 403, message: "Metrics are served to loopback callers only (set METRICS_TOKEN to serve them elsewhere)." };
}

/** Prometheus text of this process's metrics (the outbox gauges read `db`). */
export async function metricsText(db: PrismaClient): Promise<{ body: string; contentType: string }> {
  watchOutbox(db);
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

/** GET /api/metrics of an app. Next.js puts the socket's address in X-Forwarded-For when the caller sent none. */
export async function metricsResponse(request: Request, db: PrismaClient): Promise<Response> {
  const access = metricsAccess(request.headers.get("authorization"), request.headers.get("x-forwarded-for"));
  if (!access.ok) return Response.json({ error: { message: access.message } }, { status: access.status, headers: NO_STORE });
  const { body, contentType } = await metricsText(db);
  return new Response(body, { headers: { "content-type": contentType, ...NO_STORE } });
}

/** Liveness: the process answers. */
export const healthResponse = () => Response.json({ status: "ok" }, { headers: NO_STORE });

export interface ReadinessCheck {
  ok: boolean;
  [detail: string]: unknown;
}
export interface Readiness {
  ready: boolean;
  checks: Record<string, ReadinessCheck>;
}

/** The migration folders shipped with this build, found from the working directory (the repository or an app in it). */
function expectedMigrations(): string[] | null {
  for (let dir = process.cwd(), i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const folder = path.join(dir, "packages", "db", "prisma", "migrations");
    if (existsSync(folder))
      return readdirSync(folder, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
  }
  return null;
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/** Readiness: the database answers and has every migration; with `outbox`, the event lag is under its limit. */
export async function checkReadiness(db: PrismaClient, options: { outbox?: boolean; now?: Date; timeoutMs?: number } = {}): Promise<Readiness> {
  const checks: Record<string, ReadinessCheck> = {};
  const timeoutMs = options.timeoutMs ?? 3000;
  const start = performance.now();
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, timeoutMs);
    checks.database = { ok: true, ms: Math.round(performance.now() - start) };
  } catch (error) {
    checks.database = { ok: false, error: error instanceof Error ? error.message.split("\n")[0] : "unreachable" };
    return { ready: false, checks };
  }
  try {
    const applied = await withTimeout(
      db.$queryRaw<
        { name: string; finished: boolean }[]
      >`SELECT migration_name AS name, finished_at IS NOT NULL AND rolled_back_at IS NULL AS finished FROM "_prisma_migrations"`,
      timeoutMs,
    );
    const done = new Set(applied.filter((m) => m.finished).map((m) => m.name));
    const unfinished = applied.filter((m) => !m.finished).map((m) => m.name);
    const missing = (expectedMigrations() ?? []).filter((name) => !done.has(name));
    checks.migrations = { ok: unfinished.length === 0 && missing.length === 0, applied: done.size, missing, unfinished };
  } catch (error) {
    checks.migrations = { ok: false, error: error instanceof Error ? error.message.split("\n")[0] : "unknown" };
  }
  if (options.outbox) {
    const limit = getEnv().READY_MAX_OUTBOX_LAG_SECONDS;
    const outbox = await readOutbox(db, options.now);
    checks.outbox = { ok: outbox.lagSeconds <= limit, lagSeconds: Math.round(outbox.lagSeconds), limitSeconds: limit, due: outbox.due };
  }
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}

/** GET /api/ready: 200 when ready, 503 (with what failed) when not. */
export async function readyResponse(db: PrismaClient, options: { outbox?: boolean } = {}): Promise<Response> {
  const readiness = await checkReadiness(db, options);
  return Response.json(
    { status: readiness.ready ? "ready" : "not ready", checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: NO_STORE },
  );
}
