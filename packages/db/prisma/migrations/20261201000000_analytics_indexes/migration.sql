-- The admin dashboard counts carts opened in a date range (conversion, abandonment); without
-- this index that is a scan of every cart ever opened, guest carts included.
CREATE INDEX "Cart_createdAt_idx" ON "Cart"("createdAt");
