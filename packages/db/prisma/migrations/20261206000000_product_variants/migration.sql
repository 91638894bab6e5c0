-- Product variants: a product has options (Size: S/M/L, Colour: Blue/Black) and variants, one per
-- combination the seller offers, each with its own SKU, price and stock. Stock rows, holds, cart
-- lines and order lines belong to a variant. Every existing product becomes a product with one
-- default variant (no option values) carrying its SKU and price, and everything that pointed at
-- the product now also points at that variant: written to run on a live database with orders,
-- carts and reservations in flight, in one transaction, keeping every row.

CREATE TYPE "VariantStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

CREATE TABLE "ProductOption" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "values" TEXT[],

    CONSTRAINT "ProductOption_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ProductVariant" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "optionValues" TEXT[],
    "title" TEXT NOT NULL DEFAULT '',
    "priceCents" INTEGER NOT NULL,
    "compareAtPriceCents" INTEGER,
    "weightGrams" INTEGER,
    "imageId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "status" "VariantStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductVariant_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "Product" ADD COLUMN "optionText" TEXT NOT NULL DEFAULT '',
                      ADD COLUMN "priceMaxCents" INTEGER NOT NULL DEFAULT 0;

-- Every product gets its default variant; its id is derived from the product's so that the
-- rows below can point at it without a lookup.
INSERT INTO "ProductVariant" ("id", "productId", "sellerId", "sku", "optionValues", "title", "priceCents", "position", "status", "createdAt", "updatedAt")
SELECT 'var_' || p."id", p."id", p."sellerId", p."sku", '{}', '', p."priceCents", 0, 'ACTIVE', p."createdAt", CURRENT_TIMESTAMP
  FROM "Product" p;
UPDATE "Product" SET "priceMaxCents" = "priceCents";

ALTER TABLE "StockLevel" ADD COLUMN "variantId" TEXT;
ALTER TABLE "Reservation" ADD COLUMN "variantId" TEXT;
ALTER TABLE "CartItem" ADD COLUMN "variantId" TEXT;
ALTER TABLE "OrderItem" ADD COLUMN "variantId" TEXT, ADD COLUMN "variantTitle" TEXT NOT NULL DEFAULT '';
UPDATE "StockLevel" SET "variantId" = 'var_' || "productId";
UPDATE "Reservation" SET "variantId" = 'var_' || "productId";
UPDATE "CartItem" SET "variantId" = 'var_' || "productId";
UPDATE "OrderItem" SET "variantId" = 'var_' || "productId";
ALTER TABLE "StockLevel" ALTER COLUMN "variantId" SET NOT NULL;
ALTER TABLE "Reservation" ALTER COLUMN "variantId" SET NOT NULL;
ALTER TABLE "CartItem" ALTER COLUMN "variantId" SET NOT NULL;
ALTER TABLE "OrderItem" ALTER COLUMN "variantId" SET NOT NULL;

DROP INDEX "CartItem_cartId_productId_key";
DROP INDEX "StockLevel_productId_warehouseId_key";

CREATE UNIQUE INDEX "ProductOption_productId_name_key" ON "ProductOption"("productId", "name");
CREATE UNIQUE INDEX "ProductOption_productId_position_key" ON "ProductOption"("productId", "position");
CREATE INDEX "ProductVariant_productId_position_idx" ON "ProductVariant"("productId", "position");
CREATE UNIQUE INDEX "ProductVariant_sellerId_sku_key" ON "ProductVariant"("sellerId", "sku");
CREATE UNIQUE INDEX "ProductVariant_productId_optionValues_key" ON "ProductVariant"("productId", "optionValues");
CREATE INDEX "CartItem_variantId_idx" ON "CartItem"("variantId");
CREATE UNIQUE INDEX "CartItem_cartId_variantId_key" ON "CartItem"("cartId", "variantId");
CREATE INDEX "OrderItem_variantId_idx" ON "OrderItem"("variantId");
CREATE INDEX "StockLevel_productId_idx" ON "StockLevel"("productId");
CREATE UNIQUE INDEX "StockLevel_variantId_warehouseId_key" ON "StockLevel"("variantId", "warehouseId");

ALTER TABLE "ProductOption" ADD CONSTRAINT "ProductOption_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_sellerId_fkey" FOREIGN KEY ("sellerId") REFERENCES "Seller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "ProductImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "StockLevel" ADD CONSTRAINT "StockLevel_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─────────────────────────────────────────────────────────────────────────────
-- Guarantees the database keeps whatever the application does.
-- ─────────────────────────────────────────────────────────────────────────────

-- A variant belongs to its product's shop, and a stock row, hold, cart line or order line names a
-- variant of the product it names: composite foreign keys, so no code path can mix them up.
CREATE UNIQUE INDEX "Product_id_sellerId_key" ON "Product"("id", "sellerId");
CREATE UNIQUE INDEX "ProductVariant_id_productId_key" ON "ProductVariant"("id", "productId");
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_product_seller_fkey"
  FOREIGN KEY ("productId", "sellerId") REFERENCES "Product"("id", "sellerId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StockLevel" ADD CONSTRAINT "StockLevel_variant_product_fkey"
  FOREIGN KEY ("variantId", "productId") REFERENCES "ProductVariant"("id", "productId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_variant_product_fkey"
  FOREIGN KEY ("variantId", "productId") REFERENCES "ProductVariant"("id", "productId") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_variant_product_fkey"
  FOREIGN KEY ("variantId", "productId") REFERENCES "ProductVariant"("id", "productId") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_variant_product_fkey"
  FOREIGN KEY ("variantId", "productId") REFERENCES "ProductVariant"("id", "productId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Money and sizes: whole non-negative cents, a compare-at price above the price, at most three
-- options (as every storefront's picker shows them) with at most 100 values each.
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_values_valid"
  CHECK ("priceCents" >= 0 AND ("compareAtPriceCents" IS NULL OR "compareAtPriceCents" > "priceCents")
         AND ("weightGrams" IS NULL OR "weightGrams" >= 0) AND cardinality("optionValues") <= 3
         AND length("sku") BETWEEN 1 AND 64);
ALTER TABLE "ProductOption" ADD CONSTRAINT "ProductOption_values_valid"
  CHECK ("position" BETWEEN 0 AND 2 AND length("name") BETWEEN 1 AND 40 AND cardinality("values") BETWEEN 1 AND 100);

-- Search also finds a product by its option values ("blue hoodie"), weighted like its category.
CREATE OR REPLACE FUNCTION product_search_vector_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
      setweight(to_tsvector('english', coalesce(NEW."name", '')), 'A')
   || setweight(to_tsvector('english', coalesce((SELECT "name" FROM "Category" WHERE "id" = NEW."categoryId"), '')), 'B')
   || setweight(to_tsvector('english', coalesce(NEW."optionText", '')), 'B')
   || setweight(to_tsvector('english', coalesce((SELECT "shopName" FROM "Seller" WHERE "id" = NEW."sellerId"), '')), 'C')
   || setweight(to_tsvector('english', coalesce(NEW."description", '')), 'D');
  RETURN NEW;
END $$;
DROP TRIGGER "Product_search_vector" ON "Product";
CREATE TRIGGER "Product_search_vector" BEFORE INSERT OR UPDATE OF "name", "description", "categoryId", "sellerId", "optionText" ON "Product"
  FOR EACH ROW EXECUTE FUNCTION product_search_vector_refresh();
