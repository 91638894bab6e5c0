-- The catalogue's summary (20261215000000_catalog_summary) is changed as each transaction
-- commits, in one pass in key order, instead of piece by piece as its statements run.
--
-- Deadlocks. The triggers upserted the summary rows a change touched as each statement ran, in
-- key order within one call; but a transaction makes several calls (a product's state before and
-- after, a stock row crossing zero, a price change and then its variants' price sync, each stock
-- row of an order given back), and holds every row it touched until COMMIT. Each visible product
-- of a shop also counts the words of the shop's name, so any two transactions changing visible
-- products of one shop met on those rows, and took rows in opposite orders whenever one took a
-- product out of stock (its inStock true row, the name's words, then its false row) while another
-- brought one back (false, words, true), or one moved a product from price band 0 to 1 and another
-- from 1 to 0; an order of two shops given back took shop A's rows, then B's, while another took
-- B's, then A's. With 32 callers at once (catalog-summary-concurrency.integration.test.ts)
-- PostgreSQL detected 34 to 44 deadlocks per run, each costing a second (deadlock_timeout) before
-- inTransaction retried, and 2 to 5 callers of a case failed with "deadlock detected" after four
-- attempts.
--
-- Now the triggers compute the same differences, under the same share locks on the shop and its
-- owner, and write them to catalog_summary.delta (rows no other transaction sees: nothing to wait
-- for); the transaction's first change also writes a row to catalog_summary.flush, whose trigger,
-- deferred to COMMIT, adds up the deltas (leaving out keys whose changes cancel out, like the
-- words of a product whose stock or price changed) and applies them to the four tables, one table
-- after the other, each in key order. Every transaction takes summary rows in that one order, at
-- that one point, after which it takes no other lock: summary rows can no longer be part of a
-- deadlock, and are held for the end of a COMMIT instead of the rest of a transaction. Counts are
-- sums, so applying them later changes no result; the share locks, taken as before, still keep a
-- suspension from coming between a change and its COMMIT.
--
-- Wrong counts. A shop suspended while its owner's account was (or both reinstated) each read the
-- other's status before either committed: both took the shop's products away, or neither added
-- them back. The owner's side now locks the shop's row (FOR SHARE) before reading it, so the two
-- run one after the other, the second seeing the first.

-- The two tables of this machinery live in a schema of their own, out of Prisma's sight: its
-- schema engine cannot describe a constraint trigger (prisma migrate dev and diff stop with
-- "RuntimeError: unreachable" when one is on a table of the public schema), and no model needs them.
CREATE SCHEMA catalog_summary;

-- What this transaction's changes do to the summary, until it commits: kind 'facet', 'option' and
-- 'value' carry the keys of CatalogFacetCount, CatalogOptionCount and CatalogValueCount; 'word'
-- the word (in "value") and the shop. Unlogged: rows live within one transaction.
CREATE UNLOGGED TABLE catalog_summary.delta (
    "txid" TEXT NOT NULL DEFAULT (pg_current_xact_id())::text,
    "kind" TEXT NOT NULL,
    "categoryKey" TEXT,
    "sellerId" TEXT NOT NULL,
    "priceBand" SMALLINT,
    "inStock" BOOLEAN,
    "name" TEXT,
    "value" TEXT,
    "products" INTEGER NOT NULL
);
CREATE INDEX delta_txid_idx ON catalog_summary.delta("txid");

-- One row per transaction with deltas: its trigger, deferred to COMMIT, applies them.
CREATE UNLOGGED TABLE catalog_summary.flush (
    "txid" TEXT NOT NULL DEFAULT (pg_current_xact_id())::text,
    CONSTRAINT flush_pkey PRIMARY KEY ("txid")
);

-- Applies this transaction's deltas: the four tables in one order, each in key order, so two
-- transactions lock shared rows in the same order. A word no visible product has any more leaves
-- the vocabulary (its nearest-word search reads no dead rows).
CREATE FUNCTION catalog_summary_flush() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tx text := pg_current_xact_id()::text;
  empty_words text[];
  empty_sellers text[];
BEGIN
  DELETE FROM catalog_summary.flush c WHERE c."txid" = tx;

  INSERT INTO "CatalogFacetCount" AS f ("categoryKey", "sellerId", "priceBand", "inStock", "products")
  SELECT d."categoryKey", d."sellerId", d."priceBand", d."inStock", sum(d."products")::int
    FROM catalog_summary.delta d WHERE d."txid" = tx AND d."kind" = 'facet'
   GROUP BY 1, 2, 3, 4 HAVING sum(d."products") <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("categoryKey", "sellerId", "priceBand", "inStock") DO UPDATE SET "products" = f."products" + excluded."products";

  INSERT INTO "CatalogOptionCount" AS f ("categoryKey", "sellerId", "priceBand", "inStock", "name", "value", "products")
  SELECT d."categoryKey", d."sellerId", d."priceBand", d."inStock", d."name", d."value", sum(d."products")::int
    FROM catalog_summary.delta d WHERE d."txid" = tx AND d."kind" = 'option'
   GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d."products") <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("categoryKey", "sellerId", "priceBand", "inStock", "name", "value") DO UPDATE SET "products" = f."products" + excluded."products";

  INSERT INTO "CatalogValueCount" AS f ("categoryKey", "sellerId", "priceBand", "inStock", "value", "products")
  SELECT d."categoryKey", d."sellerId", d."priceBand", d."inStock", d."value", sum(d."products")::int
    FROM catalog_summary.delta d WHERE d."txid" = tx AND d."kind" = 'value'
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(d."products") <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("categoryKey", "sellerId", "priceBand", "inStock", "value") DO UPDATE SET "products" = f."products" + excluded."products";

  WITH changed AS (
    INSERT INTO "CatalogWord" AS f ("word", "sellerId", "products")
    SELECT d."value", d."sellerId", sum(d."products")::int
      FROM catalog_summary.delta d WHERE d."txid" = tx AND d."kind" = 'word'
     GROUP BY 1, 2 HAVING sum(d."products") <> 0 ORDER BY 1, 2
    ON CONFLICT ("word", "sellerId") DO UPDATE SET "products" = f."products" + excluded."products"
    RETURNING f."word", f."sellerId", f."products"
  )
  SELECT array_agg(c."word"), array_agg(c."sellerId") INTO empty_words, empty_sellers FROM changed c WHERE c."products" <= 0;
  IF empty_words IS NOT NULL THEN
    DELETE FROM "CatalogWord" w USING unnest(empty_words, empty_sellers) AS e("word", "sellerId")
     WHERE w."word" = e."word" AND w."sellerId" = e."sellerId" AND w."products" <= 0;
  END IF;

  DELETE FROM catalog_summary.delta d WHERE d."txid" = tx;
END $$;

CREATE FUNCTION catalog_summary_committing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_summary_flush();
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER flush_at_commit AFTER INSERT ON catalog_summary.flush
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION catalog_summary_committing();

-- This transaction has deltas to apply as it commits (once: the row stays until the flush).
CREATE FUNCTION catalog_summary_pending() RETURNS void LANGUAGE sql AS $$
  INSERT INTO catalog_summary.flush DEFAULT VALUES ON CONFLICT DO NOTHING
$$;

-- As before (20261215000000_catalog_summary), but into this transaction's deltas.
CREATE OR REPLACE FUNCTION catalog_summary_apply(products catalog_product[], sign integer, lock_shops boolean, in_stock boolean DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(products), 0) = 0 THEN
    RETURN;
  END IF;
  IF lock_shops THEN
    PERFORM 1 FROM "Seller" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" IN (SELECT x."sellerId" FROM unnest(products) x)
      ORDER BY s."id" FOR SHARE OF s, u;
  END IF;

  INSERT INTO catalog_summary.delta ("kind", "categoryKey", "sellerId", "priceBand", "inStock", "products")
  SELECT 'facet', coalesce(x."categoryId", ''), x."sellerId", catalog_price_band(x."priceCents"), coalesce(in_stock, catalog_in_stock(x."id")), sign * count(*)
    FROM unnest(products) x JOIN "Seller" s ON s."id" = x."sellerId" JOIN "User" u ON u."id" = s."userId"
   WHERE x."listed" AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
   GROUP BY 2, 3, 4, 5;

  INSERT INTO catalog_summary.delta ("kind", "categoryKey", "sellerId", "priceBand", "inStock", "name", "value", "products")
  SELECT 'option', coalesce(x."categoryId", ''), x."sellerId", catalog_price_band(x."priceCents"), coalesce(in_stock, catalog_in_stock(x."id")), o."name", o."value", sign * count(*)
    FROM unnest(products) x JOIN "Seller" s ON s."id" = x."sellerId" JOIN "User" u ON u."id" = s."userId"
    CROSS JOIN LATERAL (
      SELECT DISTINCT lower(po."name") AS "name", v AS "value" FROM "ProductOption" po CROSS JOIN LATERAL unnest(po."values") v WHERE po."productId" = x."id"
    ) o
   WHERE x."listed" AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
   GROUP BY 2, 3, 4, 5, 6, 7;

  INSERT INTO catalog_summary.delta ("kind", "categoryKey", "sellerId", "priceBand", "inStock", "value", "products")
  SELECT 'value', coalesce(x."categoryId", ''), x."sellerId", catalog_price_band(x."priceCents"), coalesce(in_stock, catalog_in_stock(x."id")), v."value", sign * count(*)
    FROM unnest(products) x JOIN "Seller" s ON s."id" = x."sellerId" JOIN "User" u ON u."id" = s."userId"
    CROSS JOIN LATERAL (
      SELECT DISTINCT val AS "value" FROM "ProductVariant" pv CROSS JOIN LATERAL unnest(pv."optionValues") val WHERE pv."productId" = x."id" AND pv."status" = 'ACTIVE'
    ) v
   WHERE x."listed" AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
   GROUP BY 2, 3, 4, 5, 6;

  INSERT INTO catalog_summary.delta ("kind", "sellerId", "value", "products")
  SELECT 'word', x."sellerId", w."word", sign * count(*)
    FROM unnest(products) x JOIN "Seller" s ON s."id" = x."sellerId" JOIN "User" u ON u."id" = s."userId"
    CROSS JOIN LATERAL (
      SELECT DISTINCT t AS "word" FROM regexp_split_to_table(lower(x."name" || ' ' || s."shopName"), '[^[:alnum:]]+') t WHERE length(t) > 2
    ) w
   WHERE x."listed" AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
   GROUP BY 2, 3;

  PERFORM catalog_summary_pending();
END $$;

-- As before, into this transaction's deltas.
CREATE OR REPLACE FUNCTION catalog_option_counts_apply(options "ProductOption"[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(options), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId" JOIN "User" u ON u."id" = s."userId"
    WHERE p."id" IN (SELECT o."productId" FROM unnest(options) o)
    ORDER BY p."id" FOR SHARE OF p, s, u;
  INSERT INTO catalog_summary.delta ("kind", "categoryKey", "sellerId", "priceBand", "inStock", "name", "value", "products")
  SELECT 'option', coalesce(p."categoryId", ''), p."sellerId", catalog_price_band(p."priceCents"), catalog_in_stock(p."id"), o."name", o."value", sign * count(*)
    FROM (SELECT DISTINCT o."productId", lower(o."name") AS "name", v AS "value" FROM unnest(options) o CROSS JOIN LATERAL unnest(o."values") v) o
    JOIN "Product" p ON p."id" = o."productId" JOIN "Seller" s ON s."id" = p."sellerId" JOIN "User" u ON u."id" = s."userId"
   WHERE p."status" = 'ACTIVE' AND p."unlistedAt" IS NULL AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
   GROUP BY 2, 3, 4, 5, 6, 7;
  PERFORM catalog_summary_pending();
END $$;

-- As before, into this transaction's deltas.
CREATE OR REPLACE FUNCTION catalog_value_counts_apply(touched text[], old_variants "ProductVariant"[], new_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF touched IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM unnest(touched) t("id") JOIN "Product" p ON p."id" = t."id" JOIN "Seller" s ON s."id" = p."sellerId" JOIN "User" u ON u."id" = s."userId"
    ORDER BY p."id" FOR SHARE OF p, s, u;
  INSERT INTO catalog_summary.delta ("kind", "categoryKey", "sellerId", "priceBand", "inStock", "value", "products")
  SELECT 'value', coalesce(p."categoryId", ''), p."sellerId", catalog_price_band(p."priceCents"), catalog_in_stock(p."id"), d."value", sum(d.delta)
    FROM (
      SELECT coalesce(a."productId", b."productId") AS "productId", coalesce(a."value", b."value") AS "value", CASE WHEN a."value" IS NULL THEN -1 ELSE 1 END AS delta
        FROM (SELECT DISTINCT pv."productId", val AS "value" FROM unnest(touched) t("id") JOIN "ProductVariant" pv ON pv."productId" = t."id"
                CROSS JOIN LATERAL unnest(pv."optionValues") val
               WHERE pv."status" = 'ACTIVE') a
        FULL JOIN (
          SELECT DISTINCT w."productId", val AS "value"
            FROM (SELECT pv."productId", pv."optionValues" FROM unnest(touched) t("id") JOIN "ProductVariant" pv ON pv."productId" = t."id"
                   WHERE pv."status" = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM unnest(new_ids) n("id") WHERE n."id" = pv."id")
                  UNION ALL
                  SELECT o."productId", o."optionValues" FROM unnest(old_variants) o WHERE o."status" = 'ACTIVE') w
            CROSS JOIN LATERAL unnest(w."optionValues") val
        ) b ON b."productId" = a."productId" AND b."value" = a."value"
       WHERE a."value" IS NULL OR b."value" IS NULL
    ) d
    JOIN "Product" p ON p."id" = d."productId" JOIN "Seller" s ON s."id" = p."sellerId" JOIN "User" u ON u."id" = s."userId"
   WHERE p."status" = 'ACTIVE' AND p."unlistedAt" IS NULL AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
   GROUP BY 2, 3, 4, 5, 6;
  PERFORM catalog_summary_pending();
END $$;

-- As before, except that an owner's account change first locks the shop's row (FOR SHARE): the
-- shop's status and its owner's are each changed under their own row's lock and each side reads
-- the other, so without it a shop suspended as its owner's account was (each seeing the other
-- still active) had its products taken away twice, and reinstated together, never added back.
-- The shop's side does not lock the owner's row: each would hold one row and wait for the other.
CREATE OR REPLACE FUNCTION catalog_summary_shop_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  listed catalog_product[];
  seller_id text;
BEGIN
  IF TG_TABLE_NAME = 'Seller' THEN
    seller_id := OLD."id";
  ELSE
    SELECT s."id" INTO seller_id FROM "Seller" s WHERE s."userId" = OLD."id" FOR SHARE;
  END IF;
  -- The side on which the shop is hidden counts nothing: a suspension reads its products once, not twice.
  IF seller_id IS NULL OR NOT EXISTS (SELECT 1 FROM "Seller" s JOIN "User" u ON u."id" = s."userId"
                                       WHERE s."id" = seller_id AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE') THEN
    RETURN CASE WHEN TG_WHEN = 'BEFORE' THEN NEW END;
  END IF;
  SELECT array_agg(catalog_product_row(p."id", p."sellerId", p."categoryId", p."priceCents", p."name", p."status", p."unlistedAt")) INTO listed FROM "Product" p WHERE p."sellerId" = seller_id AND p."status" = 'ACTIVE' AND p."unlistedAt" IS NULL;
  PERFORM catalog_summary_apply(listed, CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END, false);
  RETURN CASE WHEN TG_WHEN = 'BEFORE' THEN NEW END;
END $$;

-- As before; this transaction's own deltas are part of the recount, and it is applied at once.
CREATE OR REPLACE FUNCTION catalog_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "CatalogFacetCount", "CatalogOptionCount", "CatalogValueCount", "CatalogWord" IN EXCLUSIVE MODE;
  DELETE FROM catalog_summary.delta d WHERE d."txid" = pg_current_xact_id()::text;
  DELETE FROM "CatalogFacetCount";
  DELETE FROM "CatalogValueCount";
  DELETE FROM "CatalogOptionCount";
  DELETE FROM "CatalogWord";
  PERFORM catalog_summary_apply((SELECT array_agg(catalog_product_row(p."id", p."sellerId", p."categoryId", p."priceCents", p."name", p."status", p."unlistedAt")) FROM "Product" p WHERE p."status" = 'ACTIVE' AND p."unlistedAt" IS NULL), 1, false);
  PERFORM catalog_summary_flush();
END $$;
