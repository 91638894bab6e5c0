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
  /** The buyer's email (any part) or an order number. */
  buyer: z.string().trim().max(200).optional(),
  /** Placed on or after `from`, before `to`. */
  from: ZInputDate.optional(),
  to: ZInputDate.optional(),
});

export const ZAdminOrderIdSchema = z.object({ orderId: ZAdminId });
