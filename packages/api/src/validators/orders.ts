import { OrderStatus } from "@bazaar/db/enums";
import { z } from "zod";
import { ZId } from "./cart";
import { ZAdminId, ZAdminPageSchema } from "./common";
import { ZInputDate } from "./dates";

export const ZPageSchema = z.object({
  cursor: ZId.nullish(),
  limit: z.number().int().min(1, "Ask for at least 1.").max(100, "At most 100 per page.").optional(),
});

export const ZOrderIdSchema = z.object({ orderId: ZId });

/** A guest's order link carries this token (an HMAC, base64url); a signed-in buyer leaves it out. */
const ZOrderToken = z
  .string()
  .trim()
  .max(100, "That order link is not valid.")
  .regex(/^[A-Za-z0-9_-]*$/, "That order link is not valid.")
  .nullish();

export const ZOrderRefSchema = z.object({ orderId: ZId, token: ZOrderToken });

export const ZCancelOrderSchema = z.object({
  orderId: ZId,
  token: ZOrderToken,
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
});

export const ZRefundOrderSchema = z.object({
  orderId: ZId,
  /** Only this seller's part of the order; the whole order when absent. */
  sellerId: ZId.optional(),
  reason: z.string().trim().min(3, "Give a reason for the refund.").max(500, "Keep the reason under 500 characters."),
});

export const ZListAllOrdersSchema = ZAdminPageSchema.extend({
  status: z.enum(OrderStatus).optional(),
  /** Orders with a part sold by this shop. */
  sellerId: z.string().trim().max(100).optional(),
  /** Part of the buyer's email or name or of a guest's email (two letters: a word's start), or an order number. */
  buyer: z.string().trim().max(200).optional(),
  /** Placed on or after `from`, before `to`. */
  from: ZInputDate.optional(),
  to: ZInputDate.optional(),
});

export const ZAdminOrderIdSchema = z.object({ orderId: ZAdminId });

const ZReason = z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500, "Keep the reason under 500 characters.");
const ZUnits = z.number().int("Enter whole units.").min(1, "Refund at least 1 unit.").max(10_000, "That is more units than any order line has.");

export const ZRefundItemsSchema = z.object({
  orderId: ZId,
  /** The seller's part the refund is for. */
  shipmentId: ZId,
  items: z
    .array(z.object({ orderItemId: ZId, quantity: ZUnits }))
    .max(100, "Refund at most 100 lines at once.")
    .refine((items) => new Set(items.map((i) => i.orderItemId)).size === items.length, "List each item once.")
    .default([]),
  /** A custom amount in cents instead of what the items are worth. */
  amountCents: z.number().int("Enter whole cents.").min(1, "Refund at least 1 cent.").max(100_000_000).nullish(),
  includeShipping: z.boolean().default(false),
  reason: ZReason,
  /** Chosen by the client per refund form: a double-submitted refund is made once. */
  idempotencyKey: z.string().trim().min(8).max(100),
});

/** Photos a return may carry, and the kinds accepted (photos, not drawings or animations). */
export const MAX_RETURN_PHOTOS = 4;
export const RETURN_PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export const ZRequestReturnSchema = z.object({
  orderId: ZId,
  /** A guest's order link token (a signed-in buyer leaves it out). */
  token: ZOrderToken,
  shipmentId: ZId,
  items: z
    .array(z.object({ orderItemId: ZId, quantity: ZUnits }))
    .min(1, "Choose at least one item to return.")
    .max(100)
    .refine((items) => new Set(items.map((i) => i.orderItemId)).size === items.length, "List each item once."),
  reason: ZReason,
  /** Photos uploaded for this order (`returns.photoUpload`), each with the receipt the upload route gave it. */
  photos: z
    .array(z.object({ key: z.string().trim().min(1).max(512), url: z.string().trim().min(1).max(1000), receipt: z.string().trim().min(1).max(200) }))
    .max(MAX_RETURN_PHOTOS, `Attach at most ${MAX_RETURN_PHOTOS} photos.`)
    .default([]),
});

/** A buyer (or a guest with the order link) asks to upload photos for a return of this order. */
export const ZReturnPhotoUploadSchema = z.object({ orderId: ZId, token: ZOrderToken });

export const ZReturnIdSchema = z.object({ returnId: ZId });
/** A return the buyer acts on: a guest brings their order link's token. */
export const ZBuyerReturnSchema = z.object({ returnId: ZId, token: ZOrderToken });
export const ZApproveReturnSchema = z.object({
  returnId: ZId,
  instructions: z.string().trim().min(5, "Tell the buyer how and where to send the items.").max(2000, "Keep the instructions under 2000 characters."),
});
export const ZRejectReturnSchema = z.object({ returnId: ZId, reason: ZReason });
export const ZMarkReturnSentSchema = z.object({
  returnId: ZId,
  token: ZOrderToken,
  carrier: z.string().trim().min(2, "Name the carrier.").max(60, "Keep the carrier under 60 characters."),
  trackingNumber: z.string().trim().min(3, "Enter the tracking number.").max(60, "Keep the tracking number under 60 characters."),
});
export const ZReceiveReturnSchema = z.object({
  returnId: ZId,
  items: z
    .array(z.object({ orderItemId: ZId, disposition: z.enum(["RESTOCK", "WRITE_OFF"]), warehouseId: ZId.nullish() }))
    .min(1, "Say for each item whether it goes back in stock or is written off.")
    .max(100),
  /** Refund the part's shipping too (the shop's policy, or its fault). */
  includeShipping: z.boolean().default(false),
});
export const ZListReturnsSchema = ZPageSchema.extend({ status: z.enum(["REQUESTED", "APPROVED", "REJECTED", "SENT", "RECEIVED", "CANCELLED"]).optional() });
