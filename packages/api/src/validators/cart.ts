import { z } from "zod";

// Shared by the cart procedures and the storefront's forms.
const MAX_LINE_QUANTITY = 99;

export const ZId = z.string().trim().min(1, "Missing id.").max(64, "That id is too long to be one of ours.");

export const ZQuantitySchema = z
  .number({ message: "Quantity must be a number." })
  .int("Quantity must be a whole number.")
  .max(MAX_LINE_QUANTITY, `You can have at most ${MAX_LINE_QUANTITY} of one product in your cart.`);

export const ZCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. US or DE.");

export const ZAddToCartSchema = z.object({
  productId: ZId,
  quantity: ZQuantitySchema.min(1, "Add at least 1.").default(1),
});

export const ZSetCartLineSchema = z.object({
  productId: ZId,
  quantity: ZQuantitySchema.min(0, "Quantity cannot be negative (use 0 to remove the line)."),
});

export const ZRemoveCartLineSchema = z.object({ productId: ZId });

export const ZApplyPromoSchema = z.object({
  code: z.string().trim().min(1, "Enter a promo code.").max(40, "Promo codes are at most 40 characters."),
});

export const ZCartViewSchema = z.object({ country: ZCountryCode.optional() }).optional();
