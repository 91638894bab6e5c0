import { formatMoney } from "@bazaar/ui";

export interface TotalsData {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  /** False while no destination is known (cart without an address): tax comes at checkout. */
  taxCalculated?: boolean;
}

/** Subtotal, discount, shipping, tax and total, as a description list. */
export function OrderTotals({ totals, currency, promoCode }: { totals: TotalsData; currency: string; promoCode?: string | null }) {
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <dl className="space-y-2 text-sm" data-testid="order-totals">
      <div className="flex justify-between">
        <dt className="text-slate-600">Subtotal</dt>
        <dd className="tabular-nums">{money(totals.subtotalCents)}</dd>
      </div>
      {totals.discountCents > 0 ? (
        <div className="flex justify-between text-emerald-700">
          <dt>Discount{promoCode ? ` (${promoCode})` : ""}</dt>
          <dd className="tabular-nums" data-testid="discount">
            −{money(totals.discountCents)}
          </dd>
        </div>
      ) : null}
      <div className="flex justify-between">
        <dt className="text-slate-600">Shipping</dt>
        <dd className="tabular-nums">{totals.shippingCents === 0 ? "Free" : money(totals.shippingCents)}</dd>
      </div>
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
