// Each discount of an order as its own line (the design's sample order shows a promotion and a
// customer_tier discount separately): the buyer's emails and pages, and the seller's order view.

export interface DiscountAmounts {
  discountCents: number;
  tierDiscountCents: number;
  shippingDiscountCents: number;
  pointsDiscountCents: number;
  /** The tier's name when the order was placed. */
  tierName: string | null;
  /** Points used (the order's; a shipment's share is only in cents). */
  pointsRedeemed?: number;
  promoCode?: string | null;
  /** A shipment's: the seller's co-fund share of the tier benefits. */
  sellerFundedCents?: number;
}

export type DiscountKind = "promo" | "tier" | "tier-shipping" | "points";

export interface DiscountLine {
  kind: DiscountKind;
  label: string;
  /** Negative: it is taken off. */
  cents: number;
  /** Who pays it when the seller is not the one (their share is unchanged). */
  fundedBy: "seller" | "bazaar" | "shared";
}

/** The non-zero discounts, in the order they apply (promo, tier, points). */
export function discountLines(amounts: DiscountAmounts): DiscountLine[] {
  const tier = amounts.tierName ?? "Tier";
  const tierFunding = (amounts.sellerFundedCents ?? 0) > 0 ? "shared" : "bazaar";
  const lines: DiscountLine[] = [];
  if (amounts.discountCents > 0)
    lines.push({ kind: "promo", label: amounts.promoCode ? `Promo code ${amounts.promoCode}` : "Discount", cents: -amounts.discountCents, fundedBy: "seller" });
  if (amounts.tierDiscountCents > 0) lines.push({ kind: "tier", label: `${tier} member discount`, cents: -amounts.tierDiscountCents, fundedBy: tierFunding });
  if (amounts.shippingDiscountCents > 0)
    lines.push({ kind: "tier-shipping", label: `${tier} free shipping`, cents: -amounts.shippingDiscountCents, fundedBy: tierFunding });
  if (amounts.pointsDiscountCents > 0) {
    const points = amounts.pointsRedeemed ? ` (${amounts.pointsRedeemed.toLocaleString("en-US")} points)` : "";
    lines.push({ kind: "points", label: `Points${points}`, cents: -amounts.pointsDiscountCents, fundedBy: "bazaar" });
  }
  return lines;
}

/** For a seller: the lines Bazaar pays are marked so, since the seller is paid as if the buyer had. */
export const sellerDiscountLabel = (line: DiscountLine) =>
  line.fundedBy === "bazaar" ? `${line.label}, paid by Bazaar` : line.fundedBy === "shared" ? `${line.label}, co-funded` : line.label;
