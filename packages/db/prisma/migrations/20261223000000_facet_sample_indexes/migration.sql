-- A listing's facets that the catalogue's summary cannot answer (several option values, a price
-- that cuts a band) are counted from bounded samples: each facet's first products in id order
-- (search-products.ts, sampledFacets). Two indexes serve them; neither is in schema.prisma,
-- which cannot state a partial index. Measured at 1,000,000 products in bench/README.md, session 18.

-- A category's listed products in id order, with what a facet counts (shop, price): a sample is
-- read category by category from here alone. Without it PostgreSQL read a whole category of
-- 202,000 products and sorted it by id (208 ms) to take the first 10,000.
CREATE INDEX "Product_category_listed_id_idx" ON "Product" ("categoryId", "id") INCLUDE ("sellerId", "priceCents")
  WHERE "status" = 'ACTIVE' AND "unlistedAt" IS NULL;

-- Whether a product has an active variant in the chosen values ("Black or White", "Blue in M")
-- is a probe of its variants per product. With the values and the status in this index, each
-- probe reads the index alone, not the variants' rows: the whole catalogue's first 2,000 products
-- in Black or White took 335 ms (150,000 buffers, 68,000 of them read) without it, 29 ms (6,400
-- buffers) with it. The unique (productId, optionValues) index cannot answer it without each
-- row's status.
CREATE INDEX "ProductVariant_active_values_idx" ON "ProductVariant" ("productId", "optionValues") WHERE "status" = 'ACTIVE';
