-- The catalogue's summary: what buyers can see, counted, so that a category page's facet counts
-- and "did you mean" cost the same with 1,000 products as with 1,000,000 (at 100,000 products,
-- counting the facets of /c/electronics read all 95,000 visible products: 405 ms of CPU; "did
-- you mean" split every visible product's name into words on each call).
--
-- A product counts while buyers can see it: ACTIVE, not unlisted, its shop APPROVED and the
-- shop owner's account ACTIVE (domain/catalog/visibility.ts). Triggers keep the counts in the
-- transaction that changes a product, its options, its shop or its owner's account, so the
-- first read after that commit counts the change (the pages showing it are expired by tag at
-- the same commit). Every count is kept per shop: two shops' changes never wait for each other
-- on a shared counter row.

-- Products by category ('' for none), shop, price band (search-products.ts PRICE_BANDS, by index)
-- and whether buyers can take a unit (some stock row with units not held or allocated: the
-- listing's "in stock" filter and its cards' availability).
CREATE TABLE "CatalogFacetCount" (
    "categoryKey" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "priceBand" SMALLINT NOT NULL,
    "inStock" BOOLEAN NOT NULL,
    "products" INTEGER NOT NULL,
    CONSTRAINT "CatalogFacetCount_pkey" PRIMARY KEY ("categoryKey", "sellerId", "priceBand", "inStock")
);

-- Products offering each option value (option name lower-cased), by the same keys.
CREATE TABLE "CatalogOptionCount" (
    "categoryKey" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "priceBand" SMALLINT NOT NULL,
    "inStock" BOOLEAN NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "products" INTEGER NOT NULL,
    CONSTRAINT "CatalogOptionCount_pkey" PRIMARY KEY ("categoryKey", "sellerId", "priceBand", "inStock", "name", "value")
);

-- Products with an active variant in each option value (whatever the option: what the listing's
-- option filter matches), by the same keys: a listing filtered by one value counts from here.
CREATE TABLE "CatalogValueCount" (
    "categoryKey" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "priceBand" SMALLINT NOT NULL,
    "inStock" BOOLEAN NOT NULL,
    "value" TEXT NOT NULL,
    "products" INTEGER NOT NULL,
    CONSTRAINT "CatalogValueCount_pkey" PRIMARY KEY ("categoryKey", "sellerId", "priceBand", "inStock", "value")
);
CREATE INDEX "CatalogValueCount_value_idx" ON "CatalogValueCount"("value");

-- "Did you mean"'s vocabulary: each word (3+ letters) of visible products' names and shop names,
-- with how many of the shop's visible products have it; nearest words by trigram distance.
CREATE TABLE "CatalogWord" (
    "word" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "products" INTEGER NOT NULL,
    CONSTRAINT "CatalogWord_pkey" PRIMARY KEY ("word", "sellerId")
);
CREATE INDEX "CatalogWord_word_trgm_idx" ON "CatalogWord" USING GIST ("word" gist_trgm_ops);

-- The index of PRICE_BANDS a price falls in (-1: none).
CREATE FUNCTION catalog_price_band(cents integer) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE WHEN cents < 0 THEN -1 WHEN cents < 2500 THEN 0 WHEN cents < 5000 THEN 1 WHEN cents < 10000 THEN 2 WHEN cents < 25000 THEN 3 ELSE 4 END)::smallint
$$;

-- Whether buyers can take a unit of the product now (rows never hold more than they have: StockLevel_held_within_on_hand).
CREATE FUNCTION catalog_in_stock(product_id text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM "StockLevel" l WHERE l."productId" = product_id AND l."onHand" - l."reserved" - l."allocated" > 0)
$$;

-- What the summary needs of a product, built from its columns (a whole "Product" row would carry
-- its search vector and description: reading 31,000 of them was most of a shop's suspension).
CREATE TYPE catalog_product AS ("id" text, "sellerId" text, "categoryId" text, "priceCents" integer, "name" text, "listed" boolean);
CREATE FUNCTION catalog_product_row(id text, seller_id text, category_id text, price_cents integer, name text, status "ProductStatus", unlisted_at timestamp(3))
  RETURNS catalog_product LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ROW(id, seller_id, category_id, price_cents, name, status = 'ACTIVE' AND unlisted_at IS NULL)::catalog_product
$$;

-- Adds (sign 1) or takes away (sign -1) what `products`, as given, count for buyers: the product
-- itself, its option values (its current options) and its words, if it and its shop (as they are
-- now) are visible. Callers pass a product's state before a change with -1 and after it with 1:
-- the difference is what the change did. With `lock_shops`, the shops and owners are read under
-- FOR SHARE first, so a suspension committing meanwhile is either waited for and seen here, or
-- waits for this transaction and then sees its products (never counted twice or not at all).
-- Rows are upserted in key order, so two transactions lock shared rows in the same order.
-- `in_stock` counts them as in stock or not (a stock change's before and after); null: as they are.
CREATE FUNCTION catalog_summary_apply(products catalog_product[], sign integer, lock_shops boolean, in_stock boolean DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  empty_words text[];
  empty_sellers text[];
BEGIN
  IF coalesce(cardinality(products), 0) = 0 THEN
    RETURN;
  END IF;
  IF lock_shops THEN
    PERFORM 1 FROM "Seller" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" IN (SELECT x."sellerId" FROM unnest(products) x)
      ORDER BY s."id" FOR SHARE OF s, u;
  END IF;

  INSERT INTO "CatalogFacetCount" AS f ("categoryKey", "sellerId", "priceBand", "inStock", "products")
  SELECT coalesce(x."categoryId", ''), x."sellerId", catalog_price_band(x."priceCents"), coalesce(in_stock, catalog_in_stock(x."id")), sign * count(*)
    FROM unnest(products) x JOIN "Seller" s ON s."id" = x."sellerId" JOIN "User" u ON u."id" = s."userId"
   WHERE x."listed" AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("categoryKey", "sellerId", "priceBand", "inStock") DO UPDATE SET "products" = f."products" + excluded."products";

  INSERT INTO "CatalogOptionCount" AS f ("categoryKey", "sellerId", "priceBand", "inStock", "name", "value", "products")
  SELECT coalesce(x."categoryId", ''), x."sellerId", catalog_price_band(x."priceCents"), coalesce(in_stock, catalog_in_stock(x."id")), o."name", o."value", sign * count(*)
    FROM unnest(products) x JOIN "Seller" s ON s."id" = x."sellerId" JOIN "User" u ON u."id" = s."userId"
    CROSS JOIN LATERAL (
      SELECT DISTINCT lower(po."name") AS "name", v AS "value" FROM "ProductOption" po CROSS JOIN LATERAL unnest(po."values") v WHERE po."productId" = x."id"
    ) o
   WHERE x."listed" AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
   GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("categoryKey", "sellerId", "priceBand", "inStock", "name", "value") DO UPDATE SET "products" = f."products" + excluded."products";

  INSERT INTO "CatalogValueCount" AS f ("categoryKey", "sellerId", "priceBand", "inStock", "value", "products")
  SELECT coalesce(x."categoryId", ''), x."sellerId", catalog_price_band(x."priceCents"), coalesce(in_stock, catalog_in_stock(x."id")), v."value", sign * count(*)
    FROM unnest(products) x JOIN "Seller" s ON s."id" = x."sellerId" JOIN "User" u ON u."id" = s."userId"
    CROSS JOIN LATERAL (
      SELECT DISTINCT val AS "value" FROM "ProductVariant" pv CROSS JOIN LATERAL unnest(pv."optionValues") val WHERE pv."productId" = x."id" AND pv."status" = 'ACTIVE'
    ) v
   WHERE x."listed" AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
   GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("categoryKey", "sellerId", "priceBand", "inStock", "value") DO UPDATE SET "products" = f."products" + excluded."products";

  WITH changed AS (
    INSERT INTO "CatalogWord" AS f ("word", "sellerId", "products")
    SELECT w."word", x."sellerId", sign * count(*)
      FROM unnest(products) x JOIN "Seller" s ON s."id" = x."sellerId" JOIN "User" u ON u."id" = s."userId"
      CROSS JOIN LATERAL (
        SELECT DISTINCT t AS "word" FROM regexp_split_to_table(lower(x."name" || ' ' || s."shopName"), '[^[:alnum:]]+') t WHERE length(t) > 2
      ) w
     WHERE x."listed" AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("word", "sellerId") DO UPDATE SET "products" = f."products" + excluded."products"
    RETURNING f."word", f."sellerId", f."products"
  )
  SELECT array_agg(c."word"), array_agg(c."sellerId") INTO empty_words, empty_sellers FROM changed c WHERE c."products" <= 0;
  -- A word no visible product has any more leaves the vocabulary (its nearest-word search reads no dead rows).
  IF empty_words IS NOT NULL THEN
    DELETE FROM "CatalogWord" w USING unnest(empty_words, empty_sellers) AS e("word", "sellerId")
     WHERE w."word" = e."word" AND w."sellerId" = e."sellerId" AND w."products" <= 0;
  END IF;
END $$;

-- Option values alone (a product's options were added, changed or removed), for products buyers
-- can see now; a product deleted with its options was taken away whole before (Product_summary_deleted).
CREATE FUNCTION catalog_option_counts_apply(options "ProductOption"[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(options), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId" JOIN "User" u ON u."id" = s."userId"
    WHERE p."id" IN (SELECT o."productId" FROM unnest(options) o)
    ORDER BY p."id" FOR SHARE OF p, s, u;
  INSERT INTO "CatalogOptionCount" AS f ("categoryKey", "sellerId", "priceBand", "inStock", "name", "value", "products")
  SELECT coalesce(p."categoryId", ''), p."sellerId", catalog_price_band(p."priceCents"), catalog_in_stock(p."id"), o."name", o."value", sign * count(*)
    FROM (SELECT DISTINCT o."productId", lower(o."name") AS "name", v AS "value" FROM unnest(options) o CROSS JOIN LATERAL unnest(o."values") v) o
    JOIN "Product" p ON p."id" = o."productId" JOIN "Seller" s ON s."id" = p."sellerId" JOIN "User" u ON u."id" = s."userId"
   WHERE p."status" = 'ACTIVE' AND p."unlistedAt" IS NULL AND s."status" = 'APPROVED' AND u."status" = 'ACTIVE'
   GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("categoryKey", "sellerId", "priceBand", "inStock", "name", "value") DO UPDATE SET "products" = f."products" + excluded."products";
END $$;

-- Products: inserted per statement (a bulk import is one pass); updated per row, only when a
-- column that decides what is counted changed (the trigger's WHEN: sales counts, ratings and a
-- shop or category rename's no-op "touch" of its products call nothing; PostgreSQL refuses
-- column lists on statement triggers with transition tables).
CREATE FUNCTION catalog_summary_products_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_summary_apply((SELECT array_agg(catalog_product_row(n."id", n."sellerId", n."categoryId", n."priceCents", n."name", n."status", n."unlistedAt")) FROM new_rows n WHERE n."status" = 'ACTIVE' AND n."unlistedAt" IS NULL), 1, true);
  RETURN NULL;
END $$;
CREATE TRIGGER "Product_summary_inserted" AFTER INSERT ON "Product" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_summary_products_inserted();

CREATE FUNCTION catalog_summary_product_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_summary_apply(ARRAY[catalog_product_row(OLD."id", OLD."sellerId", OLD."categoryId", OLD."priceCents", OLD."name", OLD."status", OLD."unlistedAt")], -1, true);
  PERFORM catalog_summary_apply(ARRAY[catalog_product_row(NEW."id", NEW."sellerId", NEW."categoryId", NEW."priceCents", NEW."name", NEW."status", NEW."unlistedAt")], 1, true);
  RETURN NULL;
END $$;
CREATE TRIGGER "Product_summary_updated" AFTER UPDATE OF "status", "unlistedAt", "categoryId", "sellerId", "priceCents", "name" ON "Product"
  FOR EACH ROW
  WHEN ((OLD."status", OLD."unlistedAt", OLD."categoryId", OLD."sellerId", OLD."priceCents", OLD."name")
        IS DISTINCT FROM (NEW."status", NEW."unlistedAt", NEW."categoryId", NEW."sellerId", NEW."priceCents", NEW."name")
        AND ((OLD."status" = 'ACTIVE' AND OLD."unlistedAt" IS NULL) OR (NEW."status" = 'ACTIVE' AND NEW."unlistedAt" IS NULL)))
  EXECUTE FUNCTION catalog_summary_product_updated();

-- Per row and before the delete: its options are still there to be taken away (the cascade removes them next).
CREATE FUNCTION catalog_summary_product_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_summary_apply(ARRAY[catalog_product_row(OLD."id", OLD."sellerId", OLD."categoryId", OLD."priceCents", OLD."name", OLD."status", OLD."unlistedAt")], -1, true);
  RETURN OLD;
END $$;
CREATE TRIGGER "Product_summary_deleted" BEFORE DELETE ON "Product"
  FOR EACH ROW WHEN (OLD."status" = 'ACTIVE' AND OLD."unlistedAt" IS NULL) EXECUTE FUNCTION catalog_summary_product_deleted();

CREATE FUNCTION catalog_summary_options_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM catalog_option_counts_apply((SELECT array_agg(o::"ProductOption") FROM old_rows o), -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM catalog_option_counts_apply((SELECT array_agg(n::"ProductOption") FROM new_rows n), 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "ProductOption_summary_inserted" AFTER INSERT ON "ProductOption" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_summary_options_changed();
CREATE TRIGGER "ProductOption_summary_updated" AFTER UPDATE ON "ProductOption" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_summary_options_changed();
CREATE TRIGGER "ProductOption_summary_deleted" AFTER DELETE ON "ProductOption" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_summary_options_changed();

-- Variants added, changed (status, option values) or removed: for each product touched, the
-- values its active variants have now against those they had (the rows as they are, less the
-- statement's new versions, plus its old ones), and the difference counted for products buyers
-- can see now (a product deleted with its variants was taken away whole before).
CREATE FUNCTION catalog_value_counts_apply(touched text[], old_variants "ProductVariant"[], new_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF touched IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM unnest(touched) t("id") JOIN "Product" p ON p."id" = t."id" JOIN "Seller" s ON s."id" = p."sellerId" JOIN "User" u ON u."id" = s."userId"
    ORDER BY p."id" FOR SHARE OF p, s, u;
  INSERT INTO "CatalogValueCount" AS f ("categoryKey", "sellerId", "priceBand", "inStock", "value", "products")
  SELECT coalesce(p."categoryId", ''), p."sellerId", catalog_price_band(p."priceCents"), catalog_in_stock(p."id"), d."value", sum(d.delta)
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
   GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("categoryKey", "sellerId", "priceBand", "inStock", "value") DO UPDATE SET "products" = f."products" + excluded."products";
END $$;

CREATE FUNCTION catalog_summary_variants_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM catalog_value_counts_apply(
      (SELECT array_agg(DISTINCT n."productId") FROM new_rows n WHERE n."status" = 'ACTIVE' AND cardinality(n."optionValues") > 0),
      NULL, (SELECT array_agg(n."id") FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM catalog_value_counts_apply(
      (SELECT array_agg(DISTINCT o."productId") FROM old_rows o WHERE o."status" = 'ACTIVE' AND cardinality(o."optionValues") > 0),
      (SELECT array_agg(o::"ProductVariant") FROM old_rows o), NULL);
  ELSE
    PERFORM catalog_value_counts_apply(
      (SELECT array_agg(DISTINCT n."productId") FROM old_rows o JOIN new_rows n ON n."id" = o."id"
        WHERE (o."status", o."optionValues", o."productId") IS DISTINCT FROM (n."status", n."optionValues", n."productId")),
      (SELECT array_agg(o::"ProductVariant") FROM old_rows o), (SELECT array_agg(n."id") FROM new_rows n));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "ProductVariant_summary_inserted" AFTER INSERT ON "ProductVariant" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_summary_variants_changed();
CREATE TRIGGER "ProductVariant_summary_updated" AFTER UPDATE ON "ProductVariant" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_summary_variants_changed();
CREATE TRIGGER "ProductVariant_summary_deleted" AFTER DELETE ON "ProductVariant" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_summary_variants_changed();

-- Stock: a product moves between in stock and sold out only when one of its rows crosses zero
-- units available (the trigger's WHEN, checked without calling anything: a cart's reservation
-- that leaves units, the usual case, costs nothing more). The product's row is locked first, so
-- two rows of one product crossing at once (two warehouses) are counted one after the other,
-- each seeing the other's result, and a product change waits for them or they for it.
CREATE FUNCTION catalog_summary_stock_crossed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  product catalog_product;
  others boolean;
  was boolean;
  now_in boolean;
BEGIN
  SELECT p."id", p."sellerId", p."categoryId", p."priceCents", p."name", true INTO product FROM "Product" p WHERE p."id" = NEW."productId" AND p."status" = 'ACTIVE' AND p."unlistedAt" IS NULL FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  others := EXISTS (SELECT 1 FROM "StockLevel" l WHERE l."productId" = NEW."productId" AND l."id" <> NEW."id" AND l."onHand" - l."reserved" - l."allocated" > 0);
  was := others OR OLD."onHand" - OLD."reserved" - OLD."allocated" > 0;
  now_in := others OR NEW."onHand" - NEW."reserved" - NEW."allocated" > 0;
  IF was <> now_in THEN
    PERFORM catalog_summary_apply(ARRAY[product], -1, true, was);
    PERFORM catalog_summary_apply(ARRAY[product], 1, true, now_in);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "StockLevel_summary_updated" AFTER UPDATE OF "onHand", "reserved", "allocated" ON "StockLevel"
  FOR EACH ROW WHEN ((OLD."onHand" - OLD."reserved" - OLD."allocated" > 0) <> (NEW."onHand" - NEW."reserved" - NEW."allocated" > 0))
  EXECUTE FUNCTION catalog_summary_stock_crossed();

-- Rows added (a new variant or warehouse, a bulk import) can only bring a product into stock;
-- rows removed (a variant deleted) can only take it out. Per statement, for the products whose state changed.
CREATE FUNCTION catalog_summary_stock_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched text[];
  crossed catalog_product[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."productId") INTO touched FROM new_rows n WHERE n."onHand" - n."reserved" - n."allocated" > 0;
  ELSE
    SELECT array_agg(DISTINCT o."productId") INTO touched FROM old_rows o WHERE o."onHand" - o."reserved" - o."allocated" > 0;
  END IF;
  IF touched IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM unnest(touched) t("id") JOIN "Product" p ON p."id" = t."id" ORDER BY p."id" FOR NO KEY UPDATE OF p;
  -- Joins, not `= ANY(touched)` or `NOT IN (new_rows)`: a bulk import touches 100,000 products.
  IF TG_OP = 'INSERT' THEN
    WITH had_units AS (
      SELECT DISTINCT l."productId" FROM unnest(touched) t("id") JOIN "StockLevel" l ON l."productId" = t."id"
       WHERE l."onHand" - l."reserved" - l."allocated" > 0 AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n."id" = l."id")
    )
    SELECT array_agg(catalog_product_row(p."id", p."sellerId", p."categoryId", p."priceCents", p."name", p."status", p."unlistedAt") ORDER BY p."id") INTO crossed
      FROM unnest(touched) t("id") JOIN "Product" p ON p."id" = t."id"
     WHERE p."status" = 'ACTIVE' AND p."unlistedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM had_units h WHERE h."productId" = p."id");
  ELSE
    SELECT array_agg(catalog_product_row(p."id", p."sellerId", p."categoryId", p."priceCents", p."name", p."status", p."unlistedAt") ORDER BY p."id") INTO crossed
      FROM unnest(touched) t("id") JOIN "Product" p ON p."id" = t."id"
     WHERE p."status" = 'ACTIVE' AND p."unlistedAt" IS NULL AND NOT catalog_in_stock(p."id");
  END IF;
  PERFORM catalog_summary_apply(crossed, -1, true, TG_OP = 'DELETE');
  PERFORM catalog_summary_apply(crossed, 1, true, TG_OP = 'INSERT');
  RETURN NULL;
END $$;
CREATE TRIGGER "StockLevel_summary_inserted" AFTER INSERT ON "StockLevel" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_summary_stock_rows_changed();
CREATE TRIGGER "StockLevel_summary_deleted" AFTER DELETE ON "StockLevel" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_summary_stock_rows_changed();

-- A shop suspended, reinstated or renamed, or its owner's account suspended or reinstated: its
-- listed products are taken away as the shop was (before the update) and added as it is (after).
-- The shop's row is locked by the update itself, so product changes of the shop wait for it.
CREATE FUNCTION catalog_summary_shop_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  listed catalog_product[];
  seller_id text;
BEGIN
  IF TG_TABLE_NAME = 'Seller' THEN
    seller_id := OLD."id";
  ELSE
    SELECT s."id" INTO seller_id FROM "Seller" s WHERE s."userId" = OLD."id";
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
CREATE TRIGGER "Seller_summary_before" BEFORE UPDATE OF "status", "shopName" ON "Seller"
  FOR EACH ROW WHEN ((OLD."status", OLD."shopName") IS DISTINCT FROM (NEW."status", NEW."shopName")) EXECUTE FUNCTION catalog_summary_shop_changed();
CREATE TRIGGER "Seller_summary_after" AFTER UPDATE OF "status", "shopName" ON "Seller"
  FOR EACH ROW WHEN ((OLD."status", OLD."shopName") IS DISTINCT FROM (NEW."status", NEW."shopName")) EXECUTE FUNCTION catalog_summary_shop_changed();
CREATE TRIGGER "User_summary_before" BEFORE UPDATE OF "status" ON "User"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION catalog_summary_shop_changed();
CREATE TRIGGER "User_summary_after" AFTER UPDATE OF "status" ON "User"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION catalog_summary_shop_changed();

-- Counts everything again from the products (this migration's fill; a repair, and the tests'
-- check that the triggers kept the same counts).
CREATE FUNCTION catalog_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "CatalogFacetCount", "CatalogOptionCount", "CatalogValueCount", "CatalogWord" IN EXCLUSIVE MODE;
  DELETE FROM "CatalogFacetCount";
  DELETE FROM "CatalogValueCount";
  DELETE FROM "CatalogOptionCount";
  DELETE FROM "CatalogWord";
  PERFORM catalog_summary_apply((SELECT array_agg(catalog_product_row(p."id", p."sellerId", p."categoryId", p."priceCents", p."name", p."status", p."unlistedAt")) FROM "Product" p WHERE p."status" = 'ACTIVE' AND p."unlistedAt" IS NULL), 1, false);
END $$;

SELECT catalog_summary_rebuild();
