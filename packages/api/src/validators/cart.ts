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

/**
 * What a cart line is: a variant, by id. A product id is accepted where it is unambiguous (a
 * product without options, or the one line of that product in the cart).
 */
const ZCartItemRef = z.object({ variantId: ZId.optional(), productId: ZId.optional() });
const needsRef = (ref: { variantId?: string; productId?: string }) => Boolean(ref.variantId ?? ref.productId);
const refMessage = { message: "Say which product (variantId or productId)." };
export type CartItemRef = z.output<typeof ZCartItemRef>;

export const ZAddToCartSchema = ZCartItemRef.extend({
  quantity: ZQuantitySchema.min(1, "Add at least 1.").default(1),
}).refine(needsRef, refMessage);

export const ZSetCartLineSchema = ZCartItemRef.extend({
  quantity: ZQuantitySchema.min(0, "Quantity cannot be negative (use 0 to remove the line)."),
}).refine(needsRef, refMessage);

export const ZRemoveCartLineSchema = ZCartItemRef.refine(needsRef, refMessage);

export const ZApplyPromoSchema = z.object({
  code: z.string().trim().min(1, "Enter a promo code.").max(40, "Promo codes are at most 40 characters."),
});

export const ZCartViewSchema = z.object({ country: ZCountryCode.optional() }).optional();

const ZCartLineViewSchema = z.object({
  id: z.string(),
  productId: z.string(),
  variantId: z.string(),
  quantity: z.number().int(),
  snapshotPriceCents: z.number().int(),
  unitPriceCents: z.number().int(),
  currency: z.string(),
  /** "Hoodie — M / Blue". */
  name: z.string(),
  productName: z.string(),
  variantTitle: z.string(),
  slug: z.string(),
  sku: z.string(),
  image: z.object({ url: z.string(), alt: z.string() }).nullable(),
  purchasable: z.boolean(),
  heldQuantity: z.number().int(),
  maxQuantity: z.number().int(),
  availability: z.enum(["in_stock", "low", "out"]),
  warnings: z.array(z.string()),
  lineSubtotalCents: z.number().int(),
});
const ZMoneyTotalsSchema = {
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  shippingCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
};

/** The cart as the cart page shows it: lines grouped by shop, reservations, warnings, totals. */
export const ZCartSchema = z.object({
  id: z.string().nullable(),
  status: z.string(),
  currency: z.string(),
  itemCount: z.number().int(),
  reservationExpiresAt: z.date().nullable(),
  groups: z.array(
    z.object({
      seller: z.object({ id: z.string(), shopName: z.string(), slug: z.string() }),
      lines: z.array(ZCartLineViewSchema),
      totals: z
        .object({
          sellerId: z.string(),
          ...ZMoneyTotalsSchema,
          tierDiscountCents: z.number().int(),
          shippingDiscountCents: z.number().int(),
          pointsDiscountCents: z.number().int(),
          sellerFundedCents: z.number().int(),
        })
        .nullable(),
    }),
  ),
  warnings: z.array(z.string()),
  promo: z.object({ code: z.string(), applied: z.boolean(), reason: z.string().nullable(), discountCents: z.number().int() }).nullable(),
  totals: z.object({ ...ZMoneyTotalsSchema, tierDiscountCents: z.number().int(), shippingDiscountCents: z.number().int(), taxCalculated: z.boolean() }),
  loyalty: z
    .object({ tierName: z.string(), availablePoints: z.number().int(), maxRedeemablePoints: z.number().int(), stepPoints: z.number().int() })
    .nullable(),
  canCheckout: z.boolean(),
});
/** What adding to a cart answers: the line, the cart's count (the header's badge) and subtotal. */
export const ZCartAdditionSchema = z.object({
  line: z.object({ id: z.string(), variantId: z.string(), quantity: z.number().int() }),
  itemCount: z.number().int(),
  subtotalCents: z.number().int(),
  currency: z.string(),
});
export const ZMergedCartSchema = z.object({ merged: z.boolean(), notes: z.array(z.string()), cart: ZCartSchema });
