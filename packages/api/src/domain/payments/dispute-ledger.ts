import { Prisma } from "@bazaar/db";

/** The ledger transactions of a dispute: opened (the amount held), closed (released or lost). */
export const disputeOpenKey = (disputeId: string) => `dispute-open:${disputeId}`;
export const disputeCloseKey = (disputeId: string) => `dispute-close:${disputeId}`;

/**
 * What each lost dispute took of each part of its order, as rows ("orderId", "shipmentId",
 * "cents"): the amounts its opening held from the part (the loss itself is booked without a
 * shipment, so the opening says which part). Loyalty counts these as refunded.
 */
export const lostDisputeHoldsSql = Prisma.sql`(
  SELECT d."orderId", e."shipmentId", e."amountCents" AS "cents"
    FROM "Dispute" d
    JOIN "LedgerTransaction" t ON t."idempotencyKey" = ${disputeOpenKey("")} || d."id"
    JOIN "LedgerEntry" e ON e."transactionId" = t."id" AND e."direction" = 'CREDIT'
    JOIN "LedgerAccount" a ON a."id" = e."accountId" AND a."kind" = 'DISPUTES_HELD'
   WHERE d."status" = 'LOST')`;
