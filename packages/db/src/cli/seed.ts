// `node --import tsx packages/db/src/cli/seed.ts`: seeds the demo marketplace into the (empty)
// database at DATABASE_URL. Run by scripts/start.ts on a fresh database; does nothing when users exist.
import { createPrismaClient } from "../client";
import { ANALYZE_FILLED_TABLES } from "../statistics";
import { localMediaDir } from "../media-dir";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from "../seed";

const started = performance.now();
const db = createPrismaClient({ max: 4 });
try {
  const result = await seedDemoData(db);
  if (!result) {
    console.log("[seed] the database already has users: demo data not added.");
  } else {
    // Planner statistics now, not when autovacuum gets round to it: a fresh database believes
    // every table has one row and plans the listing query to read the whole catalogue (74 ms
    // instead of 12 ms, bench/README.md finding 1). Only the filled tables (statistics.ts).
    await db.$executeRawUnsafe(ANALYZE_FILLED_TABLES);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[seed] ${result.users} users, ${result.sellers.approved} approved + ${result.sellers.pending} pending sellers, ` +
        `${result.categories} categories, ${result.products.total} products (${result.products.draft} drafts), ` +
        `${result.images} images in ${localMediaDir()}, ${result.warehouses} warehouses, ${result.reviews} reviews in ${seconds}s`,
    );
    console.log(`[seed] demo logins (password for all: ${DEMO_PASSWORD})`);
    const width = Math.max(...DEMO_LOGINS.map((l) => l.email.length));
    for (const login of DEMO_LOGINS) console.log(`[seed]   ${login.email.padEnd(width)}  ${login.role.padEnd(6)}  ${login.note}`);
    console.log(`[seed] promo codes: WELCOME10 (10% off), SAVE5 ($5 off $30+); ${result.skus.exactlyFive} has exactly 5 in stock`);
  }
} finally {
  await db.$disconnect();
}
