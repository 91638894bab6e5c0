import { formatMoney } from "@bazaar/ui";

export interface TotalsData {
  subtotalCents: number;
  /** The promo code's discount. */
  discountCents: number;
  /** The buyer's tier discount and the tier's free shipping (Bazaar pays them). */
  tierDiscountCents?: number;
  shippingDiscountCents?: number;
  /** What points took off, and how many (1 point = 1 cent). */
  pointsDiscountCents?: number;
  pointsRedeemed?: number;
  /** The tier's name on the order (its discount line's label). */
  tierName?: string | null;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  /** False while no destination is known (cart without an address): tax comes at checkout. */
  taxCalculated?: boolean;
}

/** Subtotal, each discount on its own line (promo, tier, points), shipping, tax and total, as a description list. */
export function OrderTotals({
  totals,
  currency,
  promoCode,
  tierName,
}: {
  totals: TotalsData;
  currency: string;
  promoCode?: string | null;
  tierName?: string | null;
}) {
  const money = (cents: number) => formatMoney(cents, currency);
  const tier = tierName ?? totals.tierName ?? "Member";
  const discount = (label: string, cents: number | undefined, testId: string) =>
    cents && cents > 0 ? (
      <div className="flex justify-between text-emerald-700">
        <dt>{label}</dt>
        <dd className="tabular-nums" data-testid={testId}>
          −{money(cents)}
        </dd>
      </div>
    ) : null;
  return (
    <dl className="space-y-2 text-sm" data-testid="order-totals">
      <div className="flex justify-between">
        <dt className="text-slate-600">Subtotal</dt>
        <dd className="tabular-nums">{money(totals.subtotalCents)}</dd>
      </div>
      {discount(`Discount${promoCode ? ` (${promoCode})` : ""}`, totals.discountCents, "discount")}
      {discount(`${tier} member discount`, totals.tierDiscountCents, "tier-discount")}
      {discount(`Points${totals.pointsRedeemed ? ` (${totals.pointsRedeemed.toLocaleString("en-US")})` : ""}`, totals.pointsDiscountCents, "points-discount")}
      <div className="flex justify-between">
        <dt className="text-slate-600">Shipping</dt>
        <dd className="tabular-nums">{totals.shippingCents === 0 ? "Free" : money(totals.shippingCents)}</dd>
      </div>
      {discount(`${tier} free shipping`, totals.shippingDiscountCents, "shipping-discount")}
      <div className="flex justify-between">
        <dt className="text-slate-600">Tax</dt>
        <dd className="tabular-nums">{totals.taxCalculated === false ? "Calculated at checkout" : money(totals.taxCents)}</dd>
      </div>
      <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-semibold">
        <dt>Total</dt>
        <dd className="tabular-nums" data-testid="total">
          {money(totals.totalCents)}
        </dd>
      </div>
    </dl>
  );
}
