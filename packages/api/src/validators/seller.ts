import { SellerStatus, ProductStatus } from "@bazaar/db/enums";
import { z } from "zod";
import { ZId } from "./cart";
import { ZCurrencySchema } from "./ledger";
import { ZAdminId, ZAdminPageSchema, ZReasonSchema } from "./common";

// The seller console's own procedures (dashboard, CSV, packing slips, Stripe Connect).

export const ZSellerDashboardSchema = z
  .object({
    currency: ZCurrencySchema.optional(),
    /** An IANA zone name; "today" starts at midnight there. */
    timeZone: z.string().trim().min(1).max(64).optional(),
  })
  .optional();

/** A CSV file as text; 2 MB is thousands of products, more is a mistake (or an attack). */
export const MAX_PRODUCT_CSV_BYTES = 2 * 1024 * 1024;
export const MAX_PRODUCT_CSV_ROWS = 2000;

export const ZImportProductsSchema = z.object({
  csv: z
    .string({ message: "Choose a CSV file." })
    .min(1, "The file is empty.")
    .max(MAX_PRODUCT_CSV_BYTES, `The file is over ${MAX_PRODUCT_CSV_BYTES / 1024 / 1024} MB; split it into smaller files.`),
  /** Only check the rows and report; change nothing. */
  dryRun: z.boolean().default(false),
});

export const ZProductTableSchema = z
  .object({
    q: z.string().trim().max(100, "Search for at most 100 characters.").optional(),
    status: z.enum(ProductStatus).optional(),
    cursor: ZId.nullish(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .optional();

export const ZProductCsvExportSchema = z.object({ status: z.enum(ProductStatus).optional() }).optional();

export const ZPackingSlipSchema = z.object({ shipmentId: ZId });

export const ZSellerSalesSchema = z
  .object({
    currency: ZCurrencySchema.optional(),
    cursor: ZId.nullish(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .optional();

export const ZLedgerCsvSchema = z.object({ currency: ZCurrencySchema.optional() }).optional();

export const ZBulkProductStatusSchema = z.object({
  ids: z.array(ZId).min(1, "Select at least one product.").max(200, "Change at most 200 products at once."),
  action: z.enum(["publish", "unpublish", "archive", "restore"]),
});

/** Where Stripe sends the seller back to after (or instead of) finishing onboarding: paths on the seller console. */
export const ZConnectLinkSchema = z.object({
  returnPath: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*$/, "Give a path on the seller console.")
    .default("/money"),
});

/** How many digits after the decimal point a price has in each currency sellers may use. */
const MINOR_DIGITS = 2;

/**
 * Reads a price typed by a person ("19.99", "1,299", "$5") into cents, or null when it is not a
 * price. Strings, not floats, all the way: 0.1 + 0.2 must not become 30 cents by accident.
 */
export function parsePriceToCents(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[$€£]/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = (match[2] ?? "").padEnd(MINOR_DIGITS, "0");
  return whole * 10 ** MINOR_DIGITS + Number(fraction);
}

/** Cents as a price field shows them: 1999 -> "19.99", 500 -> "5.00". */
export function centsToPriceText(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 10 ** MINOR_DIGITS)}.${String(abs % 10 ** MINOR_DIGITS).padStart(MINOR_DIGITS, "0")}`;
}

export const ZListSellersSchema = ZAdminPageSchema.extend({
  status: z.enum(SellerStatus).optional(),
  /** Shop name, slug or the owner's email. */
  q: z.string().trim().max(200).optional(),
});

export const ZSellerIdSchema = z.object({ sellerId: ZAdminId });

export const ZSellerReasonSchema = z.object({
  sellerId: ZAdminId,
  reason: ZReasonSchema,
});

export const ZSetCommissionSchema = z.object({
  sellerId: ZAdminId,
  /** Basis points (1000 = 10%); null returns the shop to the platform default. */
  commissionBps: z
    .number()
    .int("Enter whole basis points (1000 = 10%).")
    .min(0, "Commission cannot be negative.")
    .max(5000, "Commission above 50% is not allowed.")
    .nullable(),
  reason: z.string().trim().max(500).optional(),
});

/** A shop as the admin's decisions answer it. */
export const ZSellerSchema = z.object({
  id: z.string(),
  userId: z.string(),
  shopName: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  contactEmail: z.string(),
  status: z.enum(SellerStatus),
  statusReason: z.string().nullable(),
  commissionBps: z.number().int().nullable(),
  shippingFlatCents: z.number().int(),
  freeShippingOverCents: z.number().int().nullable(),
  stripeAccountId: z.string().nullable(),
  approvedAt: z.date().nullable(),
  suspendedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** What a bulk publish/archive answers: each product's outcome. */
export const ZBulkStatusResultSchema = z.object({
  changed: z.number().int(),
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), status: z.enum(ProductStatus).nullable(), error: z.string().nullable() })),
});

// ── The shop's public profile (seller console "Shop" page) and the shop directory ──

const ZPolicyText = z.string().trim().max(2000, "Keep each policy under 2000 characters.");
const ZCents = z.number().int("Use whole cents.").min(0, "Amounts cannot be negative.").max(1_000_000, "That amount is over $10,000.");

export const ZShopProfileInputSchema = z.object({
  shopName: z.string().trim().min(2, "Give the shop a name of at least 2 characters.").max(80, "Keep the shop name under 80 characters."),
  description: z.string().trim().max(1000, "Keep the description under 1000 characters."),
  contactEmail: z.email("Enter a valid contact email.").max(254),
  shippingFlatCents: ZCents,
  freeShippingOverCents: ZCents.nullable(),
  shippingPolicy: ZPolicyText,
  returnPolicy: ZPolicyText,
});

export const ZShopProfileSchema = ZShopProfileInputSchema.extend({ slug: z.string(), loyaltyCofundBps: z.number().int() });

export const SHOP_SORTS = ["rating", "newest", "sales"] as const;
export const ZShopDirectorySchema = z
  .object({
    q: z.string().trim().max(100, "Search for at most 100 characters.").optional(),
    /** A category slug: shops selling in it or its subcategories. */
    category: z.string().trim().max(120).optional(),
    sort: z.enum(SHOP_SORTS).optional(),
    page: z.number().int().min(1).max(100, "Narrow the search to see more shops.").optional(),
  })
  .optional();

export const ZContactShopSchema = z.object({
  slug: z.string().trim().min(1).max(120),
  subject: z.string().trim().min(1, "Add a subject.").max(120, "Keep the subject under 120 characters."),
  message: z.string().trim().min(10, "Write at least a sentence (10 characters).").max(2000, "Keep the message under 2000 characters."),
});
