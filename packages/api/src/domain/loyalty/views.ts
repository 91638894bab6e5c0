// What buyers and administrators see of loyalty: the rewards page, the points a product would
// earn, the admin's tiers, liability and top members, and the tier editor.
import type { PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, requireSeller, requireUser, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import type { ZLoyaltyCofundSchema, ZPointsHistorySchema, ZPointsPreviewSchema, ZTopMembersSchema, ZUpdateTierSchema } from "../../validators/loyalty";
import { uniqueViolationFields } from "../accounts/unique-violation";
import { recordAudit } from "../audit/record-audit";
import { PLATFORM_CURRENCY } from "../money";
import { page } from "../pagination";
import { readPlatformSettings } from "../settings/settings";
import { inTransaction } from "../transaction";
import { tierBenefits } from "./describe";
import { pointsFor, pointsOutstanding } from "./points";
import { loadTiers, nextTierAfter, TIER_SELECT, tierForSpend } from "./tiers";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Available points are "expiring soon" within this many days of their expiry. */
export const EXPIRING_SOON_DAYS = 30;

/** The signed-in buyer's rewards: tier and benefits, progress to the next tier, points pending, available and expiring. */
export async function getLoyaltySummary(db: PrismaClient, actor: Actor, now = new Date()) {
  const user = requireUser(actor);
  const [tiers, member, settings] = await Promise.all([
    loadTiers(db),
    db.loyaltyMember.findUnique({ where: { userId: user.userId } }),
    readPlatformSettings(db),
  ]);
  const spendCents = member?.qualifyingSpendCents ?? 0;
  const tier = tiers.find((candidate) => candidate.id === member?.tierId) ?? tierForSpend(tiers, 0);
  const next = nextTierAfter(tiers, tier);
  const expiresAt = member && member.availablePoints > 0 ? new Date(member.lastActivityAt.getTime() + settings.loyaltyPointsExpiryDays * DAY_MS) : null;
  return {
    currency: PLATFORM_CURRENCY,
    tier: { id: tier.id, name: tier.name, benefits: tierBenefits(tier), setByHand: Boolean(member?.overrideReason) },
    spendCents,
    next: next
      ? {
          name: next.name,
          minSpendCents: next.minSpendCents,
          remainingCents: Math.max(0, next.minSpendCents - spendCents),
          /** 0..100 for the progress bar, from this tier's threshold to the next one's. */
          percent: Math.min(100, Math.max(0, Math.floor(((spendCents - tier.minSpendCents) * 100) / Math.max(1, next.minSpendCents - tier.minSpendCents)))),
        }
      : null,
    points: {
      pending: member?.pendingPoints ?? 0,
      available: member?.availablePoints ?? 0,
      expiresAt,
      expiringSoon: expiresAt !== null && expiresAt.getTime() - now.getTime() <= EXPIRING_SOON_DAYS * DAY_MS ? (member?.availablePoints ?? 0) : 0,
      /** 1 point = 1 cent. */
      valueCents: member?.availablePoints ?? 0,
      redeemStep: settings.loyaltyRedeemStepPoints,
      perUnit: settings.loyaltyPointsPerUnit,
    },
    tiers: tiers.map((t) => ({ id: t.id, name: t.name, minSpendCents: t.minSpendCents, benefits: tierBenefits(t) })),
  };
}

/** The buyer's points history, newest first. */
export async function listPointsHistory(db: PrismaClient, actor: Actor, input: z.output<typeof ZPointsHistorySchema>) {
  const user = requireUser(actor);
  const rows = await db.pointsMovement.findMany({
    where: { userId: user.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, kind: true, points: true, description: true, orderId: true, createdAt: true },
  });
  return page(rows, input.limit);
}

/**
 * The points buying at `priceCents` would earn the caller (their tier's multiplier; a visitor's at
 * the Member rate). Asked by the product page from the browser, so its cached HTML stays the same for everyone.
 */
export async function previewPoints(db: PrismaClient, actor: Actor | null, input: z.output<typeof ZPointsPreviewSchema>) {
  if (input.currency !== PLATFORM_CURRENCY) return { points: 0, tierName: null };
  const [settings, member] = await Promise.all([
    readPlatformSettings(db),
    actor ? db.loyaltyMember.findUnique({ where: { userId: actor.userId }, select: { tier: { select: { name: true, pointsMultiplierBps: true } } } }) : null,
  ]);
  const tier = member?.tier ?? tierForSpend(await loadTiers(db), 0);
  return { points: pointsFor(input.priceCents, settings.loyaltyPointsPerUnit, tier.pointsMultiplierBps), tierName: tier.name };
}

/** The admin's loyalty page: tiers with their members, the outstanding points liability, the top members. */
export async function getLoyaltyOverview(db: PrismaClient, actor: Actor, input: z.output<typeof ZTopMembersSchema>) {
  requireAdmin(actor);
  const since = new Date(Date.now() - 365 * DAY_MS);
  const [tiers, counts, outstanding, top, revenue, repeat] = await Promise.all([
    loadTiers(db),
    db.loyaltyMember.groupBy({ by: ["tierId"], _count: { _all: true } }),
    pointsOutstanding(db),
    db.loyaltyMember.findMany({
      where: input.q ? { user: { OR: [{ email: { contains: input.q, mode: "insensitive" } }, { name: { contains: input.q, mode: "insensitive" } }] } } : {},
      orderBy: [{ qualifyingSpendCents: "desc" }, { userId: "asc" }],
      take: input.limit,
      select: {
        userId: true,
        qualifyingSpendCents: true,
        pendingPoints: true,
        availablePoints: true,
        overrideReason: true,
        user: { select: { email: true, name: true } },
        tier: { select: { id: true, name: true } },
      },
    }),
    // Paid orders of the last 12 months in the platform currency, by the buyer's tier now (no row: the first tier).
    db.$queryRaw<{ tierId: string | null; revenue: bigint; orders: bigint; buyers: bigint }[]>`
      SELECT m."tierId", SUM(o."totalCents" - o."refundedCents")::bigint AS revenue, COUNT(*)::bigint AS orders, COUNT(DISTINCT o."buyerId")::bigint AS buyers
        FROM "Order" o LEFT JOIN "LoyaltyMember" m ON m."userId" = o."buyerId"
       WHERE o."paidAt" > ${since} AND o."buyerId" IS NOT NULL AND o.currency = ${PLATFORM_CURRENCY}
       GROUP BY m."tierId"`,
    db.$queryRaw<{ repeaters: bigint; buyers: bigint }[]>`
      SELECT COUNT(*) FILTER (WHERE n >= 2)::bigint AS repeaters, COUNT(*)::bigint AS buyers
        FROM (SELECT "buyerId", COUNT(*) AS n FROM "Order" WHERE "paidAt" > ${since} AND "buyerId" IS NOT NULL GROUP BY "buyerId") per_buyer`,
  ]);
  const countOf = new Map(counts.map((row) => [row.tierId, row._count._all]));
  const floorId = tiers[0]?.id ?? null;
  const revenueOf = new Map<string | null, { revenueCents: number; orders: number; buyers: number }>();
  for (const row of revenue) {
    const key = row.tierId ?? floorId;
    const sum = revenueOf.get(key) ?? { revenueCents: 0, orders: 0, buyers: 0 };
    revenueOf.set(key, {
      revenueCents: sum.revenueCents + Number(row.revenue),
      orders: sum.orders + Number(row.orders),
      buyers: sum.buyers + Number(row.buyers),
    });
  }
  const repeatRow = repeat[0];
  return {
    currency: PLATFORM_CURRENCY,
    liability: outstanding,
    tiers: tiers.map((tier) => ({
      ...tier,
      members: countOf.get(tier.id) ?? 0,
      benefits: tierBenefits(tier),
      /** Paid in the last 12 months by buyers in this tier now, less refunds. */
      revenue: revenueOf.get(tier.id) ?? { revenueCents: 0, orders: 0, buyers: 0 },
    })),
    /** Of the buyers who paid for an order in the last 12 months, how many paid for two or more. */
    repeatPurchase: { buyers: Number(repeatRow?.buyers ?? 0n), repeaters: Number(repeatRow?.repeaters ?? 0n) },
    topMembers: top.map((m) => ({
      userId: m.userId,
      email: m.user.email,
      name: m.user.name,
      tierId: m.tier.id,
      tierName: m.tier.name,
      setByHand: Boolean(m.overrideReason),
      overrideReason: m.overrideReason,
      spendCents: m.qualifyingSpendCents,
      pendingPoints: m.pendingPoints,
      availablePoints: m.availablePoints,
    })),
  };
}

/** An administrator edits a tier (audited). The lowest tier stays at zero spend: every buyer has a tier. */
export async function updateTier(db: PrismaClient, actor: Actor, input: z.output<typeof ZUpdateTierSchema>) {
  const admin = requireAdmin(actor);
  const { tierId, ...changes } = input;
  if (Object.values(changes).every((value) => value === undefined)) throw new DomainError("BAD_REQUEST", "Change at least one field of the tier.");
  try {
    return await inTransaction(db, async (tx) => {
      const before = await tx.loyaltyTier.findUnique({ where: { id: tierId }, select: TIER_SELECT });
      if (!before) throw notFound("That tier");
      const tiers = await loadTiers(tx);
      const lowest = tiers[0]?.id === tierId;
      if (lowest && changes.minSpendCents !== undefined && changes.minSpendCents !== 0) {
        throw new DomainError("BAD_REQUEST", `${before.name} is the tier every buyer starts in: its qualifying spend stays $0.00.`);
      }
      if (!lowest && changes.minSpendCents === 0)
        throw new DomainError("BAD_REQUEST", `Only the first tier starts at $0.00; give ${before.name} a qualifying spend above zero.`);
      const after = await tx.loyaltyTier.update({ where: { id: tierId }, data: changes, select: TIER_SELECT });
      await recordAudit(tx, {
        actorId: admin.userId,
        action: "loyalty.update-tier",
        entityType: "LoyaltyTier",
        entityId: tierId,
        before: { ...before },
        after: { ...after },
      });
      return { ...after, benefits: tierBenefits(after) };
    });
  } catch (error) {
    const fields = uniqueViolationFields(error);
    if (fields) throw new DomainError("CONFLICT", `Another tier is already called ${changes.name ?? "that"}. Choose another name.`);
    throw error;
  }
}

/**
 * A seller opts in (or out) to co-fund a share of the tier benefits on their items (0..100%). The
 * default, 0, leaves every tier discount to Bazaar; a share applies to orders placed from now on.
 */
export async function setLoyaltyCofund(db: PrismaClient, actor: Actor, input: z.output<typeof ZLoyaltyCofundSchema>) {
  const { sellerId } = requireSeller(actor);
  const row = await db.seller.update({ where: { id: sellerId }, data: { loyaltyCofundBps: input.cofundBps }, select: { loyaltyCofundBps: true } });
  return { cofundBps: row.loyaltyCofundBps };
}
