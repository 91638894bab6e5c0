// `node --import tsx packages/api/src/demo/cli.ts`: adds ninety days of order history to a freshly
// seeded demo database (DATABASE_URL), so that dashboards, charts and the sellers' money pages
// have a past on the first start. Run by scripts/start.ts after the demo seed.
import { ANALYZE_FILLED_TABLES, getDb } from "@bazaar/db";
import { getEnv } from "../env";
import { inngestIsConfigured } from "../events/client";
import { seedOrderHistory } from "./order-history";

// One line per function run and a warning per page-cache expiry (no storefront runs yet, and its
// cache starts empty) would bury the summary: only errors are worth printing here.
process.env.LOG_LEVEL ??= "error";
const env = getEnv();
// The history pays, emails and runs functions: only ever against the simulator, the local
// mailbox and the in-process runner, never a real Stripe account, inbox or Inngest app.
const real = [env.STRIPE_SECRET_KEY && "STRIPE_SECRET_KEY", env.SMTP_URL && "SMTP_URL", inngestIsConfigured(env) && "Inngest"].filter(Boolean);
if (real.length > 0) {
  console.log(`[history] not added: ${real.join(", ")} ${real.length > 1 ? "are" : "is"} configured, and the demo history only runs offline.`);
  process.exit(0);
}

const started = performance.now();
const db = getDb();
try {
  const result = await seedOrderHistory(db);
  if (!result) {
    console.log("[history] the database already has orders: no history added.");
  } else {
    await db.$executeRawUnsafe(ANALYZE_FILLED_TABLES);
    const states = Object.entries(result.byStatus)
      .map(([status, n]) => `${n} ${status.toLowerCase().replace("_", " ")}`)
      .join(", ");
    console.log(
      `[history] 90 days: ${result.orders} orders (${states}), ${result.refunds} refunds, ${result.returns} returns, ` +
        `${result.disputes} disputes, ${result.reviews} reviews, ${result.payouts} payouts, ${result.abandonedCarts} carts left in ${((performance.now() - started) / 1000).toFixed(1)}s`,
    );
  }
} finally {
  await db.$disconnect();
}
