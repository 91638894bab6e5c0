import { z } from "zod";

// Every setting Bazaar reads, validated once. Secrets have local defaults only outside
// production (tests, `next dev` run by hand), so a fresh clone runs with none set and a production start names what is missing.
// `next build` runs with NODE_ENV=production but bakes no secret into the build, so it checks
// the format of what is set and leaves missing secrets to the start of the server.
const PHASE_PRODUCTION_BUILD = "phase-production-build";

export interface EnvOptions {
  /** Refuse missing secrets instead of using the local defaults. */
  requireSecrets: boolean;
}

export function defaultEnvOptions(source: NodeJS.ProcessEnv = process.env): EnvOptions {
  return {
    // No escape hatch: a production server always gets real secrets (scripts/start.ts makes
    // random ones for a local run), so nothing written in the repository ever signs a session.
    requireSecrets: source.NODE_ENV === "production" && source.NEXT_PHASE !== PHASE_PRODUCTION_BUILD,
  };
}

const envSchema = ({ requireSecrets }: EnvOptions) => {
  const devDefault = (value: string) => (requireSecrets ? z.string().min(1) : z.string().min(1).default(value));
  return z.object({
    DATABASE_URL: z.url({ message: "must be a postgresql:// URL" }).optional(),
    AUTH_SECRET: devDefault("bazaar-local-development-secret-change-me"),
    STOREFRONT_URL: z.url().default("http://localhost:3000"),
    SELLER_CONSOLE_URL: z.url().default("http://localhost:3001"),
    ADMIN_CONSOLE_URL: z.url().default("http://localhost:3002"),
    STRIPE_SECRET_KEY: z.string().startsWith("sk_", "must start with sk_").optional(),
    STRIPE_PUBLISHABLE_KEY: z.string().startsWith("pk_", "must start with pk_").optional(),
    STRIPE_WEBHOOK_SECRET: devDefault("whsec_bazaar_local_simulator_secret"),
    CARRIER_WEBHOOK_SECRET: devDefault("carrier-local-secret"),
    UPLOADTHING_TOKEN: z.string().min(1).optional(),
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    INNGEST_BASE_URL: z.url().optional(),
    INNGEST_DEV: z.string().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().default("Bazaar <no-reply@bazaar.local>"),
    /** How long a signed-in buyer's cart sits untouched before the reminder email; the admin setting `cart.abandonmentDelaySeconds` overrides it. */
    CART_ABANDONMENT_DELAY_SECONDS: z.coerce.number().int().min(1).default(3600),
    UPLOAD_DIR: z.string().optional(),
    /** Bearer token for /api/metrics; without it metrics are served to loopback callers only, and not at all in production. */
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    /** The worker's metrics and health listener (default 9464 + BAZAAR_PORT_OFFSET, on 127.0.0.1). */
    WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    WORKER_METRICS_HOST: z.string().default("127.0.0.1"),
    BAZAAR_PORT_OFFSET: z.coerce.number().int().min(0).max(60000).default(0),
    /** The worker is not ready while the oldest due outbox row has waited longer than this. */
    READY_MAX_OUTBOX_LAG_SECONDS: z.coerce.number().int().min(1).default(300),
    /**
     * Names the storefront page cache's keys in Redis (see domain/catalog/cache-tags.ts): processes
     * that share a database share one. scripts/start.ts --fresh makes a new one with the database.
     */
    BAZAAR_PAGE_CACHE_NAMESPACE: z
      .string()
      .regex(/^[\w.-]{1,64}$/, "must be 1 to 64 letters, digits, dots, dashes or underscores")
      .default("default"),
    /** Throttling counters and the storefront's page cache in Redis (shared by every instance) instead of PostgreSQL and memory. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
  });
};

export type Env = z.infer<ReturnType<typeof envSchema>>;

let cached: Env | undefined;

/** Validates `source`; throws one message naming every bad or missing variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env, options: EnvOptions = defaultEnvOptions(source)): Env {
  const parsed = envSchema(options).safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Bazaar cannot start: invalid environment variables:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The validated environment of this process, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** For tests that change the environment. */
export function resetEnvCache(): void {
  cached = undefined;
}
