export type PromoState =
  "ACTIVE" | "SCHEDULED" | "EXPIRED" | "EXHAUSTED" | "DISABLED";

interface PromoLike {
  active: boolean;
  startsAt: Date | null;
  expiresAt: Date | null;
  usageLimit: number | null;
  usageCount: number;
}

/** Where a promo code stands at `now`, in the order a buyer would be refused (pricing/compute-totals.ts). */
export function promoState(promo: PromoLike, now: Date): PromoState {
  if (!promo.active) return "DISABLED";
  if (promo.expiresAt && promo.expiresAt <= now) return "EXPIRED";
  if (promo.usageLimit !== null && promo.usageCount >= promo.usageLimit)
    return "EXHAUSTED";
  if (promo.startsAt && promo.startsAt > now) return "SCHEDULED";
  return "ACTIVE";
}
