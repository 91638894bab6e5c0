import { z } from "zod";
import { ZAdminId, ZAdminPageSchema, ZReasonSchema } from "./common";

export const ZPointsHistorySchema = z.object({
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});

/** A product's price, for the "you'd earn N points" line on its page. */
export const ZPointsPreviewSchema = z.object({
  priceCents: z.number().int().min(0).max(100_000_000),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. USD."),
});

export const ZUpdateTierSchema = z.object({
  tierId: ZAdminId,
  name: z.string().trim().min(2, "Name the tier (at least 2 characters).").max(40, "Keep the tier name under 40 characters.").optional(),
  minSpendCents: z.number().int().min(0, "The qualifying spend cannot be negative.").max(100_000_000).optional(),
  discountBps: z.number().int().min(0, "The discount cannot be negative.").max(5000, "A tier discount above 50% is not allowed.").optional(),
  pointsMultiplierBps: z.number().int().min(0, "The multiplier cannot be negative.").max(100_000, "A multiplier above x10 is not allowed.").optional(),
  freeShippingOverCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
});

export const ZSetMemberTierSchema = z.object({ userId: ZAdminId, tierId: ZAdminId, reason: ZReasonSchema });
export const ZClearTierOverrideSchema = z.object({ userId: ZAdminId, reason: z.string().trim().max(500).default("") });

export const ZTopMembersSchema = ZAdminPageSchema.pick({ limit: true }).extend({ q: z.string().trim().max(100).optional() });

export const ZMemberLookupSchema = z.object({ userId: ZAdminId });

/** A seller's share of the tier benefits on their items, in basis points (0: Bazaar funds all of it). */
export const ZLoyaltyCofundSchema = z.object({
  cofundBps: z.number().int("Enter whole basis points (2500 = 25%).").min(0, "Enter 0% to 100%.").max(10_000, "Enter 0% to 100%."),
});
