import { z } from "zod";

// Every domain event Bazaar emits, with its payload schema. Names follow Inngest's
// "area/verb" convention; the same name and payload travel through the outbox to Inngest.
export const eventSchemas = {
  "product/created": z.object({ productId: z.string(), sellerId: z.string() }),
  "product/updated": z.object({ productId: z.string(), sellerId: z.string() }),
  // variantId is optional so that events queued before variants existed still parse.
  "stock/changed": z.object({ stockLevelId: z.string(), productId: z.string(), variantId: z.string().optional(), available: z.number().int() }),
  "stock/low": z.object({
    stockLevelId: z.string(),
    productId: z.string(),
    variantId: z.string().optional(),
    sellerId: z.string(),
    available: z.number().int(),
    threshold: z.number().int(),
  }),
  // A seller's restock brought a sold-out variant back (and maybe the whole product): wishlists hear of it once.
  "stock/back-in-stock": z.object({ productId: z.string(), variantId: z.string(), productWasSoldOut: z.boolean(), restockId: z.string() }),
  // No longer published (the payment's webhook writes the split itself); read from outboxes written before that.
  "payment/captured": z.object({ paymentId: z.string(), orderId: z.string() }),
  "payment/failed": z.object({ paymentId: z.string(), orderId: z.string(), reason: z.string().nullable() }),
  "payment/refunded": z.object({ refundId: z.string(), paymentId: z.string(), orderId: z.string() }),
  "order/confirmed": z.object({ orderId: z.string() }),
  "order/cancelled": z.object({ orderId: z.string(), reason: z.string().nullable() }),
  "shipment/status-changed": z.object({ shipmentId: z.string(), orderId: z.string(), status: z.string() }),
  "payout/requested": z.object({ payoutId: z.string(), sellerId: z.string() }),
  "shop/contacted": z.object({ notificationId: z.string(), from: z.string(), subject: z.string() }),
  "seller/approved": z.object({ sellerId: z.string() }),
  "seller/rejected": z.object({ sellerId: z.string(), reason: z.string().nullable() }),
  "return/updated": z.object({ returnId: z.string(), orderId: z.string(), status: z.string() }),
  "dispute/opened": z.object({ disputeId: z.string(), orderId: z.string() }),
  "dispute/closed": z.object({ disputeId: z.string(), orderId: z.string(), status: z.string() }),
  "payout/reversed": z.object({ payoutId: z.string(), sellerId: z.string() }),
  /** A refund or dispute after a payout took the seller's payable below zero (`transactionId` is that movement). */
  "seller/balance-negative": z.object({
    sellerId: z.string(),
    currency: z.string(),
    balanceCents: z.number().int(),
    transactionId: z.string(),
    cause: z.string(),
  }),
  "loyalty/tier-changed": z.object({ userId: z.string(), fromTierId: z.string().nullable(), toTierId: z.string(), reason: z.string().nullable() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
