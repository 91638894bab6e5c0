-- Related products: a product page reads the best-rated products of its category from this index
-- in order and stops after a page (before, PostgreSQL walked every product by rating and kept
-- those of the category: 200 ms of CPU at 100,000 products). `id DESC` matches the query's order.
CREATE INDEX "Product_categoryId_status_ratingAvg_id_idx" ON "Product"("categoryId", "status", "ratingAvg" DESC, "id" DESC);
