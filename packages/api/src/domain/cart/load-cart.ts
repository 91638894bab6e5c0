// Reads a cart with everything its page and checkout need in one statement (the cart, its lines
// with their stock rows, its active holds: relationJoins), however many lines it has; the tax
// rate is a second read when a destination is known.
import type { Tx } from "@bazaar/db";
import { availabilityOf, type Availability } from "../inventory/constants";
import { formatMoney } from "../money";
import { computeTotals, type PricingPoints, type PricingPromo, type Totals } from "../pricing";
import { readPlatformSettings } from "../settings/settings";
import { TIER_SELECT, type TierRule } from "../loyalty/tiers";
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
}

export async function loadCart(tx: Tx, cartId: string, now: Date): Promise<CartContents> {
  const cart = await tx.cart.findUniqueOrThrow({
    where: { id: cartId },
    select: {
      id: true,
      status: true,
      currency: true,
      buyerId: true,
      promoCode: true,
      // Joined in the same statement (relationJoins): a buyer without loyalty costs nothing more.
      buyer: { select: { loyalty: { select: { availablePoints: true, tier: { select: TIER_SELECT } } } } },
      reservations: {
        where: { type: "SOFT", status: "ACTIVE", expiresAt: { gt: now } },
        select: { cartItemId: true, quantity: true, expiresAt: true },
      },
      items: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          productId: true,
          variantId: true,
          sellerId: true,
          quantity: true,
          unitPriceCents: true,
          variant: {
            select: {
              sku: true,
              title: true,
              priceCents: true,
              status: true,
              image: { select: { url: true, alt: true } },
              stockLevels: { select: { onHand: true, reserved: true, allocated: true, lowStockThreshold: true } },
            },
          },
          product: {
            select: {
              name: true,
              slug: true,
              currency: true,
              status: true,
              unlistedAt: true,
              images: { select: { url: true, alt: true }, orderBy: { position: "asc" }, take: 1 },
            },
          },
          seller: {
            select: {
              id: true,
              shopName: true,
              slug: true,
              status: true,
              shippingFlatCents: true,
              freeShippingOverCents: true,
              loyaltyCofundBps: true,
              user: { select: { status: true } },
            },
          },
        },
      },
    },
  });
  const heldOf = new Map<string, number>();
  for (const hold of cart.reservations) if (hold.cartItemId) heldOf.set(hold.cartItemId, (heldOf.get(hold.cartItemId) ?? 0) + hold.quantity);

  const sellers = new Map<string, CartSeller>();
  const lines = cart.items.map((item): CartLine => {
    const { product, seller, variant } = item;
    const name = variantDisplayName(product.name, variant.title);
    sellers.set(seller.id, {
      id: seller.id,
      shopName: seller.shopName,
      slug: seller.slug,
      shippingFlatCents: seller.shippingFlatCents,
      freeShippingOverCents: seller.freeShippingOverCents,
      loyaltyCofundBps: seller.loyaltyCofundBps,
    });
    const rows = variant.stockLevels;
    const available = Math.max(
      0,
      rows.reduce((sum, row) => sum + row.onHand - row.reserved - row.allocated, 0),
    );
    const heldQuantity = heldOf.get(item.id) ?? 0;
    const maxQuantity = heldQuantity + available;
    const purchasable =
      product.status === "ACTIVE" &&
      variant.status === "ACTIVE" &&
      product.unlistedAt === null &&
      seller.status === "APPROVED" &&
      seller.user.status === "ACTIVE" &&
      product.currency === cart.currency;
    const warnings: string[] = [];
    if (!purchasable) {
      warnings.push(`"${name}" is no longer available. Remove it to check out.`);
    } else {
      if (variant.priceCents !== item.unitPriceCents) {
        warnings.push(
          `The price of "${name}" changed from ${formatMoney(item.unitPriceCents, cart.currency)} to ${formatMoney(variant.priceCents, cart.currency)}.`,
        );
      }
      if (item.quantity > maxQuantity) {
        warnings.push(
          maxQuantity === 0
            ? `"${name}" is out of stock. Remove it to check out.`
            : `Only ${maxQuantity} of "${name}" available. Lower the quantity to ${maxQuantity} to check out.`,
        );
      }
    }
    return {
      id: item.id,
      productId: item.productId,
      variantId: item.variantId,
      sellerId: item.sellerId,
      quantity: item.quantity,
      snapshotPriceCents: item.unitPriceCents,
      unitPriceCents: variant.priceCents,
      currency: product.currency,
      name,
      productName: product.name,
      variantTitle: variant.title,
      slug: product.slug,
      sku: variant.sku,
      image: variant.image ?? product.images[0] ?? null,
      purchasable,
      heldQuantity,
      maxQuantity,
      availability: availabilityOf(maxQuantity, Math.max(0, ...rows.map((row) => row.lowStockThreshold))),
      warnings,
    };
  });
  const expiries = cart.reservations.map((hold) => hold.expiresAt);
  return {
    id: cart.id,
    status: cart.status,
    currency: cart.currency,
    buyerId: cart.buyerId,
    promoCode: cart.promoCode,
    loyalty: cart.buyer?.loyalty ?? null,
    lines,
    sellers: [...sellers.values()],
    reservationExpiresAt: expiries.length ? new Date(Math.min(...expiries.map((date) => date.getTime()))) : null,
  };
}

export type PointsRules = Pick<PricingPoints, "stepPoints" | "maxShareBps">;

/** How points are redeemed, read only for a buyer who has points to use (no statement otherwise). */
export async function pointsRulesFor(tx: Tx, contents: CartContents): Promise<PointsRules | null> {
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
export async function taxRateFor(tx: Tx, country: string | null): Promise<number | null> {
  if (!country) return null;
  // Written out: on every checkout and cart view (a Prisma model query is compiled on every call).
  const [rate] = await tx.$queryRaw<{ rateBps: number }[]>`SELECT "rateBps" FROM "TaxRate" WHERE "country" = ${country.toUpperCase()}`;
  return rate?.rateBps ?? 0;
}
