-- Every cart change sums, shrinks or moves one line's holds (WHERE "cartItemId" = $1 AND status = 'ACTIVE').
-- Without this index PostgreSQL walks every ACTIVE reservation in the marketplace through
-- Reservation_status_expiresAt_idx to find a line's one or two, so each add to cart got slower
-- as more carts held stock (measured by `npm run bench`, see bench/README.md).
CREATE INDEX "Reservation_cartItemId_status_idx" ON "Reservation"("cartItemId", "status");
