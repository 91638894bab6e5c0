-- A shop's own words on shipping and returns, shown on its public page and edited in the seller console.
ALTER TABLE "Seller" ADD COLUMN "shippingPolicy" TEXT;
ALTER TABLE "Seller" ADD COLUMN "returnPolicy" TEXT;
