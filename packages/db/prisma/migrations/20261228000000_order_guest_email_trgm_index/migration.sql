-- The admin's orders search finds a guest's orders by part of their email (listAllOrders in
-- admin-orders.ts), beside a buyer's found through the user's trigram indexes: without this
-- index, a guest's rare email was looked for among every order, newest first
-- (bench/README.md, "Figures, session 25").
CREATE INDEX "Order_guestEmail_trgm_idx" ON "Order" USING GIN ("guestEmail" gin_trgm_ops);
