import { ProductStatus, VariantStatus } from "@bazaar/db/enums";
import { z } from "zod";
import { ZId } from "./cart";
import { ZAdminPageSchema } from "./common";

// The seller console's product form and the catalog procedures share these.
export const MAX_PRICE_CENTS = 100_000_000; // $1,000,000: above this is a typo
export const MAX_PRODUCT_IMAGES = 8;
export const SUPPORTED_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD"] as const;

export const ZPriceCents = z
  .number({ message: "Price must be a number of cents." })
  .int("Price is in cents: a whole number (1999 for 19.99).")
  .min(0, "Price cannot be negative.")
  .max(MAX_PRICE_CENTS, "Price is at most 1,000,000.00.");

export const ZCurrency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => (SUPPORTED_CURRENCIES as readonly string[]).includes(value), {
    message: `Currency must be one of ${SUPPORTED_CURRENCIES.join(", ")}.`,
  });

export const ZSku = z
  .string({ message: "SKU is required." })
  .trim()
  .min(1, "SKU is required.")
  .max(64, "SKU is at most 64 characters.")
  .regex(/^[A-Za-z0-9._\-/]+$/, "SKU may use letters, digits and . _ - / only.");

export const ZProductImageInput = z.object({
  key: z.string().min(1).max(512),
  url: z.string().min(1).max(1000),
  alt: z.string().trim().max(200, "Image descriptions are at most 200 characters.").default(""),
  /** The upload's receipt; needed for an image the product does not have yet. */
  receipt: z.string().max(200).optional(),
});

export const ZProductFormSchema = z.object({
  name: z.string({ message: "Name is required." }).trim().min(2, "Name needs at least 2 characters.").max(140, "Name is at most 140 characters."),
  sku: ZSku,
  description: z.string().trim().max(10_000, "Description is at most 10,000 characters.").default(""),
  priceCents: ZPriceCents,
  currency: ZCurrency.default("USD"),
  categoryId: ZId.nullish(),
  images: z.array(ZProductImageInput).max(MAX_PRODUCT_IMAGES, `At most ${MAX_PRODUCT_IMAGES} images.`).optional(),
});
export type ProductFormInput = z.input<typeof ZProductFormSchema>;
export type ProductForm = z.output<typeof ZProductFormSchema>;

export const ZCreateProductSchema = ZProductFormSchema;
export const ZUpdateProductSchema = ZProductFormSchema.partial().extend({ id: ZId });
export type UpdateProduct = z.output<typeof ZUpdateProductSchema>;

export const ZProductIdSchema = z.object({ id: ZId });

export const ZUnlistProductSchema = z.object({
  id: ZId,
  reason: z.string().trim().min(5, "Give the seller a reason (at least 5 characters).").max(500, "The reason is at most 500 characters."),
});

export const PRODUCT_SORTS = ["relevance", "newest", "price_asc", "price_desc", "rating"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const ZBrowseProductsSchema = z
  .object({
    q: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
    /** A category slug; its sub-categories are included. */
    category: z.string().trim().max(120).optional(),
    /** A shop slug. */
    seller: z.string().trim().max(120).optional(),
    minPriceCents: ZPriceCents.optional(),
    maxPriceCents: ZPriceCents.optional(),
    inStock: z.boolean().optional(),
    /** Option values the product must come in, as "Name:Value" ("Colour:Blue", "Size:M"). */
    options: z
      .array(
        z
          .string()
          .trim()
          .min(3)
          .max(90)
          .regex(/^[^:]{1,40}:.{1,40}$/, 'Option filters look like "Colour:Blue".'),
      )
      .max(10)
      .optional(),
    /** Defaults to relevance when searching, newest otherwise. */
    sort: z.enum(PRODUCT_SORTS, { message: `Sort by one of: ${PRODUCT_SORTS.join(", ")}.` }).optional(),
    cursor: z.string().max(500).nullish(),
    limit: z.number().int().min(1).max(60).default(24),
  })
  .refine((input) => input.minPriceCents === undefined || input.maxPriceCents === undefined || input.minPriceCents <= input.maxPriceCents, {
    message: "The lowest price must not be above the highest.",
    path: ["maxPriceCents"],
  });
export type BrowseProductsInput = z.input<typeof ZBrowseProductsSchema>;
export type BrowseProducts = z.output<typeof ZBrowseProductsSchema>;

export const ZProductDetailSchema = z.union([z.object({ id: ZId }), z.object({ slug: z.string().trim().min(1).max(200) })]);

export const ZShopPageSchema = z.object({
  slug: z.string().trim().min(1).max(120),
  cursor: z.string().max(500).nullish(),
  sort: z.enum(PRODUCT_SORTS).optional(),
});

export const ZModerationSearchSchema = ZAdminPageSchema.extend({
  /** Name (trigram index) or exact SKU. */
  q: z.string().trim().max(200).optional(),
  status: z.enum(ProductStatus).optional(),
  sellerId: z.string().trim().max(100).optional(),
  categoryId: z.string().trim().max(100).optional(),
  /** true: only unlisted; false: only listed. */
  unlisted: z.boolean().optional(),
});

/** One sitemap file: the kind of page it lists and its page number from 0. */
export const ZSitemapPageSchema = z.object({ kind: z.enum(["products", "categories", "shops"]), page: z.number().int().min(0).max(10_000) });

/** A variant as the seller console shows it (here, not in variants.ts, which builds on this file's schemas). */
export const ZSellerVariantSchema = z.object({
  id: z.string(),
  sku: z.string(),
  optionValues: z.array(z.string()),
  title: z.string(),
  priceCents: z.number().int(),
  compareAtPriceCents: z.number().int().nullable(),
  weightGrams: z.number().int().nullable(),
  imageId: z.string().nullable(),
  position: z.number().int(),
  status: z.enum(VariantStatus),
});
export const ZProductOptionSchema = z.object({ id: z.string(), name: z.string(), position: z.number().int(), values: z.array(z.string()) });

/** A seller's product as their writes answer it (the form's fields, pictures and stock rows). */
export const ZSellerProductSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  status: z.enum(ProductStatus),
  priceCents: z.number().int(),
  currency: z.string(),
  categoryId: z.string().nullable(),
  unlistedAt: z.date().nullable(),
  unlistedReason: z.string().nullable(),
  ratingCount: z.number().int(),
  ratingAvg: z.number(),
  salesCount: z.number().int(),
  publishedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  priceMaxCents: z.number().int(),
  images: z.array(z.object({ id: z.string(), url: z.string(), alt: z.string(), position: z.number().int(), storageKey: z.string() })),
  options: z.array(ZProductOptionSchema),
  variants: z.array(ZSellerVariantSchema),
  stockLevels: z.array(
    z.object({
      id: z.string(),
      variantId: z.string(),
      warehouseId: z.string(),
      onHand: z.number().int(),
      reserved: z.number().int(),
      allocated: z.number().int(),
      lowStockThreshold: z.number().int(),
      version: z.number().int(),
    }),
  ),
});
export const ZUnlistResultSchema = z.object({ id: z.string(), unlistedAt: z.date().nullable(), unlistedReason: z.string().nullable() });
