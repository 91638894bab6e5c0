-- The seller's products table searches a shop's products by name or SKU (`ILIKE '%text%'` on
-- either; list-seller-products.ts). With a trigram index on each side, PostgreSQL answers the OR
-- as a BitmapOr of the two, joined to the shop's index: at 100,000 products (a shop of 32,145)
-- its count went from 284 ms, a sequential scan of every product, to 11 to 14 ms, and a page for
-- a text nothing matches from 153 ms to 0.06 (bench/README.md, finding 14).
CREATE INDEX "Product_sku_trgm_idx" ON "Product" USING GIN ("sku" gin_trgm_ops);
