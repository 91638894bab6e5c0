-- A category page sorted by price is read category by category, each in price order from this
-- index and cut short by the page's LIMIT (search-products.ts, listProductCards), as the newest and
-- rating orders already were from theirs. Without it, each category was read whole and sorted:
-- at 1,000,000 products a large category by price cost 160 ms, by price descending 170 ms; with
-- it, 4 to 7 ms (bench/README.md, "Figures, session 17"). Scanned backwards for price descending.
CREATE INDEX "Product_categoryId_status_priceCents_id_idx" ON "Product"("categoryId", "status", "priceCents", "id");
