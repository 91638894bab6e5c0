-- Facet counts that cannot come from the catalogue's summary (a listing filtered by several option
-- values, or by a price range that cuts a band) are counted from every buyer-visible product. The
-- Product table's rows are wide (description, search vector: ~1.7 KB each, 167 MB at 100,000
-- products), so that count read 21,000 pages; this index holds the columns it reads (10 MB at
-- 100,000), so it is an index-only scan. With `Colour:Black` and `Colour:White` on a category of
-- 32,000 products: 230 -> 130 ms of database CPU (bench/README.md, catalogue at scale).
CREATE INDEX "Product_facets_idx" ON "Product"("status", "unlistedAt", "categoryId", "sellerId", "priceCents", "id");
