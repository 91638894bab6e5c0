import { defaultEnvOptions, parseEnv, type Env } from "@bazaar/api/env";

/**
 * Validates the environment for `next build` or `next start` (called by next.config.ts).
 * The build checks formats only: secrets are read by the running server, so a build on a
 * machine without them still works and `next start` refuses to run without them.
 */
export function checkEnv(phase: string): Env {
  return parseEnv(process.env, phase === "phase-production-build" ? { requireSecrets: false } : defaultEnvOptions());
}

export { getEnv } from "@bazaar/api/env";
