// A buyer's tier: computed from their qualifying spend (12 months, platform currency, delivered
// goods not refunded) when a delivery or a refund changes it and nightly (tiers can drop), or set by
// an administrator with a reason (audited), which recomputation then leaves alone until cleared.
import type { PrismaClient, Tx } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { publish } from "../../events/publish";
import type { ZClearTierOverrideSchema, ZSetMemberTierSchema } from "../../validators/loyalty";
import { recordAudit } from "../audit/record-audit";
import { PLATFORM_CURRENCY } from "../money";
import { inTransaction } from "../transaction";
import { ensureMember } from "./points";
import { loadTiers, tierForSpend } from "./tiers";
import { lostDisputeHoldsSql } from "../payments/dispute-ledger";

export const QUALIFYING_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the buyer paid for goods (after the promo and tier discounts; points count as paying) on
 * parts delivered in the last 12 months, less what was refunded of them and what lost disputes
 * took back (the goods' share of the amount each dispute's opening held from the part), in the
 * platform currency.
 */
export async function qualifyingSpendCents(tx: Tx, userId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - QUALIFYING_DAYS * DAY_MS);
  const [row] = await tx.$queryRaw<{ spend: bigint | null; disputed: bigint | null }[]>`
    WITH delivered AS (
      SELECT s."id", s."orderId", s."subtotalCents" - s."discountCents" - s."tierDiscountCents" AS "goodsCents", s."totalCents"
        FROM "Shipment" s JOIN "Order" o ON o.id = s."orderId"
       WHERE o."buyerId" = ${userId} AND o."currency" = ${PLATFORM_CURRENCY}
         AND s."status" = 'DELIVERED' AND s."deliveredAt" > ${since} AND s."deliveredAt" <= ${now}
    )
    SELECT
      (SELECT SUM(((oi."subtotalCents" - oi."discountCents" - oi."tierDiscountCents")::bigint * (oi."quantity" - oi."refundedQuantity")) / oi."quantity")
         FROM "OrderItem" oi JOIN delivered d ON d."id" = oi."shipmentId") AS spend,
      (SELECT SUM(h."cents"::bigint * d."goodsCents" / NULLIF(d."totalCents", 0))
         FROM delivered d JOIN ${lostDisputeHoldsSql} h ON h."orderId" = d."orderId" AND h."shipmentId" = d."id") AS disputed`;
  return Math.max(0, Number(row?.spend ?? 0n) - Number(row?.disputed ?? 0n));
}

export interface TierChange {
  userId: string;
  fromTierId: string | null;
  toTierId: string;
  changed: boolean;
}

async function tellTierChanged(tx: Tx, change: { userId: string; fromTierId: string | null; toTierId: string; reason: string | null }) {
  await publish(tx, "loyalty/tier-changed", change);
}

/** Recomputes one buyer's tier in the caller's transaction; a change is published (the buyer is told). */
export async function recomputeTier(tx: Tx, userId: string, now: Date): Promise<TierChange> {
  const tiers = await loadTiers(tx);
  const spend = await qualifyingSpendCents(tx, userId, now);
  const member = await tx.loyaltyMember.findUnique({ where: { userId }, select: { tierId: true, overrideReason: true } });
  const computed = tierForSpend(tiers, spend);
  if (!member && spend === 0) return { userId, fromTierId: null, toTierId: computed.id, changed: false };
  const before = member ?? (await ensureMember(tx, userId, now));
  const tierId = before.overrideReason ? before.tierId : computed.id;
  await tx.loyaltyMember.update({ where: { userId }, data: { tierId, computedTierId: computed.id, qualifyingSpendCents: spend, tierComputedAt: now } });
  const changed = tierId !== before.tierId;
  if (changed) await tellTierChanged(tx, { userId, fromTierId: before.tierId, toTierId: tierId, reason: null });
  return { userId, fromTierId: before.tierId, toTierId: tierId, changed };
}

/** The nightly sweep (a system job, no actor): every member's tier, each in its own transaction. */
export async function recomputeAllTiers(db: PrismaClient, now = new Date(), limit = 5000): Promise<{ checked: number; changed: number }> {
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const members = await db.loyaltyMember.findMany({
    where: { OR: [{ tierComputedAt: null }, { tierComputedAt: { lt: dayStart } }] },
    orderBy: { userId: "asc" },
    take: limit,
    select: { userId: true },
  });
  let changed = 0;
  for (const { userId } of members) if ((await inTransaction(db, (tx) => recomputeTier(tx, userId, now))).changed) changed++;
  return { checked: members.length, changed };
}

/** An administrator sets a buyer's tier by hand, with a reason (audited); it holds until cleared. */
export async function setMemberTier(db: PrismaClient, actor: Actor, input: z.output<typeof ZSetMemberTierSchema>) {
  const admin = requireAdmin(actor);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("BAD_REQUEST", "Give a reason for setting the tier by hand; it is kept in the audit log.");
  return inTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true } });
    if (!user) throw notFound("That buyer");
    if (user.role !== "BUYER") throw new DomainError("BAD_REQUEST", "Only buyers have loyalty tiers.");
    const tier = await tx.loyaltyTier.findUnique({ where: { id: input.tierId }, select: { id: true, name: true } });
    if (!tier) throw notFound("That tier");
    const now = new Date();
    const before = await ensureMember(tx, user.id, now);
    await tx.loyaltyMember.update({
      where: { userId: user.id },
      data: { tierId: tier.id, overrideReason: reason, overrideById: admin.userId, overrideAt: now },
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "loyalty.set-tier",
      entityType: "LoyaltyMember",
      entityId: user.id,
      before: { tierId: before.tierId, overrideReason: before.overrideReason },
      after: { tierId: tier.id, overrideReason: reason },
      reason,
    });
    if (before.tierId !== tier.id) await tellTierChanged(tx, { userId: user.id, fromTierId: before.tierId, toTierId: tier.id, reason });
    return { userId: user.id, tierId: tier.id, tierName: tier.name, overridden: true };
  });
}

/** Removes a hand-set tier: the buyer goes back to the tier their spend earns (audited). */
export async function clearMemberTierOverride(db: PrismaClient, actor: Actor, input: z.output<typeof ZClearTierOverrideSchema>) {
  const admin = requireAdmin(actor);
  return inTransaction(db, async (tx) => {
    const member = await tx.loyaltyMember.findUnique({ where: { userId: input.userId }, select: { tierId: true, overrideReason: true } });
    if (!member) throw notFound("That buyer's loyalty membership");
    if (!member.overrideReason) throw new DomainError("CONFLICT", "This buyer's tier was not set by hand.");
    await tx.loyaltyMember.update({ where: { userId: input.userId }, data: { overrideReason: null, overrideById: null, overrideAt: null } });
    const change = await recomputeTier(tx, input.userId, new Date());
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "loyalty.clear-tier",
      entityType: "LoyaltyMember",
      entityId: input.userId,
      before: { tierId: member.tierId, overrideReason: member.overrideReason },
      after: { tierId: change.toTierId },
      reason: input.reason.trim() || null,
    });
    return { userId: input.userId, tierId: change.toTierId, overridden: false };
  });
}
