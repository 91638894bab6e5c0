import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const shared = { exclude: ["**/node_modules/**", "**/.next/**", "**/.next-*/**", "e2e/**"] };

const integrationFiles = ["packages/*/src/**/*.integration.test.ts", "apps/*/src/**/*.integration.test.ts"];

/** Integration files that change environment variables, the upload folder, the throttle's store or the clock: each in a fresh process. */
const ownProcess = [
  "packages/api/src/auth/forged-session.integration.test.ts",
  "packages/api/src/domain/catalog/storefront-expiry.integration.test.ts",
  "packages/api/src/domain/returns/returns.integration.test.ts",
  "packages/api/src/domain/transaction.integration.test.ts",
  "packages/api/src/http/inngest.integration.test.ts",
  "packages/api/src/http/media.integration.test.ts",
  "packages/api/src/http/payment-simulator.integration.test.ts",
  "packages/api/src/mail/mail.integration.test.ts",
  "packages/api/src/throttle/shared-store.integration.test.ts",
  "packages/api/src/throttle/throttle.integration.test.ts",
  "packages/db/src/server.integration.test.ts",
];

const integration = {
  exclude: shared.exclude,
  globalSetup: ["./packages/db/src/testing/global-setup.ts"],
  // next-auth imports "next/server" without an extension, which Node's ESM loader refuses
  // outside Next; through Vite it resolves (the Auth.js configuration is tested as the apps run it).
  server: { deps: { inline: ["next-auth"] } },
  pool: "forks" as const,
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

// Tests by suffix: *.test.ts are pure (no database); *.integration.test.ts get a real,
// freshly cloned PostgreSQL database per file; Playwright's e2e/*.spec.ts run separately.
export default defineConfig({
  test: {
    // Integration files spend much of their time waiting on PostgreSQL (which runs beside them):
    // one fork per core left the two cores of CI half idle; half again as many keeps them busy
    // (103 files: 306 s -> 197 s on this 2-core machine).
    maxWorkers: Math.max(2, Math.ceil(availableParallelism() * 1.5)),
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: [...shared.exclude, "**/*.integration.test.ts"],
        },
      },
      {
        test: {
          ...integration,
          name: "integration",
          include: integrationFiles,
          exclude: [...shared.exclude, ...ownProcess],
          // Files share their worker's modules (importing the API once per worker, not once per
          // file: 197 s -> 110 s here). They never change the process's configuration, so what one
          // file leaves cached (the environment, the throttle's store) is what the next expects.
          isolate: false,
        },
      },
      {
        test: { ...integration, name: "integration-own-process", include: ownProcess },
      },
    ],
  },
});
