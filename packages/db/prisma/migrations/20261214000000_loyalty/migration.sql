-- Loyalty (issue 18): tiers, members, points lots and history, each order's loyalty discounts as
-- their own amounts, and the ledger accounts that keep points as a liability.

-- CreateEnum
CREATE TYPE "PointsMovementKind" AS ENUM ('EARNED', 'RELEASED', 'REDEEMED', 'RESTORED', 'RETURNED', 'CLAWED_BACK', 'EXPIRED');

-- New enum values may not be used in the transaction that adds them; none is used below.
ALTER TYPE "LedgerAccountKind" ADD VALUE 'POINTS_LIABILITY';
ALTER TYPE "LedgerAccountKind" ADD VALUE 'LOYALTY_EXPENSE';

-- AlterEnum
ALTER TYPE "LedgerTransactionKind" ADD VALUE 'LOYALTY';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "pointsDiscountCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pointsRedeemed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shippingDiscountCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tierDiscountCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tierName" TEXT;

-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN     "pointsDiscountCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tierDiscountCents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Seller" ADD COLUMN     "loyaltyCofundBps" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "pointsDiscountCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sellerFundedCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shippingDiscountCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tierDiscountCents" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LoyaltyTier" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "minSpendCents" INTEGER NOT NULL,
    "discountBps" INTEGER NOT NULL DEFAULT 0,
    "pointsMultiplierBps" INTEGER NOT NULL DEFAULT 10000,
    "freeShippingOverCents" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoyaltyMember" (
    "userId" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "computedTierId" TEXT NOT NULL,
    "qualifyingSpendCents" INTEGER NOT NULL DEFAULT 0,
    "overrideReason" TEXT,
    "overrideById" TEXT,
    "overrideAt" TIMESTAMP(3),
    "pendingPoints" INTEGER NOT NULL DEFAULT 0,
    "availablePoints" INTEGER NOT NULL DEFAULT 0,
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tierComputedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoyaltyMember_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "PointsLot" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "clawedBack" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMP(3) NOT NULL,
    "releasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsMovement" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "PointsMovementKind" NOT NULL,
    "points" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "orderId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsMovement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyTier_code_key" ON "LoyaltyTier"("code");

-- CreateIndex
CREATE UNIQUE INDEX "LoyaltyTier_name_key" ON "LoyaltyTier"("name");

-- CreateIndex
CREATE INDEX "LoyaltyMember_tierId_idx" ON "LoyaltyMember"("tierId");

-- CreateIndex
CREATE INDEX "LoyaltyMember_availablePoints_lastActivityAt_idx" ON "LoyaltyMember"("availablePoints", "lastActivityAt");

-- CreateIndex
CREATE UNIQUE INDEX "PointsLot_shipmentId_key" ON "PointsLot"("shipmentId");

-- CreateIndex
CREATE INDEX "PointsLot_releasedAt_availableAt_idx" ON "PointsLot"("releasedAt", "availableAt");

-- CreateIndex
CREATE INDEX "PointsLot_userId_idx" ON "PointsLot"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PointsMovement_idempotencyKey_key" ON "PointsMovement"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PointsMovement_userId_createdAt_idx" ON "PointsMovement"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "PointsMovement_orderId_idx" ON "PointsMovement"("orderId");

-- AddForeignKey
ALTER TABLE "LoyaltyMember" ADD CONSTRAINT "LoyaltyMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyMember" ADD CONSTRAINT "LoyaltyMember_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "LoyaltyTier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoyaltyMember" ADD CONSTRAINT "LoyaltyMember_computedTierId_fkey" FOREIGN KEY ("computedTierId") REFERENCES "LoyaltyTier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsLot" ADD CONSTRAINT "PointsLot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsMovement" ADD CONSTRAINT "PointsMovement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Totals still add up, now with the loyalty discounts (what the buyer pays).
ALTER TABLE "Order" DROP CONSTRAINT "Order_totals_add_up";
ALTER TABLE "Order" ADD CONSTRAINT "Order_totals_add_up"
  CHECK ("subtotalCents" >= 0 AND "discountCents" >= 0 AND "shippingCents" >= 0 AND "taxCents" >= 0
         AND "tierDiscountCents" >= 0 AND "shippingDiscountCents" >= 0 AND "shippingDiscountCents" <= "shippingCents"
         AND "pointsRedeemed" >= 0 AND "pointsDiscountCents" >= 0
         AND "tierDiscountCents" + "pointsDiscountCents" <= "subtotalCents" - "discountCents"
         AND "totalCents" = "subtotalCents" - "discountCents" - "tierDiscountCents" - "shippingDiscountCents" - "pointsDiscountCents" + "shippingCents" + "taxCents"
         AND "refundedCents" >= 0 AND "refundedCents" <= "totalCents" AND "currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Shipment" DROP CONSTRAINT "Shipment_totals_add_up";
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_totals_add_up"
  CHECK ("subtotalCents" >= 0 AND "discountCents" >= 0 AND "shippingCents" >= 0 AND "taxCents" >= 0
         AND "tierDiscountCents" >= 0 AND "shippingDiscountCents" >= 0 AND "shippingDiscountCents" <= "shippingCents"
         AND "pointsDiscountCents" >= 0 AND "tierDiscountCents" + "pointsDiscountCents" <= "subtotalCents" - "discountCents"
         AND "sellerFundedCents" >= 0 AND "sellerFundedCents" <= "tierDiscountCents" + "shippingDiscountCents" + "pointsDiscountCents"
         AND "totalCents" = "subtotalCents" - "discountCents" - "tierDiscountCents" - "shippingDiscountCents" - "pointsDiscountCents" + "shippingCents" + "taxCents"
         AND "refundedCents" >= 0 AND "refundedCents" <= "totalCents");
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_loyalty_discounts_valid"
  CHECK ("tierDiscountCents" >= 0 AND "pointsDiscountCents" >= 0
         AND "discountCents" + "tierDiscountCents" + "pointsDiscountCents" <= "subtotalCents");
ALTER TABLE "Seller" ADD CONSTRAINT "Seller_loyaltyCofundBps_range" CHECK ("loyaltyCofundBps" BETWEEN 0 AND 10000);

ALTER TABLE "LoyaltyTier" ADD CONSTRAINT "LoyaltyTier_values_valid"
  CHECK ("minSpendCents" >= 0 AND "discountBps" BETWEEN 0 AND 5000 AND "pointsMultiplierBps" BETWEEN 0 AND 100000
         AND ("freeShippingOverCents" IS NULL OR "freeShippingOverCents" >= 0));
-- Points can never be spent twice: a redemption is a conditional decrement that this keeps at or above zero.
ALTER TABLE "LoyaltyMember" ADD CONSTRAINT "LoyaltyMember_points_non_negative"
  CHECK ("pendingPoints" >= 0 AND "availablePoints" >= 0 AND "qualifyingSpendCents" >= 0);
ALTER TABLE "PointsLot" ADD CONSTRAINT "PointsLot_points_valid" CHECK ("points" > 0 AND "clawedBack" >= 0 AND "clawedBack" <= "points");

-- The tiers Bazaar starts with (administrators edit them): spend over 12 months in USD cents.
INSERT INTO "LoyaltyTier" ("id", "code", "name", "minSpendCents", "discountBps", "pointsMultiplierBps", "freeShippingOverCents", "updatedAt") VALUES
  ('tier_member',   'MEMBER',   'Member',   0,      0,   10000, NULL, CURRENT_TIMESTAMP),
  ('tier_silver',   'SILVER',   'Silver',   20000,  300, 12500, 3500, CURRENT_TIMESTAMP),
  ('tier_gold',     'GOLD',     'Gold',     100000, 500, 15000, 2500, CURRENT_TIMESTAMP),
  ('tier_platinum', 'PLATINUM', 'Platinum', 300000, 800, 20000, 0,    CURRENT_TIMESTAMP);
