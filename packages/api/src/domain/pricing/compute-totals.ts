// Every total Bazaar shows or charges comes from this one pure function: the cart page, the
// checkout and the order rows all agree to the cent because none of them adds things up itself.
//
// Discounts apply in this order, each on what the one before left:
//   1. the promo code, on its eligible lines (borne by the sellers of those lines);
//   2. the buyer's tier discount, a percentage of the goods after the promo (funded by Bazaar,
//      unless a shop co-funds a share), and the tier's free shipping over a lower threshold;
//   3. points, in whole steps, at most `maxShareBps` of the goods after the promo and the tier
//      discount (funded by Bazaar's points liability).
// Each discount is spread over the lines by largest remainder, weighted by what each line still
// costs, so lines and sellers add up exactly. Loyalty discounts never touch shipping (except the
// tier's free shipping) or tax, so the total never goes below shipping plus tax, nor below zero.
// Tax is on the goods after the promo: the loyalty discounts are paid by Bazaar (or the shop's
// co-fund share) on the buyer's behalf, so the shop still sells, and remits tax, at that price.
import { allocateByWeight, applyBasisPoints, formatMoney, PLATFORM_CURRENCY } from "../money";
import { promoUnusableReason } from "../promotions/validity";

export interface PricingLine {
  id: string;
  sellerId: string;
  unitPriceCents: number;
  quantity: number;
}

export interface PricingSeller {
  id: string;
  shopName?: string;
  shippingFlatCents: number;
  /** Shipping is free when the seller's goods (after discount) reach this; null: never free. */
  freeShippingOverCents: number | null;
  /** Basis points of the tier discount and tier free shipping the shop agreed to fund (default 0). */
  loyaltyCofundBps?: number;
}

/** The buyer's tier benefits at checkout. */
export interface PricingTier {
  name: string;
  /** Discount on items, basis points. */
  discountBps: number;
  /** Shipping free (in the platform currency) when a shop's goods after the promo reach this. */
  freeShippingOverCents: number | null;
}

/** Points the buyer wants to use: 1 point = 1 cent of the platform currency. */
export interface PricingPoints {
  /** Points asked for (the caller keeps it within the buyer's available points). */
  requested: number;
  /** Points are used in multiples of this (100: $1 steps). */
  stepPoints: number;
  /** The most points may pay, in basis points of the goods after the promo and tier discounts. */
  maxShareBps: number;
}

export interface PricingPromo {
  code: string;
  type: "PERCENT" | "FIXED";
  /** PERCENT: basis points. FIXED: cents in `currency`. */
  value: number;
  currency: string;
  minSubtotalCents: number;
  startsAt: Date | null;
  expiresAt: Date | null;
  usageLimit: number | null;
  usageCount: number;
  /** Null: platform-wide; set: only that seller's lines. */
  sellerId: string | null;
  active: boolean;
}

export interface PricingInput {
  currency: string;
  lines: readonly PricingLine[];
  sellers: readonly PricingSeller[];
  promo?: PricingPromo | null;
  tier?: PricingTier | null;
  points?: PricingPoints | null;
  /** The destination country's rate; null while no destination is known (no tax yet). */
  taxRateBps: number | null;
  now: Date;
}

export interface LineTotals {
  id: string;
  sellerId: string;
  subtotalCents: number;
  discountCents: number;
  tierDiscountCents: number;
  pointsDiscountCents: number;
  taxCents: number;
  totalCents: number;
}

/** One shop's part; the keys are the Shipment's columns. `totalCents` is what the buyer pays for it. */
export interface SellerTotals {
  sellerId: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  tierDiscountCents: number;
  shippingDiscountCents: number;
  pointsDiscountCents: number;
  /** The shop's co-fund share of its tier discount and free shipping. */
  sellerFundedCents: number;
  totalCents: number;
}

export type TierOutcome = { name: string; discountCents: number; shippingDiscountCents: number };

export interface PointsOutcome {
  requested: number;
  /** Points used: a multiple of the step, within the share cap. */
  redeemed: number;
  discountCents: number;
  /** The most points this order can take (the share cap, in whole steps), for the points control. */
  maxRedeemable: number;
  /** Why no points can be used, when none can. */
  reason: string | null;
}

export type PromoOutcome = { code: string; applied: true; discountCents: number } | { code: string; applied: false; reason: string };

export interface Totals {
  currency: string;
  subtotalCents: number;
  /** The promo code's discount. */
  discountCents: number;
  tierDiscountCents: number;
  shippingDiscountCents: number;
  pointsDiscountCents: number;
  pointsRedeemed: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  /** False while no destination is known: tax is added at checkout. */
  taxCalculated: boolean;
  lines: LineTotals[];
  sellers: SellerTotals[];
  promo: PromoOutcome | null;
  /** Set when the buyer has a tier with a benefit. */
  tier: TierOutcome | null;
  points: PointsOutcome | null;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Why the promo cannot apply to these lines now, or null when it can. */
export function promoIneligibility(promo: PricingPromo, input: Pick<PricingInput, "currency" | "lines" | "sellers" | "now">): string | null {
  const { code } = promo;
  const unusable = promoUnusableReason(promo, input.now);
  if (unusable) return unusable;
  if (promo.type === "FIXED" && promo.currency !== input.currency) return `Promo code ${code} applies to ${promo.currency} orders only.`;
  const eligible = input.lines.filter((line) => promo.sellerId === null || line.sellerId === promo.sellerId);
  if (eligible.length === 0) {
    const shop = input.sellers.find((seller) => seller.id === promo.sellerId)?.shopName;
    return `Promo code ${code} applies only to products from ${shop ?? "one shop"}, and none are in your cart.`;
  }
  const eligibleSubtotal = sum(eligible.map((line) => line.unitPriceCents * line.quantity));
  if (eligibleSubtotal < promo.minSubtotalCents) {
    return `Promo code ${code} needs a subtotal of at least ${formatMoney(promo.minSubtotalCents, input.currency)} (yours: ${formatMoney(eligibleSubtotal, input.currency)}).`;
  }
  return null;
}

export function computeTotals(input: PricingInput): Totals {
  for (const line of input.lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new RangeError(`Line ${line.id} has quantity ${line.quantity}.`);
    if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents < 0) throw new RangeError(`Line ${line.id} has price ${line.unitPriceCents}.`);
  }
  const lineSubtotals = input.lines.map((line) => line.unitPriceCents * line.quantity);

  // Promo: the discount is computed on the eligible lines, then spread over them by value.
  const lineDiscounts = input.lines.map(() => 0);
  let promo: PromoOutcome | null = null;
  if (input.promo) {
    const reason = promoIneligibility(input.promo, input);
    if (reason) {
      promo = { code: input.promo.code, applied: false, reason };
    } else {
      const eligible = input.lines.map((line) => input.promo?.sellerId === null || line.sellerId === input.promo?.sellerId);
      const weights = lineSubtotals.map((subtotal, index) => (eligible[index] ? subtotal : 0));
      const eligibleSubtotal = sum(weights);
      const discount = input.promo.type === "PERCENT" ? applyBasisPoints(eligibleSubtotal, input.promo.value) : Math.min(input.promo.value, eligibleSubtotal);
      allocateByWeight(discount, weights).forEach((cents, index) => (lineDiscounts[index] = cents));
      promo = { code: input.promo.code, applied: true, discountCents: discount };
    }
  }

  // Tier: a percentage of what each line costs after the promo.
  const afterPromo = lineSubtotals.map((subtotal, index) => subtotal - (lineDiscounts[index] ?? 0));
  const tierBps = input.tier?.discountBps ?? 0;
  if (!Number.isInteger(tierBps) || tierBps < 0 || tierBps > 10_000) throw new RangeError(`Tier discount must be 0..10000 basis points (got ${tierBps}).`);
  const tierDiscount = applyBasisPoints(sum(afterPromo), tierBps);
  const lineTier = allocateOrZero(tierDiscount, afterPromo);

  // Points: whole steps, within the share cap of what the goods still cost, platform currency only.
  const afterTier = afterPromo.map((cents, index) => cents - (lineTier[index] ?? 0));
  const points = input.points ? pricePoints(input.points, input.currency, sum(afterTier)) : null;
  const linePoints = allocateOrZero(points?.discountCents ?? 0, afterTier);

  const sellerIds = [...new Set(input.lines.map((line) => line.sellerId))];
  const lineTax = input.lines.map(() => 0);
  const sellers: SellerTotals[] = sellerIds.map((sellerId) => {
    const indexes = input.lines.flatMap((line, index) => (line.sellerId === sellerId ? [index] : []));
    const of = (values: readonly number[]) => sum(indexes.map((index) => values[index] ?? 0));
    const subtotalCents = of(lineSubtotals);
    const discountCents = of(lineDiscounts);
    const goodsCents = subtotalCents - discountCents;
    const seller = input.sellers.find((candidate) => candidate.id === sellerId);
    if (!seller) throw new RangeError(`No shipping terms for seller ${sellerId}.`);
    // The free-shipping threshold counts what the buyer pays for the goods, after the discount.
    const freeShipping = seller.freeShippingOverCents !== null && goodsCents >= seller.freeShippingOverCents;
    const shippingCents = freeShipping ? 0 : seller.shippingFlatCents;
    // The tier's lower threshold waives the rest (funded like the tier discount).
    const tierFreeOver = input.currency === PLATFORM_CURRENCY ? (input.tier?.freeShippingOverCents ?? null) : null;
    const shippingDiscountCents = tierFreeOver !== null && goodsCents >= tierFreeOver ? shippingCents : 0;
    // Tax is on discounted goods, rounded once per seller (each shipment is its own invoice),
    // then spread over that seller's lines.
    const taxCents = input.taxRateBps === null ? 0 : applyBasisPoints(goodsCents, input.taxRateBps);
    const taxes = allocateByWeight(
      taxCents,
      indexes.map((index) => (lineSubtotals[index] ?? 0) - (lineDiscounts[index] ?? 0)),
    );
    indexes.forEach((lineIndex, position) => (lineTax[lineIndex] = taxes[position] ?? 0));
    const tierDiscountCents = of(lineTier);
    const pointsDiscountCents = of(linePoints);
    const sellerFundedCents = applyBasisPoints(tierDiscountCents + shippingDiscountCents, seller.loyaltyCofundBps ?? 0);
    return {
      sellerId,
      subtotalCents,
      discountCents,
      shippingCents,
      taxCents,
      tierDiscountCents,
      shippingDiscountCents,
      pointsDiscountCents,
      sellerFundedCents,
      totalCents: goodsCents - tierDiscountCents - pointsDiscountCents + shippingCents - shippingDiscountCents + taxCents,
    };
  });

  const lines: LineTotals[] = input.lines.map((line, index) => {
    const subtotalCents = lineSubtotals[index] ?? 0;
    const discountCents = lineDiscounts[index] ?? 0;
    const tierDiscountCents = lineTier[index] ?? 0;
    const pointsDiscountCents = linePoints[index] ?? 0;
    const taxCents = lineTax[index] ?? 0;
    return {
      id: line.id,
      sellerId: line.sellerId,
      subtotalCents,
      discountCents,
      tierDiscountCents,
      pointsDiscountCents,
      taxCents,
      totalCents: subtotalCents - discountCents - tierDiscountCents - pointsDiscountCents + taxCents,
    };
  });
  const shippingDiscountCents = sum(sellers.map((seller) => seller.shippingDiscountCents));

  return {
    currency: input.currency,
    subtotalCents: sum(sellers.map((seller) => seller.subtotalCents)),
    discountCents: sum(sellers.map((seller) => seller.discountCents)),
    tierDiscountCents: tierDiscount,
    shippingDiscountCents,
    pointsDiscountCents: points?.discountCents ?? 0,
    pointsRedeemed: points?.redeemed ?? 0,
    shippingCents: sum(sellers.map((seller) => seller.shippingCents)),
    taxCents: sum(sellers.map((seller) => seller.taxCents)),
    totalCents: sum(sellers.map((seller) => seller.totalCents)),
    taxCalculated: input.taxRateBps !== null,
    lines,
    sellers,
    promo,
    tier: input.tier && (tierDiscount > 0 || shippingDiscountCents > 0) ? { name: input.tier.name, discountCents: tierDiscount, shippingDiscountCents } : null,
    points,
  };
}

function allocateOrZero(total: number, weights: readonly number[]): number[] {
  return total === 0 ? weights.map(() => 0) : allocateByWeight(total, weights);
}

/** How many points this order takes: the request rounded down to whole steps, within the share cap. */
function pricePoints(rules: PricingPoints, currency: string, goodsCents: number): PointsOutcome {
  const { requested, stepPoints, maxShareBps } = rules;
  if (!Number.isSafeInteger(requested) || requested < 0) throw new RangeError(`Points requested must be a whole number (got ${requested}).`);
  if (!Number.isSafeInteger(stepPoints) || stepPoints <= 0) throw new RangeError(`The points step must be positive (got ${stepPoints}).`);
  if (!Number.isInteger(maxShareBps) || maxShareBps < 0 || maxShareBps > 10_000) throw new RangeError(`The points share must be 0..10000 basis points.`);
  const none = (reason: string | null, maxRedeemable = 0): PointsOutcome => ({ requested, redeemed: 0, discountCents: 0, maxRedeemable, reason });
  if (currency !== PLATFORM_CURRENCY) return none(`Points can pay for ${PLATFORM_CURRENCY} orders only.`);
  // Rounded down, so the cap is never passed by rounding.
  const capCents = Math.floor((goodsCents * maxShareBps) / 10_000);
  const maxRedeemable = Math.floor(capCents / stepPoints) * stepPoints;
  if (maxRedeemable === 0) return none(`Points are used in steps of ${stepPoints}; this order is too small to take any.`);
  const redeemed = Math.floor(Math.min(requested, maxRedeemable) / stepPoints) * stepPoints;
  return { requested, redeemed, discountCents: redeemed, maxRedeemable, reason: null };
}
