// Every total Bazaar shows or charges comes from this one pure function: the cart page, the
// checkout and the order rows all agree to the cent because none of them adds things up itself.
import { allocateByWeight, applyBasisPoints, formatMoney } from "../money";
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
  /** The destination country's rate; null while no destination is known (no tax yet). */
  taxRateBps: number | null;
  now: Date;
}

export interface LineTotals {
  id: string;
  sellerId: string;
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  totalCents: number;
}

export interface SellerTotals {
  sellerId: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
}

export type PromoOutcome = { code: string; applied: true; discountCents: number } | { code: string; applied: false; reason: string };

export interface Totals {
  currency: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  /** False while no destination is known: tax is added at checkout. */
  taxCalculated: boolean;
  lines: LineTotals[];
  sellers: SellerTotals[];
  promo: PromoOutcome | null;
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

  const sellerIds = [...new Set(input.lines.map((line) => line.sellerId))];
  const lineTax = input.lines.map(() => 0);
  const sellers: SellerTotals[] = sellerIds.map((sellerId) => {
    const indexes = input.lines.flatMap((line, index) => (line.sellerId === sellerId ? [index] : []));
    const subtotalCents = sum(indexes.map((index) => lineSubtotals[index] ?? 0));
    const discountCents = sum(indexes.map((index) => lineDiscounts[index] ?? 0));
    const goodsCents = subtotalCents - discountCents;
    const seller = input.sellers.find((candidate) => candidate.id === sellerId);
    if (!seller) throw new RangeError(`No shipping terms for seller ${sellerId}.`);
    // The free-shipping threshold counts what the buyer pays for the goods, after the discount.
    const freeShipping = seller.freeShippingOverCents !== null && goodsCents >= seller.freeShippingOverCents;
    const shippingCents = freeShipping ? 0 : seller.shippingFlatCents;
    // Tax is on discounted goods, rounded once per seller (each shipment is its own invoice),
    // then spread over that seller's lines.
    const taxCents = input.taxRateBps === null ? 0 : applyBasisPoints(goodsCents, input.taxRateBps);
    const taxes = allocateByWeight(
      taxCents,
      indexes.map((index) => (lineSubtotals[index] ?? 0) - (lineDiscounts[index] ?? 0)),
    );
    indexes.forEach((lineIndex, position) => (lineTax[lineIndex] = taxes[position] ?? 0));
    return { sellerId, subtotalCents, discountCents, shippingCents, taxCents, totalCents: goodsCents + shippingCents + taxCents };
  });

  const lines: LineTotals[] = input.lines.map((line, index) => {
    const subtotalCents = lineSubtotals[index] ?? 0;
    const discountCents = lineDiscounts[index] ?? 0;
    const taxCents = lineTax[index] ?? 0;
    return { id: line.id, sellerId: line.sellerId, subtotalCents, discountCents, taxCents, totalCents: subtotalCents - discountCents + taxCents };
  });

  return {
    currency: input.currency,
    subtotalCents: sum(sellers.map((seller) => seller.subtotalCents)),
    discountCents: sum(sellers.map((seller) => seller.discountCents)),
    shippingCents: sum(sellers.map((seller) => seller.shippingCents)),
    taxCents: sum(sellers.map((seller) => seller.taxCents)),
    totalCents: sum(sellers.map((seller) => seller.totalCents)),
    taxCalculated: input.taxRateBps !== null,
    lines,
    sellers,
    promo,
  };
}
