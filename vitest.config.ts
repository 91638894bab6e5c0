import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const shared = { exclude: ["**/node_modules/**", "**/.next/**", "**/.next-*/**", "e2e/**"] };

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
          name: "integration",
          include: ["packages/*/src/**/*.integration.test.ts", "apps/*/src/**/*.integration.test.ts"],
          exclude: shared.exclude,
          globalSetup: ["./packages/db/src/testing/global-setup.ts"],
          // next-auth imports "next/server" without an extension, which Node's ESM loader refuses
          // outside Next; through Vite it resolves (the Auth.js configuration is tested as the apps run it).
          server: { deps: { inline: ["next-auth"] } },
          pool: "forks",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
