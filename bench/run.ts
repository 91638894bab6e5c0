// `npm run bench`: measures the production builds on PostgreSQL and prints one table (and
// writes bench/results/<timestamp>.json). See bench/README.md for what each figure means.
//   npm run bench [-- --smoke] [--no-build] [--only ceiling,browse,cart,checkout,steps,browser] [--catalog N]
// A benchmark, not a test: a missed target is reported, never a failure. The exit code is 1 only
// when something is broken (a scenario crashed, a consistency check failed, or in --smoke mode
// any request failed), which is what CI runs --smoke for.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { repoRoot } from "@bazaar/db/server";
import { ANALYZE_FILLED_TABLES } from "@bazaar/db/statistics";
import { growCatalog } from "./lib/catalog";
import { createBenchCatalog, createBuyers, BENCH_PASSWORD, type BenchBuyer, type BenchCatalog } from "./lib/fixtures";
import { createHttpClient, mapConcurrent, signIn, type HttpClient } from "./lib/http";
import type { LoadFigures } from "./lib/load";
import { createCpuTracker, startMemorySampler } from "./lib/proc";
import { statementReader } from "./lib/statements";
import { atLeast, atMost, below, exactly, fmt, renderTable, type Row } from "./lib/report";
import { buildApps, missingBuilds, startStack, type Stack } from "./lib/stack";
import { runBrowse } from "./scenarios/browse";
import { runBrowserPages } from "./scenarios/browser";
import { runAddToCart, runHotSku, type SignedInBuyer } from "./scenarios/cart";
import { runCeiling, undoCeiling } from "./scenarios/ceiling";
import { runCheckout } from "./scenarios/checkout";
import { ORDER_STEPS, runOrderSteps } from "./scenarios/order-steps";
import { checkConsistency, inconsistencies } from "./scenarios/consistency";

const SCENARIOS = ["ceiling", "browse", "cart", "checkout", "steps", "browser"] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    only: { type: "string" },
    database: { type: "string" },
    /** Grow the catalogue to this many products (copies of the demo's, lib/catalog.ts) before measuring. */
    catalog: { type: "string" },
  },
});

const profiles = {
  full: {
    connections: 64,
    ceilingConnections: 64,
    skus: 1000,
    ceilingMs: 10_000,
    browseS: 15,
    warmupS: 3,
    cartMs: 15_000,
    buyersPerConnection: 4,
    burstUnits: 20,
    checkoutBuyers: 400,
    checkoutBudgetMs: 60_000,
    stepBuyers: 200,
    stepConcurrency: 4,
    browserRuns: 3,
  },
  // Seconds, not minutes: enough to prove every path still works end to end.
  smoke: {
    connections: 4,
    ceilingConnections: 8,
    skus: 1000,
    ceilingMs: 1000,
    browseS: 1,
    warmupS: 0.5,
    cartMs: 1000,
    buyersPerConnection: 2,
    burstUnits: 2,
    checkoutBuyers: 4,
    checkoutBudgetMs: 60_000,
    stepBuyers: 4,
    stepConcurrency: 2,
    browserRuns: 1,
  },
};
const catalogSize = args.catalog === undefined ? null : Number(args.catalog);
if (catalogSize !== null && !(Number.isInteger(catalogSize) && catalogSize > 0 && catalogSize <= 10_000_000)) {
  throw new Error(`--catalog takes a number of products (1 to 10,000,000); got "${args.catalog}"`);
}
const mode = args.smoke ? "smoke" : "full";
const profile = profiles[mode];
const only = new Set<Scenario>(args.only ? (args.only.split(",").map((name) => name.trim()) as Scenario[]) : SCENARIOS);
for (const name of only) if (!SCENARIOS.includes(name)) throw new Error(`--only takes ${SCENARIOS.join(", ")}; got "${name}"`);

const portOffset = Number(process.env.BAZAAR_PORT_OFFSET ?? 0);
const distDir = process.env.BAZAAR_DIST_DIR ?? ".next";
const database = args.database ?? `bazaar_bench_${portOffset}`;
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const resultsDir = path.join(repoRoot, "bench", "results");
mkdirSync(resultsDir, { recursive: true });
const log = (line: string) => console.log(`[bench] ${line}`);

const rows: Row[] = [];
const figures: Record<string, unknown> = {};
const broken: string[] = [];
const machine = {
  cpus: os.cpus().length,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 10) / 10),
};

/** Statements per operation by process, against the budget for the whole operation when it has one. */
const statementRows = (section: string, figure: string, perOperation: Record<string, number>, budget?: number): Row[] => {
  if (Object.keys(perOperation).length === 0) return [];
  const total = Math.round(((perOperation.storefront ?? 0) + (perOperation.worker ?? 0)) * 10) / 10;
  return [{ section, figure, value: `${statementsValue(perOperation)} (${fmt(total)} in all)`, ...(budget === undefined ? {} : atMost(total, budget)) }];
};

const cpuValue = (perRequest: Record<string, number>) =>
  `${fmt(perRequest.storefront ?? 0)} / ${fmt(perRequest.worker ?? 0)} / ${fmt(perRequest.postgres ?? 0)} ms`;

const totalCpu = (perRequest: Record<string, number>) => (perRequest.storefront ?? 0) + (perRequest.worker ?? 0) + (perRequest.postgres ?? 0);

const statementsValue = (perRequest: Record<string, number>) => `${fmt(perRequest.storefront ?? 0)} / ${fmt(perRequest.worker ?? 0)}`;

// CPU per request first: it measures the code, where req/s mostly measures the neighbours.
const loadRows = (
  section: string,
  load: LoadFigures,
  targets: { rps?: number; p95?: number; p99?: number; storefrontCpuMs?: number; totalCpuMs?: number; statements?: number } = {},
): Row[] => [
  { section, figure: "CPU/req storefront/worker/db", value: cpuValue(load.cpuMsPerRequest) },
  ...statementRows(section, "statements/req storefront/worker", load.statementsPerRequest, targets.statements),
  { section, figure: "req/s", value: fmt(load.reqPerSec), ...(targets.rps === undefined ? {} : atLeast(load.reqPerSec, targets.rps)) },
  { section, figure: "p50 / p95 / p99", value: `${fmt(load.latency.p50Ms)} / ${fmt(load.latency.p95Ms)} / ${fmt(load.latency.p99Ms)} ms` },
  ...(targets.p95 === undefined ? [] : [{ section, figure: "p95", value: fmt(load.latency.p95Ms, " ms"), ...below(load.latency.p95Ms, targets.p95, " ms") }]),
  ...(targets.p99 === undefined ? [] : [{ section, figure: "p99", value: fmt(load.latency.p99Ms, " ms"), ...below(load.latency.p99Ms, targets.p99, " ms") }]),
  // Smoke runs fail on requests that went wrong, never on slow ones (timeouts are only shown).
  ...(targets.storefrontCpuMs === undefined
    ? []
    : [
        {
          section,
          figure: "storefront CPU/req",
          value: fmt(load.cpuMsPerRequest.storefront ?? 0, " ms"),
          ...atMost(load.cpuMsPerRequest.storefront ?? 0, targets.storefrontCpuMs, " ms"),
        },
      ]),
  ...(targets.totalCpuMs === undefined
    ? []
    : [
        {
          section,
          figure: "CPU/req in all",
          value: fmt(totalCpu(load.cpuMsPerRequest), " ms"),
          ...atMost(totalCpu(load.cpuMsPerRequest), targets.totalCpuMs, " ms"),
        },
      ]),
  {
    section,
    figure: "errors / non-2xx / timeouts",
    value: `${load.errors} / ${load.non2xx} / ${load.timeouts}`,
    ...(mode === "smoke" ? exactly(load.errors + load.non2xx, 0) : {}),
  },
];

/** Runs one scenario; a crash is recorded (and makes the run fail) but the others still run. */
async function scenario(name: string, fn: () => Promise<void>) {
  log(`${name}...`);
  try {
    await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    broken.push(`${name}: ${message}`);
    rows.push({ section: name, figure: "BROKEN", value: message.split("\n")[0]?.slice(0, 100) ?? "", pass: false, correctness: true });
    console.error(`[bench] ${name} failed:`, error);
  }
}

async function signInAll(client: HttpClient, buyers: readonly BenchBuyer[]): Promise<SignedInBuyer[]> {
  return mapConcurrent(buyers, 16, async (buyer) => ({ id: buyer.id, cookie: await signIn(client, buyer.email, BENCH_PASSWORD) }));
}

async function main(): Promise<number> {
  if (!args["no-build"]) await buildApps(distDir, log);
  const missing = missingBuilds(distDir);
  if (missing.length) throw new Error(`not built in ${distDir}: ${missing.join(", ")} (run without --no-build)`);

  const stack: Stack = await startStack({ database, portOffset, distDir, logFile: path.join(resultsDir, `${stamp}.apps.log`), log });
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 8 });
  const memory = startMemorySampler(() => stack.processGroups());
  const client = createHttpClient(stack.urls.storefront, profile.connections * 2);
  // The database's share: the server processes serving the benchmark database's connections.
  const cpuOf = createCpuTracker();
  const cpu = async () => {
    const { rows: backends } = await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [database]);
    return cpuOf({ ...stack.processGroups(), postgres: backends.map((backend) => backend.pid) });
  };
  const statements = statementReader(stack.metrics, stack.metricsToken);
  // Read every second too, so a connection the apps' pools close mid-phase keeps its share.
  const cpuTicker = setInterval(() => void cpu().catch(() => undefined), 1000);
  try {
    log(`creating ${profile.skus} SKUs, a hot SKU and buyers`);
    const catalog: BenchCatalog = await createBenchCatalog(pool, profile.skus);
    const cartBuyers = await createBuyers(pool, "cart", profile.connections * profile.buyersPerConnection);
    const checkoutBuyers = await createBuyers(pool, "checkout", profile.checkoutBuyers);
    const stepBuyers = await createBuyers(pool, "steps", profile.stepBuyers);
    if (catalogSize !== null) {
      const grown = await growCatalog(pool, catalogSize);
      log(`catalogue grown from ${grown.before} to ${grown.after} products in ${(grown.ms / 1000).toFixed(1)} s`);
    }
    // A live database has planner statistics; a freshly seeded one has none until autovacuum
    // gets to it, and without them PostgreSQL plans the listing query for one-row tables. The
    // tables still empty (orders, payments, the ledger) are left unanalyzed, as the seed leaves them.
    await pool.query(ANALYZE_FILLED_TABLES);
    let signedIn: SignedInBuyer[] = [];
    const ceilings = { skus: 0, hot: 0 };

    if (only.has("ceiling") || only.has("cart")) {
      await scenario("ceiling", async () => {
        const skus = await runCeiling(stack.databaseUrl, {
          connections: profile.ceilingConnections,
          durationMs: profile.ceilingMs,
          stockLevelIds: catalog.stockLevelIds,
        });
        const hot = await runCeiling(stack.databaseUrl, {
          connections: profile.ceilingConnections,
          durationMs: profile.ceilingMs,
          stockLevelIds: [catalog.hot.stockLevelId],
        });
        await undoCeiling(pool);
        ceilings.skus = skus.tps;
        ceilings.hot = hot.tps;
        figures.ceiling = { skus, hot };
        const ceilingSection = `ceiling (raw SQL, ${profile.ceilingConnections} conns)`;
        rows.push(
          { section: ceilingSection, figure: `${profile.skus} SKUs tx/s`, value: fmt(skus.tps) },
          { section: ceilingSection, figure: "1 hot SKU tx/s", value: fmt(hot.tps) },
          { section: ceilingSection, figure: "p95 (SKUs / hot)", value: `${fmt(skus.latency.p95Ms)} / ${fmt(hot.latency.p95Ms)} ms` },
          { section: ceilingSection, figure: "db CPU/tx (SKUs / hot)", value: `${fmt(skus.dbCpuMsPerTx)} / ${fmt(hot.dbCpuMsPerTx)} ms` },
        );
        if (skus.errors + hot.errors > 0) throw new Error(`${skus.errors + hot.errors} ceiling transactions failed`);
      });
    }

    if (only.has("browse")) {
      await scenario("browse", async () => {
        const { rows: products } = await pool.query<{ slug: string }>(
          `SELECT p."slug" FROM "Product" p JOIN "Category" c ON c."id" = p."categoryId"
            WHERE p."status" = 'ACTIVE' AND p."sellerId" <> 'bench_seller' AND c."slug" = 'audio' ORDER BY p."createdAt" DESC LIMIT 1`,
        );
        const productSlug = products[0]?.slug;
        if (!productSlug) throw new Error("the demo seed has no active audio product");
        const browse = await runBrowse(
          stack.urls.storefront,
          {
            listingPath: "/c/electronics",
            productPath: `/products/${productSlug}`,
            listInput: { category: "electronics", limit: 24 },
            productInput: { slug: productSlug },
          },
          { connections: profile.connections, durationS: profile.browseS, warmupS: profile.warmupS, cpu },
        );
        figures.browse = browse;
        rows.push(
          // Stored pages (issue 12): served from the page cache, no render per request.
          ...loadRows("listing page /c/electronics", browse.listing, { rps: 1000, p99: 100, storefrontCpuMs: 1.5 }),
          ...loadRows("product page", browse.product, { storefrontCpuMs: 1.5 }),
          ...loadRows("catalog.list query", browse.listQuery, { rps: 800, p95: 40 }),
          ...loadRows("catalog.product query", browse.productQuery, { totalCpuMs: 2 }),
        );
      });
    }

    if (only.has("cart")) {
      await scenario("add to cart", async () => {
        log(`signing in ${cartBuyers.length} buyers`);
        signedIn = await signInAll(client, cartBuyers);
        const skus = await runAddToCart(client, signedIn, {
          connections: profile.connections,
          durationMs: profile.cartMs,
          variantIds: catalog.variantIds,
          cpu,
          statements,
        });
        const hot = await runHotSku(client, pool, signedIn, {
          connections: profile.connections,
          durationMs: profile.cartMs,
          burstUnits: profile.burstUnits,
          cpu,
          statements,
        });
        figures.addToCart = { skus, hot: hot.load, hotCheck: hot.check, ceilings };
        const share = (rps: number, ceiling: number) => (ceiling > 0 ? Math.round((rps / ceiling) * 1000) / 10 : 0);
        const skusShare = share(skus.reqPerSec, ceilings.skus);
        const hotShare = share(hot.load.reqPerSec, ceilings.hot);
        rows.push(
          // The 6 (transaction and reply), its BEGIN (reported since the add left Prisma's transaction, which
          // sends one without telling), and the session's user read every signed-in request makes.
          ...loadRows(`add to cart, ${profile.skus} SKUs`, skus, { statements: 6 }),
          { section: `add to cart, ${profile.skus} SKUs`, figure: "share of ceiling", value: fmt(skusShare, "%"), ...atLeast(skusShare, 35, "%") },
          ...loadRows("add to cart, 1 hot SKU", hot.load, { statements: 6 }),
          { section: "add to cart, 1 hot SKU", figure: "share of ceiling", value: fmt(hotShare, "%"), ...atLeast(hotShare, 40, "%") },
          {
            section: "add to cart, 1 hot SKU",
            figure: `last ${hot.check.burst.available} units, ${hot.check.burst.buyers} buyers`,
            value: `${hot.check.burst.succeeded} sold, ${hot.check.burst.refused} refused`,
            ...exactly(hot.check.burst.succeeded, hot.check.burst.available),
          },
          { section: "add to cart, 1 hot SKU", figure: "oversold units", value: String(hot.check.oversold), ...exactly(hot.check.oversold, 0) },
          {
            section: "add to cart, 1 hot SKU",
            figure: "units answered vs held",
            value: `${hot.check.unitsAnswered} / ${hot.check.unitsHeld}`,
            ...exactly(hot.check.mismatched, 0),
          },
        );
      });
    }

    if (only.has("checkout")) {
      await scenario("checkout", async () => {
        log(`signing in ${checkoutBuyers.length} buyers`);
        const buyers = await signInAll(client, checkoutBuyers);
        log(`${buyers.length} buyers ordering`);
        const result = await runCheckout(client, pool, buyers, {
          connections: profile.connections,
          variantIds: catalog.variantIds,
          budgetMs: profile.checkoutBudgetMs,
          splitTimeoutMs: 300_000,
          cpu,
          statements,
        });
        figures.checkout = result;
        const section = `checkout to confirmed, ${result.attempted} buyers`;
        rows.push(
          { section, figure: "CPU/order storefront/worker/db", value: cpuValue(result.cpuMsPerOrder) },
          // Add to cart, checkout, the simulator's payment and its webhook (with the ledger split), and the worker's mails and other listeners.
          ...statementRows(section, "statements/order storefront/worker", result.statementsPerOrder),
          { section, figure: "orders/s (split, confirmation mailed)", value: fmt(result.ordersPerSec), ...atLeast(result.ordersPerSec, 100) },
          {
            section,
            figure: "checkout p50 / p95 / p99",
            value: `${fmt(result.checkout.p50Ms)} / ${fmt(result.checkout.p95Ms)} / ${fmt(result.checkout.p99Ms)} ms`,
          },
          { section, figure: "checkout p95", value: fmt(result.checkout.p95Ms, " ms"), ...below(result.checkout.p95Ms, 150, " ms") },
          { section, figure: "add / pay p95", value: `${fmt(result.addToCart.p95Ms)} / ${fmt(result.pay.p95Ms)} ms` },
          { section, figure: "confirmed / failed", value: `${result.confirmed} / ${result.failed}`, ...exactly(result.confirmed, result.attempted) },
        );
        if (result.failures.length) log(`checkout failures, first few:\n  ${result.failures.join("\n  ")}`);
      });
    }

    if (only.has("steps")) {
      await scenario("order steps", async () => {
        log(`signing in ${stepBuyers.length} buyers`);
        const buyers = await signInAll(client, stepBuyers);
        // The phases before left dead rows and stale statistics: autovacuum would clean up during the
        // steps (its workers count as the database's CPU) and plans would be made for empty tables.
        await pool.query("VACUUM ANALYZE");
        log(`${buyers.length} buyers ordering step by step, ${profile.stepConcurrency} at a time`);
        const result = await runOrderSteps(client, pool, buyers, {
          concurrency: profile.stepConcurrency,
          variantIds: catalog.variantIds,
          confirmTimeoutMs: 120_000,
          cpu,
          statements,
        });
        figures.orderSteps = result;
        // CPU as storefront / worker / db, statements as storefront / worker, per order.
        const section = `order step by step, ${result.orders} buyers, ${result.concurrency} at once`;
        const labels = { add: "add to cart", checkout: "checkout", pay: "pay (card, webhook, split)", mails: "worker's mails (rest)" };
        for (const step of ORDER_STEPS) {
          rows.push({
            section,
            figure: `${labels[step]}: CPU; statements`,
            value: `${cpuValue(result.cpuMsPerOrder[step])}; ${statementsValue(result.statementsPerOrder[step])}`,
          });
        }
        const total = ORDER_STEPS.reduce((sum, step) => sum + totalCpu(result.cpuMsPerOrder[step]), 0);
        rows.push(
          { section, figure: "CPU per order in all", value: fmt(Math.round(total * 10) / 10, " ms") },
          { section, figure: "unconfirmed orders", value: String(result.unconfirmed), ...exactly(result.unconfirmed, 0) },
        );
      });
    }

    await scenario("consistency", async () => {
      const consistency = await checkConsistency(pool);
      figures.consistency = consistency;
      const problems = (Object.entries(consistency) as [string, number][]).filter(([, count]) => count > 0);
      rows.push({
        section: "consistency (whole database)",
        figure: "oversell, holds, ledger, splits",
        value: problems.length ? problems.map(([name, count]) => `${name} ${count}`).join(", ") : "0 problems",
        ...exactly(inconsistencies(consistency), 0),
      });
    });

    if (only.has("browser")) {
      await scenario("browser", async () => {
        const { rows: products } = await pool.query<{ slug: string }>(
          `SELECT p."slug" FROM "Product" p JOIN "Category" c ON c."id" = p."categoryId"
            WHERE p."status" = 'ACTIVE' AND p."sellerId" <> 'bench_seller' AND c."slug" = 'audio' ORDER BY p."createdAt" DESC LIMIT 1`,
        );
        const cartCookie = signedIn[0]?.cookie ?? (await signIn(client, cartBuyers[0]?.email ?? "", BENCH_PASSWORD));
        const pages = await runBrowserPages(
          stack.urls.storefront,
          [
            { name: "home", path: "/" },
            { name: "listing", path: "/c/electronics" },
            { name: "product", path: `/products/${products[0]?.slug ?? "missing"}` },
            { name: "cart", path: "/cart", cookie: cartCookie },
          ],
          profile.browserRuns,
        );
        figures.browser = pages;
        for (const [name, page] of Object.entries(pages)) {
          const section = `browser: ${name} (${page.path.length > 24 ? page.path.slice(0, 23) + "…" : page.path})`;
          if (page.status !== 200) throw new Error(`${page.path} answered ${page.status}`);
          rows.push(
            {
              section,
              figure: "JS (gzip)",
              value: `${fmt(page.jsGzipKb, " KB")} in ${page.scripts} files`,
              ...(name === "listing" || name === "product" ? atMost(page.jsGzipKb, 150, " KB") : {}),
            },
            { section, figure: "LCP / FCP", value: `${page.lcpMs} / ${page.fcpMs} ms` },
            ...(name === "listing" ? [{ section, figure: "LCP", value: `${page.lcpMs} ms`, ...below(page.lcpMs, 1000, " ms") }] : []),
            { section, figure: "total blocking time", value: `${page.tbtMs} ms` },
          );
        }
      });
    }

    const memoryFigures = memory.stop();
    figures.memory = memoryFigures;
    for (const [name, mem] of Object.entries(memoryFigures)) {
      const isApp = name !== "worker";
      rows.push({
        section: "peak RSS (VmHWM, with children)",
        figure: name,
        value: `${mem.peakMb} MB`,
        ...(isApp ? below(mem.peakMb, 400, " MB") : {}),
      });
    }
  } finally {
    clearInterval(cpuTicker);
    client.close();
    await pool.end();
    log("stopping the apps");
    await stack.stop();
  }
  return 0;
}

const exitCode = await main().catch((error: unknown) => {
  broken.push(error instanceof Error ? error.message : String(error));
  console.error("[bench] failed:", error);
  return 1;
});

const misses = rows.filter((row) => row.pass === false);
const breakage = broken.length > 0 || misses.some((row) => row.correctness);
const summary = `${rows.filter((row) => row.pass).length} pass, ${misses.filter((row) => !row.correctness).length} miss (speed), ${misses.filter((row) => row.correctness).length} broken`;
const load = os.loadavg().map((v) => Math.round(v * 10) / 10);
console.log(
  `\nBazaar benchmark (${mode}) ${stamp}: ${machine.cpus} cores, load average ${machine.loadAverageAtStart.join(" ")} at start, ${load.join(" ")} at end; ${process.env.DATABASE_URL ? "PostgreSQL at DATABASE_URL" : "embedded PostgreSQL"}\n`,
);
console.log(renderTable(rows));
for (const problem of broken) console.log(`BROKEN ${problem.split("\n")[0] ?? ""}`);
console.log(`\n${summary}${mode === "smoke" ? " (smoke: figures are meaningless, only breakage counts)" : ""}`);
const file = path.join(resultsDir, `${stamp}.json`);
writeFileSync(
  file,
  JSON.stringify({ mode, startedAt: stamp, machine: { ...machine, loadAverageAtEnd: load }, database, profile, rows, figures, broken }, null, 2) + "\n",
);
console.log(`results: ${path.relative(repoRoot, file)}`);
process.exit(exitCode !== 0 || breakage ? 1 : 0);
