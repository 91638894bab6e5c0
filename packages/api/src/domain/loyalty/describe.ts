import { formatMoney, PLATFORM_CURRENCY } from "../money";
import type { TierRule } from "./tiers";

/** A tier's benefits in a buyer's words, one line each (the rewards page and the tier email). */
export function tierBenefits(tier: Pick<TierRule, "discountBps" | "pointsMultiplierBps" | "freeShippingOverCents">): string[] {
  const benefits: string[] = [];
  if (tier.discountBps > 0) benefits.push(`${formatPercent(tier.discountBps)} off every item`);
  if (tier.pointsMultiplierBps !== 10_000) benefits.push(`×${trim(tier.pointsMultiplierBps / 10_000)} points on what you buy`);
  if (tier.freeShippingOverCents === 0) benefits.push("Free shipping on every order");
  else if (tier.freeShippingOverCents !== null) benefits.push(`Free shipping from ${formatMoney(tier.freeShippingOverCents, PLATFORM_CURRENCY)} per shop`);
  return benefits;
}

export const formatPercent = (bps: number) => `${trim(bps / 100)}%`;

const trim = (value: number) => String(Math.round(value * 100) / 100);
