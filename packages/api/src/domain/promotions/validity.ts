// The one rule for whether a promo code can be used at a moment: the admin console's state badge
// and the buyer's cart (pricing/compute-totals.ts) both ask `promoState`, so they cannot disagree.

export type PromoState = "ACTIVE" | "SCHEDULED" | "EXPIRED" | "EXHAUSTED" | "DISABLED";

export interface PromoValidity {
  active: boolean;
  startsAt: Date | null;
  expiresAt: Date | null;
  usageLimit: number | null;
  usageCount: number;
}

/**
 * Where a promo code stands at `now`. When several reasons hold, the most final one wins:
 * switched off, then past its end, then used up, then not started yet.
 */
export function promoState(promo: PromoValidity, now: Date): PromoState {
  if (!promo.active) return "DISABLED";
  if (promo.expiresAt && promo.expiresAt <= now) return "EXPIRED";
  if (promo.usageLimit !== null && promo.usageCount >= promo.usageLimit) return "EXHAUSTED";
  if (promo.startsAt && promo.startsAt > now) return "SCHEDULED";
  return "ACTIVE";
}

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "";

/** What a buyer reads when their code cannot be used at `now`; null when it can. */
export function promoUnusableReason(promo: PromoValidity & { code: string }, now: Date): string | null {
  const { code } = promo;
  switch (promoState(promo, now)) {
    case "ACTIVE":
      return null;
    case "DISABLED":
      return `Promo code ${code} is no longer active.`;
    case "EXPIRED":
      return `Promo code ${code} expired on ${day(promo.expiresAt)}.`;
    case "EXHAUSTED":
      return `Promo code ${code} has been fully redeemed.`;
    case "SCHEDULED":
      return `Promo code ${code} is not valid until ${day(promo.startsAt)}.`;
  }
}
