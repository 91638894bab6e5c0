import { z } from "zod";

// Every setting Bazaar reads, validated once. Secrets have local defaults only outside
// production, so a fresh clone runs with none set and a production start names what is missing.
const isProduction = process.env.NODE_ENV === "production" && process.env.BAZAAR_ALLOW_DEV_SECRETS !== "1";
const devDefault = (value: string) => (isProduction ? z.string().min(1) : z.string().min(1).default(value));

const ZEnvSchema = z.object({
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
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().default("Bazaar <no-reply@bazaar.local>"),
  UPLOAD_DIR: z.string().optional(),
});

export type Env = z.infer<typeof ZEnvSchema>;

let cached: Env | undefined;

/** The validated environment; throws one message naming every bad or missing variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = ZEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Bazaar cannot start: invalid environment variables:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change the environment. */
export function resetEnvCache(): void {
  cached = undefined;
}
