// Grows a database's catalogue to `n` products in SQL, in seconds: copies of the demo products
// (every seller but the benchmark's own), each with its source's options, variants, images and
// stock rows, plus 0 to 5 reviews with varied ratings (and the product's rating kept in step),
// then VACUUM ANALYZE. Copies are named `cat_<k>` so a second call only adds what is missing.
//   DATABASE_URL=postgresql://... node --import tsx bench/grow-catalog.ts 100000
import type pg from "pg";

export interface GrowResult {
  before: number;
  after: number;
  ms: number;
}

/** Grows the catalogue to `n` products (a no-op when it has that many); one transaction, then VACUUM ANALYZE. */
export async function growCatalog(pool: pg.Pool, n: number): Promise<GrowResult> {
  const started = Date.now();
  const client = await pool.connect();
  try {
    const { rows: counts } = await client.query<{ total: number; copies: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE "id" LIKE 'cat\\_%')::int AS copies FROM "Product"`,
    );
    const before = counts[0]?.total ?? 0;
    const missing = n - before;
    if (missing <= 0) return { before, after: before, ms: Date.now() - started };
    const first = (counts[0]?.copies ?? 0) + 1;
    await client.query("BEGIN");
    // Copy k of source (k mod sources): the demo's products, whatever their status (drafts and
    // archived ones stay hidden, as in a real catalogue).
    await client.query(
      `CREATE TEMP TABLE grow_map ON COMMIT DROP AS
       SELECT k, src."id" AS source_id, 'cat_' || k AS id
         FROM generate_series($1::int, $2::int) AS k
         JOIN (SELECT "id", (row_number() OVER (ORDER BY "id") - 1)::int AS rn, count(*) OVER ()::int AS total
                 FROM "Product" WHERE "id" NOT LIKE 'cat\\_%' AND "sellerId" <> 'bench_seller') src ON src.rn = k % src.total`,
      [first, first + missing - 1],
    );
    await client.query(`CREATE TEMP TABLE grow_buyers ON COMMIT DROP AS
      SELECT "id", (row_number() OVER (ORDER BY "id"))::int AS b FROM "User" WHERE "role" = 'BUYER' AND "id" NOT LIKE 'bench\\_%' ORDER BY "id" LIMIT 5`);
    // Review b of copy k: rating 1..5, mostly 3 to 5 as on a real shop; copy k has k mod 6 reviews (at most the buyers there are).
    const rating = `greatest(1, 5 - ((m.k * 13 + gb.b * 7) % 9) / 2)`;
    const reviewsOf = `FROM grow_buyers gb WHERE gb.b <= m.k % 6`;
    await client.query(
      `INSERT INTO "Product" ("id", "sellerId", "categoryId", "sku", "name", "slug", "description", "priceCents", "priceMaxCents", "currency", "status",
                             "optionText", "unlistedAt", "unlistedReason", "ratingCount", "ratingSum", "ratingAvg", "salesCount",
                             "publishedAt", "createdAt", "updatedAt")
       SELECT m.id, p."sellerId", p."categoryId", p."sku" || '-C' || m.k, p."name" || ' ' || (ARRAY['Mk', 'Pro', 'Lite', 'Max', 'Go', 'Plus'])[1 + m.k % 6] || ' ' || (m.k % 997),
              p."slug" || '-c' || m.k, p."description", p."priceCents" + (m.k % 7) * 100, p."priceMaxCents" + (m.k % 7) * 100, p."currency", p."status",
              p."optionText", p."unlistedAt", p."unlistedReason", r.count, r.sum, CASE WHEN r.count > 0 THEN r.sum::float8 / r.count ELSE 0 END, m.k % 50,
              p."publishedAt" - m.k * interval '1 minute', p."createdAt" - interval '30 days' - m.k * interval '1 minute', now()
         FROM grow_map m
         JOIN "Product" p ON p."id" = m.source_id
         CROSS JOIN LATERAL (SELECT count(*)::int AS count, coalesce(sum(${rating}), 0)::int AS sum ${reviewsOf}) r`,
    );
    await client.query(
      `INSERT INTO "Review" ("id", "productId", "buyerId", "rating", "title", "body", "createdAt")
       SELECT 'cat_r_' || m.k || '_' || gb.b, m.id, gb."id", ${rating}, 'Review ' || gb.b, 'A review the benchmark wrote.', now() - m.k * interval '1 minute'
         FROM grow_map m CROSS JOIN LATERAL (SELECT gb.* ${reviewsOf}) gb`,
    );
    await client.query(
      `INSERT INTO "ProductImage" ("id", "productId", "storageKey", "url", "alt", "position", "width", "height", "createdAt")
       SELECT i."id" || '_c' || m.k, m.id, i."storageKey", i."url", i."alt", i."position", i."width", i."height", i."createdAt"
         FROM grow_map m JOIN "ProductImage" i ON i."productId" = m.source_id`,
    );
    await client.query(
      `INSERT INTO "ProductOption" ("id", "productId", "name", "position", "values")
       SELECT o."id" || '_c' || m.k, m.id, o."name", o."position", o."values" FROM grow_map m JOIN "ProductOption" o ON o."productId" = m.source_id`,
    );
    await client.query(
      `INSERT INTO "ProductVariant" ("id", "productId", "sellerId", "sku", "optionValues", "title", "priceCents", "compareAtPriceCents", "weightGrams",
                                    "imageId", "position", "status", "createdAt", "updatedAt")
       SELECT v."id" || '_c' || m.k, m.id, v."sellerId", v."sku" || '-C' || m.k, v."optionValues", v."title", v."priceCents" + (m.k % 7) * 100,
              v."compareAtPriceCents" + (m.k % 7) * 100, v."weightGrams", v."imageId" || '_c' || m.k, v."position", v."status", v."createdAt", now()
         FROM grow_map m JOIN "ProductVariant" v ON v."productId" = m.source_id`,
    );
    // Every 10th copy sold out, the rest a varied quantity.
    await client.query(
      `INSERT INTO "StockLevel" ("id", "productId", "variantId", "warehouseId", "onHand", "lowStockThreshold", "updatedAt")
       SELECT s."id" || '_c' || m.k, m.id, s."variantId" || '_c' || m.k, s."warehouseId", CASE WHEN m.k % 10 = 0 THEN 0 ELSE 1 + (m.k * 31) % 200 END,
              s."lowStockThreshold", now()
         FROM grow_map m JOIN "StockLevel" s ON s."productId" = m.source_id`,
    );
    await client.query("COMMIT");
    // VACUUM too: it merges the GIN indexes' pending lists (search and trigram), which a bulk insert
    // leaves full and every search would otherwise read through, as autovacuum would on a live database.
    await client.query(`VACUUM ANALYZE "Product", "ProductImage", "ProductOption", "ProductVariant", "StockLevel", "Review"`);
    return { before, after: n, ms: Date.now() - started };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
