import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { paths, urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { formatMoney, PLATFORM_CURRENCY } from "../../money";
import { notify } from "../../notifications";
import { tierBenefits } from "../describe";
import { loadTiers, nextTierAfter } from "../tiers";

/** `loyalty/tier-changed` -> the buyer hears about their new tier (in-app and by email), once per change. */
export const tierChanged = inngest.createFunction(
  { id: "loyalty-tier-changed", name: "Tell the buyer their tier changed", triggers: [bazaarEvent("loyalty/tier-changed")] },
  async ({ event, step, db }) =>
    step.run("tell-buyer", () => tellBuyerAboutTier(db, { ...event.data, eventId: event.id ?? `${event.data.userId}:${event.data.toTierId}` })),
);

export async function tellBuyerAboutTier(
  db: PrismaClient,
  input: { userId: string; fromTierId: string | null; toTierId: string; reason: string | null; eventId: string },
): Promise<{ told: boolean }> {
  const [tiers, user, member] = await Promise.all([
    loadTiers(db),
    db.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, name: true } }),
    db.loyaltyMember.findUnique({ where: { userId: input.userId }, select: { tierId: true, qualifyingSpendCents: true } }),
  ]);
  const to = tiers.find((tier) => tier.id === input.toTierId);
  // A later change already replaced this one: the buyer hears about that one instead.
  if (!user || !to || member?.tierId !== to.id) return { told: false };
  const from = tiers.find((tier) => tier.id === input.fromTierId);
  const direction = input.reason ? "set" : !from || to.minSpendCents > from.minSpendCents ? "up" : "down";
  const next = nextTierAfter(tiers, to);
  const progress = next
    ? `Spend ${formatMoney(Math.max(0, next.minSpendCents - (member?.qualifyingSpendCents ?? 0)), PLATFORM_CURRENCY)} more within 12 months to reach ${next.name}.`
    : null;
  const dedupeKey = `tier:${input.eventId}`;
  await notify(db, {
    userId: user.id,
    type: "TIER_CHANGED",
    title: direction === "up" ? `You reached ${to.name}` : `Your tier is now ${to.name}`,
    body: tierBenefits(to).join(" · "),
    link: paths.loyalty(),
    dedupeKey,
  });
  await sendEmail(db, {
    to: user.email,
    template: "tier-changed",
    props: { buyerName: user.name ?? "there", tierName: to.name, direction, benefits: tierBenefits(to), progress, rewardsUrl: urls.loyalty() },
    dedupeKey,
  });
  return { told: true };
}
