-- Product pages are found by their slug (the storefront's /products/<slug>, catalog.product), and
-- a new product's slug is chosen among those that start with its name (uniqueSlug): without an
-- index both read every product (a sequential scan of 100,000 rows for each page rendered).
-- text_pattern_ops serves the prefix search (LIKE 'desk-lamp%') as well as equality.
CREATE INDEX "Product_slug_idx" ON "Product"("slug" text_pattern_ops);
