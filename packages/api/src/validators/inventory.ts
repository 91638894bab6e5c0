import { z } from "zod";
import { ZCountryCode, ZId } from "./cart";

const MAX_UNITS = 1_000_000;
const units = (label: string) =>
  z
    .number({ message: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(MAX_UNITS, `${label} is at most ${MAX_UNITS.toLocaleString("en-US")}.`);

export const ZSetOnHandSchema = z
  .object({
    /** The variant; a product id stands for a product without options. */
    variantId: ZId.optional(),
    productId: ZId.optional(),
    warehouseId: ZId,
    onHand: units("On hand"),
    /** The row's version when the form was loaded; 0 for a warehouse the product is not stocked in yet. */
    version: z.number().int().min(0),
  })
  .refine((input) => Boolean(input.variantId ?? input.productId), { message: "Say which product (variantId or productId)." });

export const ZSetLowStockThresholdSchema = z.object({ stockLevelId: ZId, threshold: units("The low-stock threshold") });

export const ZListStockSchema = z
  .object({
    productId: ZId.optional(),
    variantId: ZId.optional(),
    lowOnly: z.boolean().optional(),
    cursor: ZId.nullish(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .optional();

export const ZCreateWarehouseSchema = z.object({
  name: z.string().trim().min(1, "Name the warehouse.").max(80, "Warehouse names are at most 80 characters."),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{2,16}$/, "Codes are 2-16 letters, digits or dashes, e.g. MAIN or EU-1."),
  country: ZCountryCode,
});

/** One stock row as the seller's inventory shows it. */
export const ZSellerStockRowSchema = z.object({
  id: z.string(),
  productId: z.string(),
  variantId: z.string(),
  productName: z.string(),
  variantTitle: z.string(),
  sku: z.string(),
  warehouseId: z.string(),
  warehouseName: z.string(),
  warehouseCode: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  allocated: z.number().int(),
  available: z.number().int(),
  lowStockThreshold: z.number().int(),
  low: z.boolean(),
  version: z.number().int(),
  updatedAt: z.date(),
});
export const ZWarehouseSchema = z.object({ id: z.string(), name: z.string(), code: z.string(), country: z.string(), createdAt: z.date() });
