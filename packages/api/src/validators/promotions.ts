import { PromoType } from "@bazaar/db/enums";
import { z } from "zod";
import { ZAdminId, ZAdminPageSchema } from "./common";
import { ZInputDate } from "./dates";

export const ZListPromotionsSchema = ZAdminPageSchema.extend({
  q: z.string().trim().max(100).optional(),
  /** Live: not disabled and not expired; ended: disabled or expired. */
  show: z.enum(["all", "live", "ended"]).default("all"),
});

export const ZPromotionIdSchema = z.object({ promoId: ZAdminId });

export const ZCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{3,32}$/, "Use 3 to 32 letters, digits, dashes or underscores, e.g. SPRING25.");

export const ZPromoFields = z.object({
  description: z.string().trim().max(200).nullish(),
  type: z.enum(PromoType),
  /** PERCENT: basis points (1500 = 15%). FIXED: cents. */
  value: z.number().int("Enter a whole number.").positive("Enter a discount above zero."),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. USD.")
    .default("USD"),
  minSubtotalCents: z.number().int().min(0, "The minimum subtotal cannot be negative.").max(100_000_000).default(0),
  startsAt: ZInputDate.nullish(),
  expiresAt: ZInputDate.nullish(),
  usageLimit: z.number().int().min(1, "A usage limit must allow at least one use.").max(10_000_000).nullish(),
  /** Only that shop's lines; platform-wide when absent. */
  sellerId: ZAdminId.nullish(),
  active: z.boolean().default(true),
});

export const ZCreatePromotionSchema = ZPromoFields.extend({ code: ZCode });

export const ZUpdatePromotionSchema = ZPromoFields.extend({
  promoId: ZAdminId,
});

export const ZExpirePromotionSchema = z.object({ promoId: ZAdminId });

/** A promo code as the admin's mutations answer it. */
export const ZPromotionSchema = z.object({
  id: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  type: z.enum(PromoType),
  value: z.number().int(),
  currency: z.string(),
  minSubtotalCents: z.number().int(),
  startsAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  usageLimit: z.number().int().nullable(),
  usageCount: z.number().int(),
  sellerId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
