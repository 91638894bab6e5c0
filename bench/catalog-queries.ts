// The catalogue's hot reads, called as the storefront calls them (the domain functions, one
// connection), with the database CPU each costs: the backend's CPU time (/proc, so PostgreSQL on
// this machine) over `runs` calls, divided by them. Run it on a grown catalogue (grow-catalog.ts).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mydb node --import tsx bench/catalog-queries.ts [runs]
import { searchUsers } from "@bazaar/api/domain/accounts/manage-users";
import { readProductDetail } from "@bazaar/api/domain/catalog/product-detail";
import { didYouMean, listProductCards, productFacets, readSearchPage } from "@bazaar/api/domain/catalog/search-products";
import { listSellerProducts } from "@bazaar/api/domain/catalog/list-seller-products";
import { searchProductsForModeration } from "@bazaar/api/domain/catalog/moderation";
import { suggest } from "@bazaar/api/domain/catalog/suggest";
import type { Actor } from "@bazaar/api";
import { createPrismaClient, onQuery } from "@bazaar/db";
import { cpuMsOf } from "./lib/proc";
import { summarize } from "./lib/stats";

const runs = Number(process.argv[2] ?? 50);
// Without parallel workers: their CPU is in processes that exit before they can be read, so a
// parallel plan would look cheap; a serial one shows the whole work in the one backend.
const url = new URL(process.env.DATABASE_URL ?? "");
url.searchParams.set("options", "-c max_parallel_workers_per_gather=0");
const db = createPrismaClient({ url: url.toString(), max: 1 });
const pid = (await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]?.pid ?? 0;
const [product] = await db.$queryRaw<{ id: string; slug: string; categoryId: string }[]>`
  SELECT p."id", p."slug", p."categoryId" FROM "Product" p JOIN "Category" c ON c."id" = p."categoryId"
   WHERE c."slug" = 'audio' AND p."status" = 'ACTIVE' AND p."id" NOT LIKE 'cat\\_%' ORDER BY p."createdAt" LIMIT 1`;
if (!product) throw new Error("no active audio product: seed the demo first");
const shop = (await db.$queryRaw<{ slug: string }[]>`SELECT "slug" FROM "Seller" WHERE "status" = 'APPROVED' ORDER BY "createdAt" LIMIT 1`)[0]?.slug ?? "";
let statements = 0;
onQuery(() => statements++);

// Every backend of this database: a product read runs on the client's second pool (sqlOn's genericPlans).
const backends = async () =>
  (await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`).map(
    (row) => row.pid,
  );
const cpuOf = (pids: number[]) => pids.reduce((sum, backend) => sum + (cpuMsOf(backend) ?? 0), 0);

async function measure(name: string, call: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await call(); // warm the caches and the connections
  const pids = await backends();
  statements = 0;
  const cpuBefore = cpuOf(pids);
  const latencies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    latencies.push(performance.now() - started);
  }
  const cpu = (cpuOf(pids) - cpuBefore) / runs;
  const { p50Ms, p95Ms } = summarize(latencies);
  console.log(
    `${name.padEnd(34)} db CPU ${cpu.toFixed(2)} ms/call, ${(statements / runs).toFixed(0)} statements, p50 ${p50Ms.toFixed(1)} ms, p95 ${p95Ms.toFixed(1)} ms`,
  );
}

const { count } = (await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Product"`)[0]!;
console.log(`${count} products, ${runs} calls each, backend ${pid}`);
// As the API runs it (plans made once: sqlOn's genericPlans). The storefront's product page asks by slug.
await measure("product read (catalog.product)", () => readProductDetail(db, { id: product.id }));
await measure("  the same by slug", () => readProductDetail(db, { slug: product.slug }));
await measure("  its related products", () => listProductCards(db, { categoryId: product.categoryId, excludeId: product.id, sort: "rating", limit: 8 }));
// Searches as the API runs them (one read-only transaction, plans made once: readSearchPage).
await measure('search "headphones"', () => readSearchPage(db, { q: "headphones" }));
await measure('search with a typo "hedphones"', () => readSearchPage(db, { q: "hedphones" }));
await measure("  its page of cards", () => listProductCards(db, { q: "hedphones" }));
await measure("  its facet counts", () => productFacets(db, { q: "hedphones" }));
await measure("listing page (electronics, 24 cards)", () => listProductCards(db, { category: "electronics", limit: 24 }));
await measure("  by price", () => listProductCards(db, { category: "electronics", limit: 24, sort: "price_asc" }));
await measure("  by rating", () => listProductCards(db, { category: "electronics", limit: 24, sort: "rating" }));
await measure("  in stock", () => listProductCards(db, { category: "electronics", limit: 24, inStock: true }));
await measure("  Colour:Black", () => listProductCards(db, { category: "electronics", limit: 24, options: ["Colour:Black"] }));
// A category of a few products among many (and a slug that names none) must not walk the catalogue.
await measure("listing page, a slug naming no category", () => listProductCards(db, { category: "no-such-category", limit: 24 }));
await measure("listing facets (electronics)", () => productFacets(db, { category: "electronics" }));
await measure("  + a shop and a price band", () => productFacets(db, { category: "electronics", seller: shop, minPriceCents: 5000, maxPriceCents: 9999 }));
await measure("  + in stock", () => productFacets(db, { category: "electronics", inStock: true }));
await measure("  + an option value", () => productFacets(db, { category: "electronics", options: ["Colour:Black"] }));
// Neither is in the summary: counted from bounded samples (FACET_SAMPLE products per facet).
await measure("  + two option values", () => productFacets(db, { category: "electronics", options: ["Colour:Black", "Colour:White"] }));
await measure("  + a price cutting a band", () => productFacets(db, { category: "electronics", minPriceCents: 3_000 }));
await measure("whole catalogue, two option values", () => productFacets(db, { options: ["Colour:Black", "Colour:White"] }));
await measure("  + a price cutting a band", () => productFacets(db, { minPriceCents: 3_000 }));
await measure('did you mean "wireles hedphones"', () => didYouMean(db, "wireles hedphones"));
// The header's suggestions, asked as the buyer types.
await measure('suggestions "he"', () => suggest(db, "he"));
await measure('suggestions "zq" (two letters no name holds)', () => suggest(db, "zq"));
await measure('suggestions "hea"', () => suggest(db, "hea"));
await measure('suggestions "headph"', () => suggest(db, "headph"));
await measure('suggestions "headphones"', () => suggest(db, "headphones"));
await measure('suggestions "hedphones" (a typo)', () => suggest(db, "hedphones"));
await measure('suggestions "lamp"', () => suggest(db, "lamp"));
// The consoles' product searches: the largest shop's table (34,525 products at 100,000), and the
// administrator's moderation search over every shop. Two letters match the words they start.
const [largest] = await db.$queryRaw<{ sellerId: string }[]>`
  SELECT "sellerId" FROM "Product" GROUP BY "sellerId" ORDER BY count(*) DESC LIMIT 1`;
const consoleActor = (role: "SELLER" | "ADMIN", sellerId: string | null): Actor => ({
  userId: "bench",
  email: "bench@bazaar.test",
  name: null,
  role,
  status: "ACTIVE",
  sellerId,
  sellerStatus: sellerId ? "APPROVED" : null,
});
const seller = consoleActor("SELLER", largest?.sellerId ?? "");
const admin = consoleActor("ADMIN", null);
for (const q of ["he", "zq", "head", "zqzq"]) {
  await measure(`seller's table "${q}"`, () => listSellerProducts(db, seller, { q }));
  await measure(`moderation search "${q}"`, () => searchProductsForModeration(db, admin, { q }));
}
// The admin's users table (the catalogue's growth adds no users: bench/README.md, session 25, grows them).
await measure("users table, first page", () => searchUsers(db, admin, {}));
for (const q of ["jo", "zq", "gmail", "zzqqx"]) await measure(`users search "${q}"`, () => searchUsers(db, admin, { q }));
await db.$disconnect();
