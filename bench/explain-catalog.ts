// EXPLAIN (ANALYZE, BUFFERS) of every statement the catalogue's hot reads send, as the domain
// functions send them (text and parameters captured from Prisma), serial plans (see catalog-queries.ts).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mydb node --import tsx bench/explain-catalog.ts > plans.txt
import { getProductDetail } from "@bazaar/api/domain/catalog/product-detail";
import { didYouMean, productFacets, searchProducts } from "@bazaar/api/domain/catalog/search-products";
import { createPrismaClient } from "@bazaar/db";
import pg from "pg";

const url = new URL(process.env.DATABASE_URL ?? "");
url.searchParams.set("options", "-c max_parallel_workers_per_gather=0");
const db = createPrismaClient({ url: url.toString(), max: 1 });
const explainer = new pg.Client({ connectionString: url.toString() });
await explainer.connect();
const sent: { query: string; params: unknown[] }[] = [];
// createPrismaClient logs queries as events; its declared type does not say so.
const events = db as unknown as { $on(event: "query", listener: (event: { query: string; params: string }) => void): void };
events.$on("query", (event) => sent.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));

const product = (
  await db.$queryRaw<{ id: string; slug: string }[]>`
  SELECT p."id", p."slug" FROM "Product" p JOIN "Category" c ON c."id" = p."categoryId"
   WHERE c."slug" = 'audio' AND p."status" = 'ACTIVE' AND p."id" NOT LIKE 'cat\\_%' ORDER BY p."createdAt" LIMIT 1`
)[0];
if (!product) throw new Error("no active audio product: seed the demo first");

async function explain(name: string, call: () => Promise<unknown>) {
  await call();
  sent.length = 0;
  await call();
  for (const [i, statement] of sent.entries()) {
    const { rows } = await explainer.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`, statement.params);
    console.log(`\n### ${name}, statement ${i + 1} of ${sent.length}\n`);
    console.log(rows.map((row) => row["QUERY PLAN"]).join("\n"));
  }
}

await explain("product read", () => getProductDetail(db, { id: product.id }));
await explain("product read by slug (the product page)", () => getProductDetail(db, { slug: product.slug }));
await explain('search with a typo "hedphones"', () => searchProducts(db, { q: "hedphones" }));
await explain("listing facets (electronics)", () => productFacets(db, { category: "electronics" }));
await explain("listing facets (electronics, Colour:Black)", () => productFacets(db, { category: "electronics", options: ["Colour:Black"] }));
await explain("listing facets (electronics, Colour:Black or White)", () =>
  productFacets(db, { category: "electronics", options: ["Colour:Black", "Colour:White"] }),
);
await explain('did you mean "wireles hedphones"', () => didYouMean(db, "wireles hedphones"));
await explainer.end();
await db.$disconnect();
