-- Whether a product has an active variant in chosen option values ("Black or White", "Blue in
-- M") is asked of its variants one product at a time: by a listing's page and, from bounded
-- samples, by its facet counts (search-products.ts, sampledFacets). With the values and the
-- status in this index, each probe reads the index alone, not the variants' rows: at 1,000,000
-- products, counting the whole catalogue's first 2,000 products in Black or White went from
-- 335 ms (150,000 buffers, 68,000 of them read) to 29 ms (6,400 buffers) (bench/README.md, session 18).
-- Partial (active variants): a probe asks for those alone, and the unique (productId,
-- optionValues) index cannot answer it without each row's status. Not in schema.prisma, which
-- cannot state a partial index.
CREATE INDEX "ProductVariant_active_values_idx" ON "ProductVariant" ("productId", "optionValues") WHERE "status" = 'ACTIVE';
