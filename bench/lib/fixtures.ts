// The benchmark's own data, beside the demo seed in its fresh database: an approved shop with
// `skus` products (spread over the demo's leaf categories, so listings get a real catalogue's
// size), each in two sizes (S and M: two variants, each its own stock row), one "hot" product
// (one variant) every buyer fights over, deep stock so runs never run dry, and buyers who can
// sign in. Plain SQL: a thousand products in one statement, not a thousand API calls.
import bcrypt from "bcryptjs";
import type pg from "pg";

export const BENCH_PASSWORD = "bazaar123";
const SELLER_ID = "bench_seller";
const WAREHOUSE_ID = "bench_warehouse";
export const HOT_PRODUCT_ID = "bench_hot";
/** Deep enough that a long run at thousands of reservations a second never empties a row. */
const STOCK_PER_SKU = 1_000_000;
const HOT_STOCK = 10_000_000;

export interface BenchCatalog {
  /** What buyers add to carts: every variant of every bench product but the hot one. */
  variantIds: string[];
  stockLevelIds: string[];
  hot: { productId: string; variantId: string; stockLevelId: string };
}

export interface BenchBuyer {
  id: string;
  email: string;
}

export async function createBenchCatalog(pool: pg.Pool, skus: number): Promise<BenchCatalog> {
  // Cost 4: buyers are signed in by the hundred; the hash's cost is read from it at sign-in.
  const passwordHash = await bcrypt.hash(BENCH_PASSWORD, 4);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
       VALUES ('bench_seller_user', 'bench-seller@bench.test', 'Bench Seller', $1, 'SELLER', now())`,
      [passwordHash],
    );
    await client.query(
      `INSERT INTO "Seller" ("id", "userId", "shopName", "slug", "contactEmail", "status", "approvedAt", "updatedAt")
       VALUES ($1, 'bench_seller_user', 'Bench Supply Co', 'bench-supply', 'bench-seller@bench.test', 'APPROVED', now(), now())`,
      [SELLER_ID],
    );
    await client.query(`INSERT INTO "Warehouse" ("id", "sellerId", "name", "code") VALUES ($1, $2, 'Bench warehouse', 'BENCH')`, [WAREHOUSE_ID, SELLER_ID]);
    const { rows: leaves } = await client.query<{ id: string }>(
      `SELECT c."id" FROM "Category" c WHERE NOT EXISTS (SELECT 1 FROM "Category" k WHERE k."parentId" = c."id") ORDER BY c."slug"`,
    );
    // Older than the demo products, so the storefront's "newest" pages still open on the demo's.
    await client.query(
      `INSERT INTO "Product" ("id", "sellerId", "categoryId", "sku", "name", "slug", "description", "priceCents", "priceMaxCents", "optionText",
                             "status", "publishedAt", "createdAt", "updatedAt")
       SELECT 'bench_p_' || lpad(i::text, 5, '0'), $1, ($2::text[])[1 + i % cardinality($2::text[])], 'BENCH-' || lpad(i::text, 5, '0'),
              'Bench item ' || i, 'bench-item-' || i, 'A product the benchmark made to give the catalogue some depth.',
              1000 + (i % 40) * 125, 1000 + (i % 40) * 125, 'S M', 'ACTIVE', now() - interval '60 days' - i * interval '1 minute',
              now() - interval '60 days' - i * interval '1 minute', now()
         FROM generate_series(1, $3::int) AS i`,
      [SELLER_ID, leaves.map((leaf) => leaf.id), skus],
    );
    await client.query(
      `INSERT INTO "Product" ("id", "sellerId", "categoryId", "sku", "name", "slug", "description", "priceCents", "status", "publishedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, 'BENCH-HOT', 'Bench hot item', 'bench-hot-item', 'The product every benchmark buyer wants at once.', 2500, 'ACTIVE',
               now() - interval '90 days', now() - interval '90 days', now())`,
      [HOT_PRODUCT_ID, SELLER_ID, leaves[0]?.id ?? null],
    );
    await client.query(`UPDATE "Product" SET "priceMaxCents" = "priceCents" WHERE "id" = $1`, [HOT_PRODUCT_ID]);
    await client.query(
      `INSERT INTO "ProductOption" ("id", "productId", "name", "position", "values")
       SELECT 'bench_o_' || p."id", p."id", 'Size', 0, ARRAY['S', 'M'] FROM "Product" p WHERE p."sellerId" = $1 AND p."id" <> $2`,
      [SELLER_ID, HOT_PRODUCT_ID],
    );
    await client.query(
      `INSERT INTO "ProductVariant" ("id", "productId", "sellerId", "sku", "optionValues", "title", "priceCents", "position", "updatedAt")
       SELECT 'bench_v_' || p."id" || '_' || v.size, p."id", $1, p."sku" || '-' || v.size, ARRAY[v.size], v.size, p."priceCents", v.position, now()
         FROM "Product" p CROSS JOIN (VALUES ('S', 0), ('M', 1)) AS v(size, position)
        WHERE p."sellerId" = $1 AND p."id" <> $2
       UNION ALL
       SELECT 'bench_v_' || p."id", p."id", $1, p."sku", '{}', '', p."priceCents", 0, now() FROM "Product" p WHERE p."id" = $2`,
      [SELLER_ID, HOT_PRODUCT_ID],
    );
    // Each product borrows the first picture of a demo product in its category.
    await client.query(
      `INSERT INTO "ProductImage" ("id", "productId", "storageKey", "url", "alt", "position", "width", "height")
       SELECT 'bench_img_' || p."id", p."id", i."storageKey", i."url", p."name", 0, i."width", i."height"
         FROM "Product" p
         JOIN LATERAL (SELECT pi.* FROM "ProductImage" pi JOIN "Product" d ON d."id" = pi."productId"
                        WHERE d."categoryId" = p."categoryId" AND d."sellerId" <> $1 ORDER BY pi."productId", pi."position" LIMIT 1) i ON true
        WHERE p."sellerId" = $1`,
      [SELLER_ID],
    );
    await client.query(
      `INSERT INTO "StockLevel" ("id", "productId", "variantId", "warehouseId", "onHand", "updatedAt")
       SELECT CASE WHEN v."productId" = $3 THEN 'bench_s_' || $3 ELSE 'bench_s_' || v."id" END, v."productId", v."id", $2,
              CASE WHEN v."productId" = $3 THEN $4::int ELSE $5::int END, now()
         FROM "ProductVariant" v WHERE v."sellerId" = $1`,
      [SELLER_ID, WAREHOUSE_ID, HOT_PRODUCT_ID, HOT_STOCK, STOCK_PER_SKU],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  const { rows } = await pool.query<{ variantId: string; stockLevelId: string }>(
    `SELECT s."variantId", s."id" AS "stockLevelId" FROM "StockLevel" s JOIN "Product" p ON p."id" = s."productId"
      WHERE p."sellerId" = $1 AND p."id" <> $2 ORDER BY s."variantId"`,
    [SELLER_ID, HOT_PRODUCT_ID],
  );
  return {
    variantIds: rows.map((row) => row.variantId),
    stockLevelIds: rows.map((row) => row.stockLevelId),
    hot: { productId: HOT_PRODUCT_ID, variantId: `bench_v_${HOT_PRODUCT_ID}`, stockLevelId: `bench_s_${HOT_PRODUCT_ID}` },
  };
}

/** `count` buyer accounts named `<prefix>-0001@bench.test`... */
export async function createBuyers(pool: pg.Pool, prefix: string, count: number): Promise<BenchBuyer[]> {
  const passwordHash = await bcrypt.hash(BENCH_PASSWORD, 4);
  const { rows } = await pool.query<BenchBuyer>(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
     SELECT 'bench_' || $1 || '_' || lpad(i::text, 5, '0'), $1 || '-' || lpad(i::text, 5, '0') || '@bench.test', 'Bench buyer ' || i, $2, 'BUYER', now()
       FROM generate_series(1, $3::int) AS i
     RETURNING "id", "email"`,
    [prefix, passwordHash, count],
  );
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Makes `available` units of the hot product purchasable, whatever carts hold now. */
export async function setHotAvailable(pool: pg.Pool, available: number): Promise<void> {
  await pool.query(`UPDATE "StockLevel" SET "onHand" = "reserved" + "allocated" + $2, "version" = "version" + 1 WHERE "id" = $1`, [
    `bench_s_${HOT_PRODUCT_ID}`,
    available,
  ]);
}
