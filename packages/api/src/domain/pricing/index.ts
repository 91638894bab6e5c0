export {
  computeTotals,
  promoIneligibility,
  type PricingInput,
  type PricingLine,
  type PricingPromo,
  type PricingSeller,
  type Totals,
  type SellerTotals,
  type LineTotals,
  type PromoOutcome,
} from "./compute-totals";
