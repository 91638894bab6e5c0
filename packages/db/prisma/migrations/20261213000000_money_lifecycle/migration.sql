-- The money lifecycle after a sale: refunds by item, returns (RMA), payout holds (a pending
-- account per seller), disputes, and the seller's Stripe Connect state.

-- New enum values may not be used in the transaction that adds them; none is used below.
ALTER TYPE "LedgerAccountKind" ADD VALUE 'SELLER_PENDING';
ALTER TYPE "LedgerAccountKind" ADD VALUE 'DISPUTES_HELD';
ALTER TYPE "LedgerAccountKind" ADD VALUE 'PROCESSOR_FEES';
ALTER TYPE "LedgerTransactionKind" ADD VALUE 'FUNDS_RELEASE';
ALTER TYPE "LedgerTransactionKind" ADD VALUE 'DISPUTE';
ALTER TYPE "PayoutStatus" ADD VALUE 'REVERSED';

CREATE TYPE "ReturnStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'SENT', 'RECEIVED', 'CANCELLED');
CREATE TYPE "ReturnDisposition" AS ENUM ('RESTOCK', 'WRITE_OFF');
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'WON', 'LOST');

ALTER TABLE "Seller"
  ADD COLUMN "stripeChargesEnabled" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "stripePayoutsEnabled" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "stripeRequirements" TEXT[] DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "stripeDisabledReason" TEXT,
  ADD COLUMN "stripeUpdatedAt" TIMESTAMP(3),
  ADD COLUMN "returnWindowDays" INTEGER NOT NULL DEFAULT 30,
  ADD CONSTRAINT "Seller_returnWindowDays_range" CHECK ("returnWindowDays" BETWEEN 0 AND 365);

ALTER TABLE "OrderItem"
  ADD COLUMN "refundedQuantity" INTEGER NOT NULL DEFAULT 0,
  ADD CONSTRAINT "OrderItem_refundedQuantity_range" CHECK ("refundedQuantity" >= 0 AND "refundedQuantity" <= "quantity");

ALTER TABLE "Shipment" ADD COLUMN "fundsReleasedAt" TIMESTAMP(3);
-- Parts sold before holds existed were paid into the payable directly: nothing of theirs is pending.
UPDATE "Shipment" SET "fundsReleasedAt" = "createdAt";

ALTER TABLE "Payment"
  ADD COLUMN "disputedCents" INTEGER NOT NULL DEFAULT 0,
  ADD CONSTRAINT "Payment_disputed_within_amount" CHECK ("disputedCents" >= 0 AND "disputedCents" + "refundedCents" <= "amountCents");

ALTER TABLE "Payout" ADD COLUMN "waitingReason" TEXT;

CREATE TABLE "RefundItem" (
    "id" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "orderItemId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    CONSTRAINT "RefundItem_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RefundItem_quantity_positive" CHECK ("quantity" > 0)
);
CREATE INDEX "RefundItem_refundId_idx" ON "RefundItem"("refundId");
CREATE INDEX "RefundItem_orderItemId_idx" ON "RefundItem"("orderItemId");
ALTER TABLE "RefundItem" ADD CONSTRAINT "RefundItem_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RefundItem" ADD CONSTRAINT "RefundItem_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ReturnRequest" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "orderId" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "status" "ReturnStatus" NOT NULL DEFAULT 'REQUESTED',
    "reason" TEXT NOT NULL,
    "photos" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "instructions" TEXT,
    "rejectionReason" TEXT,
    "carrier" TEXT,
    "trackingNumber" TEXT,
    "refundId" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ReturnRequest_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReturnRequest_number_key" ON "ReturnRequest"("number");
CREATE UNIQUE INDEX "ReturnRequest_refundId_key" ON "ReturnRequest"("refundId");
CREATE INDEX "ReturnRequest_orderId_idx" ON "ReturnRequest"("orderId");
CREATE INDEX "ReturnRequest_sellerId_status_requestedAt_idx" ON "ReturnRequest"("sellerId", "status", "requestedAt" DESC);
CREATE INDEX "ReturnRequest_status_requestedAt_idx" ON "ReturnRequest"("status", "requestedAt" DESC);
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_sellerId_fkey" FOREIGN KEY ("sellerId") REFERENCES "Seller"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ReturnItem" (
    "id" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "orderItemId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "disposition" "ReturnDisposition",
    "warehouseId" TEXT,
    CONSTRAINT "ReturnItem_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReturnItem_quantity_positive" CHECK ("quantity" > 0)
);
CREATE UNIQUE INDEX "ReturnItem_returnId_orderItemId_key" ON "ReturnItem"("returnId", "orderItemId");
CREATE INDEX "ReturnItem_orderItemId_idx" ON "ReturnItem"("orderItemId");
ALTER TABLE "ReturnItem" ADD CONSTRAINT "ReturnItem_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReturnItem" ADD CONSTRAINT "ReturnItem_orderItemId_fkey" FOREIGN KEY ("orderItemId") REFERENCES "OrderItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "providerDisputeId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "evidenceDueBy" TIMESTAMP(3),
    "feeCents" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Dispute_amount_positive" CHECK ("amountCents" > 0 AND "feeCents" >= 0)
);
CREATE UNIQUE INDEX "Dispute_providerDisputeId_key" ON "Dispute"("providerDisputeId");
CREATE INDEX "Dispute_paymentId_idx" ON "Dispute"("paymentId");
CREATE INDEX "Dispute_status_openedAt_idx" ON "Dispute"("status", "openedAt" DESC);
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
