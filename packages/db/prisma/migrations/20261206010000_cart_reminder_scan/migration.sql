-- Abandoned-cart reminders come from a scan of carts by last activity instead of a waiting run per
-- cart change; this stamp says which quiet spell was already reminded of.
ALTER TABLE "Cart" ADD COLUMN "remindedAt" TIMESTAMP(3);
