import { z } from "zod";
import { ZId } from "./cart";
import { ZPageSchema } from "./orders";

export const ZCreateReviewSchema = z.object({
  productId: ZId,
  rating: z.number().int("Ratings are whole stars.").min(1, "Give at least 1 star.").max(5, "Give at most 5 stars."),
  title: z.string().trim().max(120, "Keep the title under 120 characters.").optional(),
  body: z.string().trim().max(5000, "Keep the review under 5000 characters.").optional(),
});

export const ZProductReviewsSchema = ZPageSchema.extend({ productId: ZId });

export const ZReviewSchema = z.object({
  id: z.string(),
  productId: z.string(),
  buyerId: z.string(),
  orderItemId: z.string().nullable(),
  rating: z.number().int(),
  title: z.string().nullable(),
  body: z.string(),
  verifiedPurchase: z.boolean(),
  createdAt: z.date(),
});
