import type { Tx } from "@bazaar/db";
import type { SellerTotals } from "../pricing";
import { findOpenCart, ownerWhere, type CartOwner } from "./cart-owner";
import { loadCart, pointsRulesFor, priceCart, taxRateFor, type CartContents, type CartLine } from "./load-cart";

export type CartViewLine = Omit<CartLine, "sellerId"> & { lineSubtotalCents: number };

export interface CartView {
  id: string | null;
  status: string;
  currency: string;
  itemCount: number;
  /** When the earliest hold runs out unless the cart changes again. */
  reservationExpiresAt: Date | null;
  groups: { seller: { id: string; shopName: string; slug: string }; lines: CartViewLine[]; totals: SellerTotals | null }[];
  warnings: string[];
  promo: { code: string; applied: boolean; reason: string | null; discountCents: number } | null;
  totals: {
    subtotalCents: number;
    discountCents: number;
    tierDiscountCents: number;
    shippingDiscountCents: number;
    shippingCents: number;
    taxCents: number;
    totalCents: number;
    taxCalculated: boolean;
  };
  /**
   * The buyer's tier line and points control: points are used in `stepPoints` steps up to
   * `maxRedeemablePoints` at checkout, each point taking 1 cent off the total above.
   */
  loyalty: { tierName: string; availablePoints: number; maxRedeemablePoints: number; stepPoints: number } | null;
  /** False while a warning needs the buyer's action (or the cart is empty). */
  canCheckout: boolean;
}

const emptyView = (currency = "USD"): CartView => ({
  id: null,
  status: "ACTIVE",
  currency,
  itemCount: 0,
  reservationExpiresAt: null,
  groups: [],
  warnings: [],
  promo: null,
  totals: {
    subtotalCents: 0,
    discountCents: 0,
    tierDiscountCents: 0,
    shippingDiscountCents: 0,
    shippingCents: 0,
    taxCents: 0,
    totalCents: 0,
    taxCalculated: false,
  },
  loyalty: null,
  canCheckout: false,
});

/** The destination used for tax before checkout: the buyer's default (else newest) saved address. */
async function defaultCountry(tx: Tx, buyerId: string | null): Promise<string | null> {
  if (!buyerId) return null;
  const address = await tx.address.findFirst({
    where: { userId: buyerId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }],
    select: { country: true },
  });
  return address?.country ?? null;
}

export async function buildCartView(tx: Tx, contents: CartContents, options: { country?: string | null; now: Date }): Promise<CartView> {
  const country = options.country ?? (await defaultCountry(tx, contents.buyerId));
  const taxRateBps = await taxRateFor(tx, country);
  const totals = priceCart(contents, taxRateBps, options.now);
  const rules = await pointsRulesFor(tx, contents);
  const maxRedeemablePoints =
    rules && contents.loyalty ? priceCart(contents, taxRateBps, options.now, { requested: contents.loyalty.availablePoints, ...rules }).pointsRedeemed : 0;
  const lineTotal = new Map(totals.lines.map((line) => [line.id, line.subtotalCents]));
  const groups = contents.sellers.map((seller) => ({
    seller: { id: seller.id, shopName: seller.shopName, slug: seller.slug },
    lines: contents.lines
      .filter((line) => line.sellerId === seller.id)
      .map(({ sellerId: _sellerId, ...line }) => ({ ...line, lineSubtotalCents: lineTotal.get(line.id) ?? 0 })),
    totals: totals.sellers.find((row) => row.sellerId === seller.id) ?? null,
  }));
  const warnings = contents.lines.flatMap((line) => line.warnings);
  const promo = totals.promo
    ? {
        code: totals.promo.code,
        applied: totals.promo.applied,
        reason: totals.promo.applied ? null : totals.promo.reason,
        discountCents: totals.promo.applied ? totals.promo.discountCents : 0,
      }
    : null;
  const blocking = contents.lines.some((line) => !line.purchasable || line.quantity > line.maxQuantity);
  return {
    id: contents.id,
    status: contents.status,
    currency: contents.currency,
    itemCount: contents.lines.reduce((sum, line) => sum + line.quantity, 0),
    reservationExpiresAt: contents.reservationExpiresAt,
    groups,
    warnings: promo?.reason ? [...warnings, promo.reason] : warnings,
    promo,
    totals: {
      subtotalCents: totals.subtotalCents,
      discountCents: totals.discountCents,
      tierDiscountCents: totals.tierDiscountCents,
      shippingDiscountCents: totals.shippingDiscountCents,
      shippingCents: totals.shippingCents,
      taxCents: totals.taxCents,
      totalCents: totals.totalCents,
      taxCalculated: totals.taxCalculated,
    },
    loyalty: contents.loyalty
      ? {
          tierName: contents.loyalty.tier.name,
          availablePoints: contents.loyalty.availablePoints,
          maxRedeemablePoints,
          stepPoints: rules?.stepPoints ?? 0,
        }
      : null,
    canCheckout: contents.status === "ACTIVE" && contents.lines.length > 0 && !blocking,
  };
}

/** The owner's open cart as its page shows it (an empty view when there is none yet). */
export async function getCartView(db: Tx, owner: CartOwner | null, options: { country?: string | null; now?: Date } = {}): Promise<CartView> {
  if (!owner) return emptyView();
  const cart = await findOpenCart(db, owner);
  if (!cart) return emptyView();
  const now = options.now ?? new Date();
  return buildCartView(db, await loadCart(db, cart.id, now), { country: options.country, now });
}

/**
 * How many items the owner's open cart holds, in one aggregate: the header's badge asks on every
 * navigation and needs neither the lines, the holds nor the totals that a cart view loads.
 */
export async function getCartItemCount(db: Tx, owner: CartOwner | null): Promise<number> {
  if (!owner) return 0;
  const { _sum } = await db.cartItem.aggregate({
    where: { cart: { ...ownerWhere(owner), status: { in: ["ACTIVE", "CHECKOUT"] } } },
    _sum: { quantity: true },
  });
  return _sum.quantity ?? 0;
}
