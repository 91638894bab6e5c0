// Reads a cart with everything its page and checkout need in one statement (the cart, its lines
// with their stock, its active holds), however many lines it has; the tax rate is a second read
// when a destination is known.
import { Prisma, type SqlTx } from "@bazaar/db";
import { availabilityOf, type Availability } from "../inventory/constants";
import { formatMoney } from "../money";
import { computeTotals, type PricingPoints, type PricingPromo, type Totals } from "../pricing";
import { readPlatformSettings } from "../settings/settings";
import type { TierRule } from "../loyalty/tiers";
import { variantDisplayName } from "../../validators/variants";

export interface CartLine {
  id: string;
  productId: string;
  variantId: string;
  sellerId: string;
  quantity: number;
  /** The price when the line was added or last re-validated. */
  snapshotPriceCents: number;
  /** Today's price, what checkout charges. */
  unitPriceCents: number;
  currency: string;
  /** "Hoodie — M / Blue": what messages, orders and packing slips call the line. */
  name: string;
  productName: string;
  variantTitle: string;
  slug: string;
  sku: string;
  image: { url: string; alt: string } | null;
  /** Active, listed, from an approved shop, in the cart's currency. */
  purchasable: boolean;
  /** Units this line holds right now (unexpired SOFT reservations). */
  heldQuantity: number;
  /** The most this line can have: what it holds plus what nobody holds. */
  maxQuantity: number;
  availability: Availability;
  warnings: string[];
}

export interface CartSeller {
  id: string;
  shopName: string;
  slug: string;
  shippingFlatCents: number;
  freeShippingOverCents: number | null;
  loyaltyCofundBps: number;
}

export interface CartContents {
  id: string;
  status: string;
  currency: string;
  buyerId: string | null;
  promoCode: (PricingPromo & { id: string }) | null;
  /** The signed-in buyer's tier and points; null for a guest or a buyer who never earned any. */
  loyalty: { tier: TierRule; availablePoints: number } | null;
  lines: CartLine[];
  sellers: CartSeller[];
  reservationExpiresAt: Date | null;
  /** The tax rate of `taxCountry` when loadCart was given one (what taxRateFor answers for it), read with the cart. */
  taxRateBps?: number;
}

/** One row per cart line (one row with a null line for an empty cart), the cart's own columns on each. */
interface CartRow {
  id: string;
  status: string;
  currency: string;
  buyerId: string | null;
  reservationExpiresAt: Date | null;
  taxRateBps?: number | null;
  promoId: string | null;
  promoCode: string;
  promoType: "PERCENT" | "FIXED";
  promoValue: number;
  promoCurrency: string;
  promoMinSubtotalCents: number;
  promoStartsAt: Date | null;
  promoExpiresAt: Date | null;
  promoUsageLimit: number | null;
  promoUsageCount: number;
  promoSellerId: string | null;
  promoActive: boolean;
  availablePoints: number | null;
  tierId: string;
  tierCode: string;
  tierName: string;
  tierMinSpendCents: number;
  tierDiscountBps: number;
  tierPointsMultiplierBps: number;
  tierFreeShippingOverCents: number | null;
  itemId: string | null;
  productId: string;
  variantId: string;
  sellerId: string;
  quantity: number;
  unitPriceCents: number;
  sku: string;
  variantTitle: string;
  priceCents: number;
  variantStatus: string;
  imageUrl: string | null;
  imageAlt: string;
  available: number;
  lowStockThreshold: number;
  held: number;
  productName: string;
  slug: string;
  productCurrency: string;
  productStatus: string;
  unlisted: boolean;
  shopName: string;
  sellerSlug: string;
  sellerStatus: string;
  sellerUserStatus: string;
  shippingFlatCents: number;
  freeShippingOverCents: number | null;
  loyaltyCofundBps: number;
}

/**
 * The cart with its promo code, the buyer's tier and points, and its lines with today's price,
 * stock, holds and shop, in one statement. Written out rather than a Prisma relation query: this
 * runs on every cart view and checkout, and Prisma compiles its query on every call. Given
 * `taxCountry` (a checkout whose address came with it), the country's tax rate comes in the same
 * statement.
 */
export async function loadCart(tx: SqlTx, cartId: string, now: Date, options: { taxCountry?: string } = {}): Promise<CartContents> {
  const rows = await tx.$queryRaw<CartRow[]>`
    WITH holds AS (
      SELECT "cartItemId", sum("quantity")::int AS "held", min("expiresAt") AS "expiresAt"
        FROM "Reservation"
       WHERE "cartId" = ${cartId} AND "type" = 'SOFT' AND "status" = 'ACTIVE' AND "expiresAt" > ${now}::timestamp(3)
       GROUP BY "cartItemId"
    )
    SELECT c."id", c."status"::text AS "status", c."currency", c."buyerId",
           (SELECT min("expiresAt") FROM holds) AS "reservationExpiresAt",
           pc."id" AS "promoId", pc."code" AS "promoCode", pc."type"::text AS "promoType", pc."value" AS "promoValue",
           pc."currency" AS "promoCurrency", pc."minSubtotalCents" AS "promoMinSubtotalCents", pc."startsAt" AS "promoStartsAt",
           pc."expiresAt" AS "promoExpiresAt", pc."usageLimit" AS "promoUsageLimit", pc."usageCount" AS "promoUsageCount",
           pc."sellerId" AS "promoSellerId", pc."active" AS "promoActive",
           lm."availablePoints", t."id" AS "tierId", t."code" AS "tierCode", t."name" AS "tierName", t."minSpendCents" AS "tierMinSpendCents",
           t."discountBps" AS "tierDiscountBps", t."pointsMultiplierBps" AS "tierPointsMultiplierBps",
           t."freeShippingOverCents" AS "tierFreeShippingOverCents",
           ci."id" AS "itemId", ci."productId", ci."variantId", ci."sellerId", ci."quantity", ci."unitPriceCents",
           v."sku", v."title" AS "variantTitle", v."priceCents", v."status"::text AS "variantStatus",
           coalesce(vi."url", pi."url") AS "imageUrl", coalesce(vi."alt", pi."alt") AS "imageAlt",
           stock."available", stock."lowStockThreshold", coalesce(h."held", 0)::int AS "held",
           p."name" AS "productName", p."slug", p."currency" AS "productCurrency", p."status"::text AS "productStatus",
           p."unlistedAt" IS NOT NULL AS "unlisted",
           s."shopName", s."slug" AS "sellerSlug", s."status"::text AS "sellerStatus", su."status"::text AS "sellerUserStatus",
           s."shippingFlatCents", s."freeShippingOverCents", s."loyaltyCofundBps"
           ${options.taxCountry === undefined ? Prisma.empty : Prisma.sql`, (${taxRateSql(options.taxCountry)}) AS "taxRateBps"`}
      FROM "Cart" c
      LEFT JOIN "PromoCode" pc ON pc."id" = c."promoCodeId"
      LEFT JOIN "LoyaltyMember" lm ON lm."userId" = c."buyerId"
      LEFT JOIN "LoyaltyTier" t ON t."id" = lm."tierId"
      LEFT JOIN ("CartItem" ci
                 JOIN "ProductVariant" v ON v."id" = ci."variantId"
                 JOIN "Product" p ON p."id" = ci."productId"
                 JOIN "Seller" s ON s."id" = ci."sellerId"
                 JOIN "User" su ON su."id" = s."userId") ON ci."cartId" = c."id"
      LEFT JOIN "ProductImage" vi ON vi."id" = v."imageId"
      LEFT JOIN LATERAL (SELECT "url", "alt" FROM "ProductImage" WHERE "productId" = ci."productId" ORDER BY "position", "id" LIMIT 1) pi ON true
      LEFT JOIN LATERAL (
        SELECT greatest(0, coalesce(sum("onHand" - "reserved" - "allocated"), 0))::int AS "available",
               greatest(0, coalesce(max("lowStockThreshold"), 0))::int AS "lowStockThreshold"
          FROM "StockLevel" WHERE "variantId" = ci."variantId"
      ) stock ON ci."id" IS NOT NULL
      LEFT JOIN holds h ON h."cartItemId" = ci."id"
     WHERE c."id" = ${cartId}
     ORDER BY ci."createdAt", ci."id"`;
  const cart = rows[0];
  if (!cart) throw new Error(`Cart ${cartId} does not exist.`);

  const sellers = new Map<string, CartSeller>();
  const lines = rows.flatMap((row): CartLine[] => {
    if (!row.itemId) return [];
    const name = variantDisplayName(row.productName, row.variantTitle);
    sellers.set(row.sellerId, {
      id: row.sellerId,
      shopName: row.shopName,
      slug: row.sellerSlug,
      shippingFlatCents: row.shippingFlatCents,
      freeShippingOverCents: row.freeShippingOverCents,
      loyaltyCofundBps: row.loyaltyCofundBps,
    });
    const maxQuantity = row.held + row.available;
    const purchasable =
      row.productStatus === "ACTIVE" &&
      row.variantStatus === "ACTIVE" &&
      !row.unlisted &&
      row.sellerStatus === "APPROVED" &&
      row.sellerUserStatus === "ACTIVE" &&
      row.productCurrency === cart.currency;
    const warnings: string[] = [];
    if (!purchasable) {
      warnings.push(`"${name}" is no longer available. Remove it to check out.`);
    } else {
      if (row.priceCents !== row.unitPriceCents) {
        warnings.push(
          `The price of "${name}" changed from ${formatMoney(row.unitPriceCents, cart.currency)} to ${formatMoney(row.priceCents, cart.currency)}.`,
        );
      }
      if (row.quantity > maxQuantity) {
        warnings.push(
          maxQuantity === 0
            ? `"${name}" is out of stock. Remove it to check out.`
            : `Only ${maxQuantity} of "${name}" available. Lower the quantity to ${maxQuantity} to check out.`,
        );
      }
    }
    return [
      {
        id: row.itemId,
        productId: row.productId,
        variantId: row.variantId,
        sellerId: row.sellerId,
        quantity: row.quantity,
        snapshotPriceCents: row.unitPriceCents,
        unitPriceCents: row.priceCents,
        currency: row.productCurrency,
        name,
        productName: row.productName,
        variantTitle: row.variantTitle,
        slug: row.slug,
        sku: row.sku,
        image: row.imageUrl === null ? null : { url: row.imageUrl, alt: row.imageAlt },
        purchasable,
        heldQuantity: row.held,
        maxQuantity,
        availability: availabilityOf(maxQuantity, row.lowStockThreshold),
        warnings,
      },
    ];
  });
  return {
    id: cart.id,
    status: cart.status,
    currency: cart.currency,
    buyerId: cart.buyerId,
    ...(options.taxCountry === undefined ? {} : { taxRateBps: cart.taxRateBps ?? 0 }),
    promoCode: cart.promoId
      ? {
          id: cart.promoId,
          code: cart.promoCode,
          type: cart.promoType,
          value: cart.promoValue,
          currency: cart.promoCurrency,
          minSubtotalCents: cart.promoMinSubtotalCents,
          startsAt: cart.promoStartsAt,
          expiresAt: cart.promoExpiresAt,
          usageLimit: cart.promoUsageLimit,
          usageCount: cart.promoUsageCount,
          sellerId: cart.promoSellerId,
          active: cart.promoActive,
        }
      : null,
    loyalty:
      cart.availablePoints === null
        ? null
        : {
            availablePoints: cart.availablePoints,
            tier: {
              id: cart.tierId,
              code: cart.tierCode,
              name: cart.tierName,
              minSpendCents: cart.tierMinSpendCents,
              discountBps: cart.tierDiscountBps,
              pointsMultiplierBps: cart.tierPointsMultiplierBps,
              freeShippingOverCents: cart.tierFreeShippingOverCents,
            },
          },
    lines,
    sellers: [...sellers.values()],
    reservationExpiresAt: cart.reservationExpiresAt,
  };
}

export type PointsRules = Pick<PricingPoints, "stepPoints" | "maxShareBps">;

/** How points are redeemed, read only for a buyer who has points to use (no statement otherwise). */
export async function pointsRulesFor(tx: SqlTx, contents: CartContents): Promise<PointsRules | null> {
  if (!contents.loyalty || contents.loyalty.availablePoints <= 0) return null;
  const settings = await readPlatformSettings(tx);
  return { stepPoints: Math.max(1, settings.loyaltyRedeemStepPoints), maxShareBps: Math.min(10_000, settings.loyaltyMaxRedeemShareBps) };
}

/**
 * Totals of the purchasable lines at today's prices, with the buyer's tier (when it has a benefit)
 * and the points they chose to use.
 */
export function priceCart(contents: CartContents, taxRateBps: number | null, now: Date, points: PricingPoints | null = null): Totals {
  const tier = contents.loyalty?.tier;
  return computeTotals({
    currency: contents.currency,
    lines: contents.lines
      .filter((line) => line.purchasable)
      .map((line) => ({ id: line.id, sellerId: line.sellerId, unitPriceCents: line.unitPriceCents, quantity: line.quantity })),
    sellers: contents.sellers,
    promo: contents.promoCode,
    tier: tier && (tier.discountBps > 0 || tier.freeShippingOverCents !== null) ? tier : null,
    points,
    taxRateBps,
    now,
  });
}

/** The rate for a destination country; null when none is known yet, 0 for a country without tax. */
export async function taxRateFor(tx: SqlTx, country: string | null): Promise<number | null> {
  if (!country) return null;
  // Written out: on every checkout and cart view (a Prisma model query is compiled on every call).
  const [rate] = await tx.$queryRaw<{ rateBps: number }[]>(taxRateSql(country));
  return rate?.rateBps ?? 0;
}

/** A country's tax rate in basis points (no row: none, 0), for taxRateFor and loadCart's taxCountry. */
const taxRateSql = (country: string) => Prisma.sql`SELECT "rateBps" FROM "TaxRate" WHERE "country" = ${country.toUpperCase()}`;
