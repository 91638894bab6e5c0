-- Guest checkout: an order belongs to an account or, until its guest signs up or in with the
-- same (verified) email, to that email address. Never to neither.
ALTER TABLE "Order" ALTER COLUMN "buyerId" DROP NOT NULL;
ALTER TABLE "Order" ADD COLUMN "guestEmail" TEXT;
ALTER TABLE "Order" ADD CONSTRAINT "Order_buyer_or_guest_check" CHECK ("buyerId" IS NOT NULL OR "guestEmail" IS NOT NULL);

CREATE UNIQUE INDEX "Order_guestEmail_idempotencyKey_key" ON "Order"("guestEmail", "idempotencyKey");
CREATE INDEX "Order_guestEmail_idx" ON "Order"("guestEmail");
