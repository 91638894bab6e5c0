import { z } from "zod";

export const ZUpdateSettingsSchema = z.object({
  commissionDefaultBps: z.number().int().min(0, "Commission cannot be negative.").max(5000, "Commission above 50% is not allowed.").optional(),
  lowStockThresholdDefault: z.number().int().min(0, "The threshold cannot be negative.").max(100_000).optional(),
  shippingDefaultFlatCents: z.number().int().min(0, "Shipping cannot be negative.").max(1_000_000).optional(),
  /** Null: no free shipping by default. */
  shippingDefaultFreeOverCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
  payoutHoldDaysAfterDelivery: z.number().int().min(0, "The hold cannot be negative.").max(120, "Hold funds at most 120 days.").optional(),
  payoutHoldDaysAfterShipping: z.number().int().min(0, "The hold cannot be negative.").max(180, "Hold funds at most 180 days.").optional(),
  sellerRefundLimitCents: z.number().int().min(0, "The limit cannot be negative.").max(100_000_000).optional(),
  disputeFeeCents: z.number().int().min(0, "The fee cannot be negative.").max(100_000).optional(),
  disputeFeeSellerBps: z.number().int().min(0, "Enter 0% to 100%.").max(10_000, "Enter 0% to 100%.").optional(),
  loyaltyPointsPerUnit: z.number().int().min(0, "Points per unit cannot be negative.").max(100, "Give at most 100 points per unit.").optional(),
  loyaltyRedeemStepPoints: z.number().int().min(1, "Points are redeemed in steps of at least 1.").max(100_000).optional(),
  loyaltyMaxRedeemShareBps: z.number().int().min(0, "Enter 0% to 100%.").max(10_000, "Enter 0% to 100%.").optional(),
  loyaltyPointsExpiryDays: z.number().int().min(1, "Points must last at least a day.").max(3650, "Points expire within 10 years at most.").optional(),
});

export const ZCountry = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. DE.");

export const ZSetTaxRateSchema = z.object({
  country: ZCountry,
  /** Basis points: 2000 = 20%. */
  rateBps: z.number().int("Enter whole basis points (2000 = 20%).").min(0, "A tax rate cannot be negative.").max(5000, "A tax rate above 50% is not allowed."),
});

export const ZDeleteTaxRateSchema = z.object({ country: ZCountry });

/** The platform settings after an update. */
export const ZPlatformSettingsSchema = z.object({
  commissionDefaultBps: z.number().int(),
  lowStockThresholdDefault: z.number().int(),
  shippingDefaultFlatCents: z.number().int(),
  shippingDefaultFreeOverCents: z.number().int().nullable(),
  payoutHoldDaysAfterDelivery: z.number().int(),
  payoutHoldDaysAfterShipping: z.number().int(),
  sellerRefundLimitCents: z.number().int(),
  disputeFeeCents: z.number().int(),
  disputeFeeSellerBps: z.number().int(),
  loyaltyPointsPerUnit: z.number().int(),
  loyaltyRedeemStepPoints: z.number().int(),
  loyaltyMaxRedeemShareBps: z.number().int(),
  loyaltyPointsExpiryDays: z.number().int(),
});
export const ZTaxRateSchema = z.object({ country: z.string(), rateBps: z.number().int(), updatedAt: z.date() });
export const ZTaxRateDeletedSchema = z.object({ country: z.string() });
