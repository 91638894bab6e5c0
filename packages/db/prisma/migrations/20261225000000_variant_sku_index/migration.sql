-- The admin's moderation search finds a product by one of its variants' SKUs, whatever the shop
-- (moderation.ts). The unique (sellerId, sku) index cannot answer a SKU alone: at 100,000
-- products the search read every variant (bench/README.md, finding 14).
CREATE INDEX "ProductVariant_sku_idx" ON "ProductVariant" ("sku");
