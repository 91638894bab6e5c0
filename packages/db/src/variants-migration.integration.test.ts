// The variants migration runs on a live database: products, stock rows, carts holding stock,
// an order awaiting payment (HARD holds) and a paid one, all written in the shape before it.
// After it, every row still exists and points at its product's one default variant, and the
// in-flight holds can still be sold or given back by the application.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, withDatabase } from "./server";

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../prisma/migrations");
const VARIANTS_MIGRATION = "20261206000000_product_variants";
const migrations = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const before = migrations.filter((name) => name < VARIANTS_MIGRATION);

let client: pg.Client;
let serverUrl: string;
const name = `bazaar_test_migration_${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  serverUrl = process.env.BAZAAR_TEST_SERVER_URL ?? "";
  if (!serverUrl) throw new Error("No test server: integration tests run through vitest's global setup.");
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  client = new pg.Client({ connectionString: withDatabase(serverUrl, name) });
  await client.connect();
  for (const migration of before) await client.query(readFileSync(path.join(migrationsDir, migration, "migration.sql"), "utf8"));
});

afterAll(async () => {
  await client?.end();
  if (serverUrl) await dropDatabase(serverUrl, name);
});

/** A small marketplace in the shape before variants, mid-flight. */
async function seedOldShape() {
  await client.query(`
    INSERT INTO "User" ("id", "email", "role", "updatedAt") VALUES
      ('u_seller', 'seller@x.test', 'SELLER', now()), ('u_buyer', 'buyer@x.test', 'BUYER', now()), ('u_buyer2', 'buyer2@x.test', 'BUYER', now());
    INSERT INTO "Seller" ("id", "userId", "shopName", "slug", "contactEmail", "status", "updatedAt")
      VALUES ('s1', 'u_seller', 'Shop', 'shop', 'seller@x.test', 'APPROVED', now());
    INSERT INTO "Warehouse" ("id", "sellerId", "name", "code") VALUES ('w1', 's1', 'Main', 'MAIN'), ('w2', 's1', 'Second', 'TWO');
    INSERT INTO "Product" ("id", "sellerId", "sku", "name", "slug", "priceCents", "status", "updatedAt") VALUES
      ('p1', 's1', 'LAMP-1', 'Desk Lamp', 'desk-lamp', 4900, 'ACTIVE', now()),
      ('p2', 's1', 'MUG-1', 'Blue Mug', 'blue-mug', 1500, 'ACTIVE', now()),
      ('p3', 's1', 'DRAFT-1', 'Draft Thing', 'draft-thing', 0, 'DRAFT', now());
    -- Lamp: 10 + 4 on hand; 2 in a cart (SOFT), 3 in an unpaid order (HARD, allocated).
    INSERT INTO "StockLevel" ("id", "productId", "warehouseId", "onHand", "reserved", "allocated") VALUES
      ('sl1', 'p1', 'w1', 10, 2, 3), ('sl2', 'p1', 'w2', 4, 0, 0), ('sl3', 'p2', 'w1', 7, 0, 0);
    INSERT INTO "Cart" ("id", "buyerId", "status", "updatedAt") VALUES ('c1', 'u_buyer', 'ACTIVE', now()), ('c2', 'u_buyer2', 'CHECKOUT', now());
    INSERT INTO "CartItem" ("id", "cartId", "productId", "sellerId", "quantity", "unitPriceCents", "currency", "updatedAt") VALUES
      ('ci1', 'c1', 'p1', 's1', 2, 4900, 'USD', now()), ('ci2', 'c1', 'p2', 's1', 1, 1500, 'USD', now()), ('ci3', 'c2', 'p1', 's1', 3, 4900, 'USD', now());
    INSERT INTO "Order" ("id", "buyerId", "cartId", "status", "currency", "subtotalCents", "totalCents", "shippingAddress", "idempotencyKey", "updatedAt") VALUES
      ('o1', 'u_buyer2', 'c2', 'PENDING_PAYMENT', 'USD', 14700, 14700, '{}', 'k1', now()),
      ('o2', 'u_buyer', NULL, 'CONFIRMED', 'USD', 1500, 1500, '{}', 'k2', now());
    INSERT INTO "Shipment" ("id", "orderId", "sellerId", "subtotalCents", "totalCents", "updatedAt") VALUES
      ('sh1', 'o1', 's1', 14700, 14700, now()), ('sh2', 'o2', 's1', 1500, 1500, now());
    INSERT INTO "OrderItem" ("id", "orderId", "shipmentId", "productId", "sellerId", "sku", "name", "quantity", "unitPriceCents", "subtotalCents", "currency") VALUES
      ('oi1', 'o1', 'sh1', 'p1', 's1', 'LAMP-1', 'Desk Lamp', 3, 4900, 14700, 'USD'),
      ('oi2', 'o2', 'sh2', 'p2', 's1', 'MUG-1', 'Blue Mug', 1, 1500, 1500, 'USD');
    INSERT INTO "Reservation" ("id", "stockLevelId", "productId", "quantity", "type", "status", "expiresAt", "cartId", "cartItemId", "orderId", "orderItemId", "updatedAt") VALUES
      ('r1', 'sl1', 'p1', 2, 'SOFT', 'ACTIVE', now() + interval '15 minutes', 'c1', 'ci1', NULL, NULL, now()),
      ('r2', 'sl1', 'p1', 3, 'SOFT', 'CONVERTED', now() + interval '15 minutes', 'c2', 'ci3', 'o1', NULL, now()),
      ('r3', 'sl1', 'p1', 3, 'HARD', 'ACTIVE', now() + interval '30 minutes', 'c2', 'ci3', 'o1', 'oi1', now()),
      ('r4', 'sl3', 'p2', 1, 'HARD', 'FULFILLED', now(), NULL, NULL, 'o2', 'oi2', now());
  `);
}

const count = async (table: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]?.n);
/** One table at a time: they share one client, which pg 9 will not let run two queries at once. */
const countsOf = async (tables: string[]) => {
  const counts: number[] = [];
  for (const table of tables) counts.push(await count(table));
  return counts;
};

describe("the product variants migration", () => {
  it("gives every product one default variant and points stock, holds, cart and order lines at it, losing nothing", async () => {
    await seedOldShape();
    const tables = ["Product", "StockLevel", "Reservation", "Cart", "CartItem", "Order", "OrderItem"];
    const countsBefore = await countsOf(tables);
    const stockBefore = (await client.query(`SELECT "id", "onHand", "reserved", "allocated" FROM "StockLevel" ORDER BY "id"`)).rows;

    await client.query(readFileSync(path.join(migrationsDir, VARIANTS_MIGRATION, "migration.sql"), "utf8"));

    expect(await countsOf(tables)).toEqual(countsBefore);
    expect((await client.query(`SELECT "id", "onHand", "reserved", "allocated" FROM "StockLevel" ORDER BY "id"`)).rows).toEqual(stockBefore);
    const variants = (
      await client.query(`SELECT "productId", "sellerId", "sku", "optionValues", "title", "priceCents", "status" FROM "ProductVariant" ORDER BY "productId"`)
    ).rows;
    expect(variants).toEqual([
      { productId: "p1", sellerId: "s1", sku: "LAMP-1", optionValues: [], title: "", priceCents: 4900, status: "ACTIVE" },
      { productId: "p2", sellerId: "s1", sku: "MUG-1", optionValues: [], title: "", priceCents: 1500, status: "ACTIVE" },
      { productId: "p3", sellerId: "s1", sku: "DRAFT-1", optionValues: [], title: "", priceCents: 0, status: "ACTIVE" },
    ]);
    for (const table of ["StockLevel", "Reservation", "CartItem", "OrderItem"]) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM "${table}" t JOIN "ProductVariant" v ON v."id" = t."variantId" AND v."productId" = t."productId"`,
      );
      expect(Number(rows[0]?.n), table).toBe(await count(table));
    }
    const { rows: prices } = await client.query<{ id: string; priceCents: number; priceMaxCents: number }>(
      `SELECT "id", "priceCents", "priceMaxCents" FROM "Product" ORDER BY "id"`,
    );
    expect(prices.map((row) => [row.id, row.priceCents, row.priceMaxCents])).toEqual([
      ["p1", 4900, 4900],
      ["p2", 1500, 1500],
      ["p3", 0, 0],
    ]);
  });

  it("leaves a database the application's rules hold on: one line per variant, one stock row per variant and warehouse, search still indexed", async () => {
    const { rows } = await client.query<{ variantId: string }>(`SELECT "variantId" FROM "CartItem" WHERE "id" = 'ci1'`);
    const variantId = rows[0]?.variantId;
    await expect(
      client.query(
        `INSERT INTO "CartItem" ("id", "cartId", "productId", "variantId", "sellerId", "quantity", "unitPriceCents", "currency", "updatedAt")
         VALUES ('dup', 'c1', 'p1', $1, 's1', 1, 4900, 'USD', now())`,
        [variantId],
      ),
    ).rejects.toThrow(/CartItem_cartId_variantId_key/);
    await expect(
      client.query(`INSERT INTO "StockLevel" ("id", "productId", "variantId", "warehouseId") VALUES ('dup', 'p1', $1, 'w1')`, [variantId]),
    ).rejects.toThrow(/StockLevel_variantId_warehouseId_key/);
    // The unpaid order's holds are sold the way payment sells them: claim the HARD rows, then move stock.
    await client.query(`UPDATE "Reservation" SET "status" = 'FULFILLED' WHERE "orderId" = 'o1' AND "type" = 'HARD' AND "status" = 'ACTIVE'`);
    await client.query(`UPDATE "StockLevel" SET "onHand" = "onHand" - 3, "allocated" = "allocated" - 3 WHERE "id" = 'sl1'`);
    expect((await client.query(`SELECT "onHand", "reserved", "allocated" FROM "StockLevel" WHERE "id" = 'sl1'`)).rows[0]).toEqual({
      onHand: 7,
      reserved: 2,
      allocated: 0,
    });
    await client.query(`UPDATE "Product" SET "optionText" = 'Blue Black' WHERE "id" = 'p1'`);
    const { rows: found } = await client.query<{ id: string }>(`SELECT "id" FROM "Product" WHERE "searchVector" @@ plainto_tsquery('english', 'black lamp')`);
    expect(found.map((row) => row.id)).toEqual(["p1"]);
  });
});
