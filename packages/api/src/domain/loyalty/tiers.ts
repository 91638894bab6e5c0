import type { LoyaltyTier, Tx } from "@bazaar/db";

// Tiers are the platform's (seeded Member, Silver, Gold, Platinum; administrators edit them). A
// buyer's tier is the highest whose qualifying spend they reach; "Member" (0) is everyone's floor.

export type TierRule = Pick<LoyaltyTier, "id" | "code" | "name" | "minSpendCents" | "discountBps" | "pointsMultiplierBps" | "freeShippingOverCents">;

export const TIER_SELECT = {
  id: true,
  code: true,
  name: true,
  minSpendCents: true,
  discountBps: true,
  pointsMultiplierBps: true,
  freeShippingOverCents: true,
} as const;

/** Every tier, lowest qualifying spend first. */
export async function loadTiers(tx: Tx): Promise<TierRule[]> {
  return tx.loyaltyTier.findMany({ select: TIER_SELECT, orderBy: [{ minSpendCents: "asc" }, { id: "asc" }] });
}

/** The highest tier `spendCents` reaches; tiers sorted by spend. Throws when there is no tier at 0 to fall back on. */
export function tierForSpend<T extends Pick<TierRule, "minSpendCents">>(tiers: readonly T[], spendCents: number): T {
  let found: T | undefined;
  for (const tier of tiers) if (tier.minSpendCents <= spendCents) found = tier;
  if (!found) throw new Error("No loyalty tier starts at zero spend: keep the Member tier.");
  return found;
}

/** The tier after `current` (by spend), or null at the top. */
export function nextTierAfter<T extends Pick<TierRule, "id" | "minSpendCents">>(tiers: readonly T[], current: Pick<TierRule, "minSpendCents">): T | null {
  return tiers.find((tier) => tier.minSpendCents > current.minSpendCents) ?? null;
}
