-- "Order_guestEmail_idx" repeated the leading column of the unique index on ("guestEmail",
-- "idempotencyKey"), which serves every lookup by the guest's email alone; each order paid for
-- the extra index in its insert.
DROP INDEX "Order_guestEmail_idx";
