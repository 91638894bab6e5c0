import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { appUrls, portOffset, startLog } from "./e2e/support/urls";

// Debian's Chromium where it exists (this machine, CI); otherwise Playwright's own build
// (`npx playwright install chromium` on a laptop). Its headless shell first, as Playwright's own
// headless runs use: the full browser's headless mode costs more CPU per page (the 66 tests took
// 22 min with it in CI, which is bound by its 2 cores; the admin-pages and checkout specs went from
// 80 s to 67 s of CPU).
const executablePath = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"].find((candidate): candidate is string =>
  Boolean(candidate && existsSync(candidate)),
);

const urls = appUrls();

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // No retries anywhere: a check that passes only on a second try is a bug to fix, not to hide.
  retries: 0,
  // Two cores run three Next servers and PostgreSQL; more browsers would only slow them down.
  workers: process.env.CI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]] : "list",
  use: {
    baseURL: urls.storefront,
    headless: true,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            // Chromium looks up Google hosts on its own; this machine (and CI) have no internet.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
          ],
        },
      },
    },
  ],
  // The three production builds on a fresh, seeded database of their own, with a second storefront
  // instance sharing the first one's page cache in Redis (e2e/storefront/page-cache.spec.ts).
  webServer: {
    command: `node --import tsx scripts/start.ts --database bazaar_e2e_${portOffset} --fresh --no-history --quiet --storefronts 2 --log ${startLog}`,
    url: `${urls.admin}/sign-in`,
    // start.ts prints "ready" once all three apps answer.
    wait: { stdout: /\[bazaar\] ready/ },
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1", REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
