// Points: earned on delivered goods (pending through the shop's return window, then available),
// redeemed at checkout (1 point = 1 cent of the platform currency), expiring after a period without
// activity, clawed back and given back by refunds. The member row holds the counters, so spending
// is one guarded UPDATE and cannot go below zero (a CHECK in SQL backs it). Every point outstanding
// (pending or available) is in the ledger's points liability: earning books it as a loyalty cost,
// expiring and clawing back take it out again, redeeming pays a seller with it (see the split).
import { type PointsMovementKind, type PrismaClient, type SqlTx, type Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { ensurePlatformLedgerAccounts } from "../ledger/accounts";
import { lostDisputeHoldsSql } from "../payments/dispute-ledger";
import { postLedgerTransaction } from "../ledger/post";
import { applyRatio, PLATFORM_CURRENCY } from "../money";
import { readPlatformSettings } from "../settings/settings";
import { inTransaction } from "../transaction";
import { loadTiers, tierForSpend } from "./tiers";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Points for `goodsCents` paid: `pointsPerUnit` per 1.00, times the tier's multiplier, rounded down. */
export function pointsFor(goodsCents: number, pointsPerUnit: number, multiplierBps: number): number {
  if (goodsCents <= 0) return 0;
  return Number((BigInt(goodsCents) * BigInt(pointsPerUnit) * BigInt(multiplierBps)) / 1_000_000n);
}

/** The buyer's member row, made at the lowest tier when they have none yet. */
export async function ensureMember(tx: Tx, userId: string, now: Date) {
  const existing = await tx.loyaltyMember.findUnique({ where: { userId } });
  if (existing) return existing;
  const floor = tierForSpend(await loadTiers(tx), 0);
  await tx.loyaltyMember.createMany({ data: [{ userId, tierId: floor.id, computedTierId: floor.id, lastActivityAt: now }], skipDuplicates: true });
  return tx.loyaltyMember.findUniqueOrThrow({ where: { userId } });
}

async function recordMovement(
  tx: SqlTx,
  input: { userId: string; kind: PointsMovementKind; points: number; description: string; orderId?: string | null; key: string },
): Promise<boolean> {
  // Written out: a checkout that uses points records one in its transaction without Prisma's client.
  const count = await tx.$executeRaw`
    INSERT INTO "PointsMovement" ("id", "userId", "kind", "points", "description", "orderId", "idempotencyKey", "createdAt")
    VALUES (gen_random_uuid()::text, ${input.userId}, ${input.kind}::"PointsMovementKind", ${input.points}, ${input.description},
            ${input.orderId ?? null}, ${input.key}, ${new Date()}::timestamp(3))
    ON CONFLICT DO NOTHING`;
  return count === 1;
}

/** Books points into (issue) or out of (cancel) the points liability, against the loyalty cost. */
async function postPointsLiability(tx: Tx, input: { issue: boolean; points: number; key: string; description: string; orderId?: string | null }) {
  const platform = await ensurePlatformLedgerAccounts(tx, PLATFORM_CURRENCY);
  await postLedgerTransaction(tx, {
    kind: "LOYALTY",
    idempotencyKey: input.key,
    description: input.description,
    currency: PLATFORM_CURRENCY,
    orderId: input.orderId ?? null,
    lines: [
      { accountId: platform.loyaltyExpenseId, direction: input.issue ? "DEBIT" : "CREDIT", amountCents: input.points },
      { accountId: platform.pointsLiabilityId, direction: input.issue ? "CREDIT" : "DEBIT", amountCents: input.points },
    ],
  });
}

/**
 * A shipment was delivered (called in the delivery's transaction): its buyer earns points on the
 * goods they paid for, pending until the shop's return window has passed. Once per shipment;
 * nothing for a guest's order or one in another currency. Returns the points earned.
 */
export async function earnPointsForShipment(tx: Tx, shipmentId: string, deliveredAt: Date): Promise<{ buyerId: string | null; points: number }> {
  const shipment = await tx.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    select: {
      id: true,
      orderId: true,
      seller: { select: { returnWindowDays: true, shopName: true } },
      order: { select: { buyerId: true, currency: true, number: true } },
      items: {
        select: { quantity: true, refundedQuantity: true, subtotalCents: true, discountCents: true, tierDiscountCents: true, pointsDiscountCents: true },
      },
    },
  });
  const { buyerId, currency, number } = shipment.order;
  if (!buyerId || currency !== PLATFORM_CURRENCY) return { buyerId: null, points: 0 };
  const goodsCents = shipment.items.reduce(
    (sum, item) =>
      sum +
      applyRatio(
        item.subtotalCents - item.discountCents - item.tierDiscountCents - item.pointsDiscountCents,
        item.quantity - item.refundedQuantity,
        item.quantity,
      ),
    0,
  );
  const member = await tx.loyaltyMember.findUnique({ where: { userId: buyerId }, select: { tier: { select: { pointsMultiplierBps: true } } } });
  const multiplierBps: number = member ? member.tier.pointsMultiplierBps : tierForSpend(await loadTiers(tx), 0).pointsMultiplierBps;
  const { loyaltyPointsPerUnit } = await readPlatformSettings(tx);
  const points = pointsFor(goodsCents, loyaltyPointsPerUnit, multiplierBps);
  if (points === 0) return { buyerId, points: 0 };
  await ensureMember(tx, buyerId, deliveredAt);
  const availableAt = new Date(deliveredAt.getTime() + shipment.seller.returnWindowDays * DAY_MS);
  const [lot] = await tx.pointsLot.createManyAndReturn({
    data: [{ userId: buyerId, shipmentId: shipment.id, orderId: shipment.orderId, points, availableAt }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!lot) return { buyerId, points: 0 };
  await tx.loyaltyMember.update({ where: { userId: buyerId }, data: { pendingPoints: { increment: points }, lastActivityAt: deliveredAt } });
  const description = `Earned on order #${number} (${shipment.seller.shopName}); available ${availableAt.toISOString().slice(0, 10)}`;
  await recordMovement(tx, { userId: buyerId, kind: "EARNED", points, description, orderId: shipment.orderId, key: `earn:${shipment.id}` });
  await postPointsLiability(tx, {
    issue: true,
    points,
    key: `points:earn:${shipment.id}`,
    description: `Order #${number}: ${points} points earned`,
    orderId: shipment.orderId,
  });
  // A shop without a return window (or a delivery reported late) leaves nothing to wait for.
  const now = new Date();
  if (availableAt <= now) await releaseLot(tx, lot.id, now);
  return { buyerId, points };
}

/** One lot's return window has passed: what is left of it becomes available. Returns the points released, or null. */
export async function releaseLot(tx: Tx, lotId: string, now: Date): Promise<number | null> {
  const [lot] = await tx.$queryRaw<{ userId: string; orderId: string; left: number }[]>`
    UPDATE "PointsLot" SET "releasedAt" = ${now}
     WHERE id = ${lotId} AND "releasedAt" IS NULL AND "availableAt" <= ${now}
     RETURNING "userId", "orderId", "points" - "clawedBack" AS "left"`;
  if (!lot) return null;
  if (lot.left > 0) {
    await tx.$executeRaw`
      UPDATE "LoyaltyMember" SET "pendingPoints" = "pendingPoints" - ${lot.left}, "availablePoints" = "availablePoints" + ${lot.left}, "updatedAt" = ${now}
       WHERE "userId" = ${lot.userId}`;
    await recordMovement(tx, {
      userId: lot.userId,
      kind: "RELEASED",
      points: lot.left,
      description: "Return window passed: points available",
      orderId: lot.orderId,
      key: `release:${lotId}`,
    });
  }
  return lot.left;
}

/** The sweep (a system job, no actor): every lot whose return window has passed is released, each in its own transaction. */
export async function releaseDuePoints(db: PrismaClient, now = new Date(), limit = 1000): Promise<number> {
  const due = await db.pointsLot.findMany({
    where: { releasedAt: null, availableAt: { lte: now } },
    orderBy: { availableAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let released = 0;
  for (const { id } of due) if ((await inTransaction(db, (tx) => releaseLot(tx, id, now))) !== null) released++;
  return released;
}

/**
 * The sweep (a system job, no actor): available points of members with no earning or redemption
 * for the platform's expiry period expire, taken out of the liability. Pending points do not
 * expire (they were earned recently). Returns how many members' points expired.
 */
export async function expireInactivePoints(db: PrismaClient, now = new Date(), limit = 1000): Promise<number> {
  const { loyaltyPointsExpiryDays } = await readPlatformSettings(db);
  const cutoff = new Date(now.getTime() - loyaltyPointsExpiryDays * DAY_MS);
  const due = await db.loyaltyMember.findMany({
    where: { availablePoints: { gt: 0 }, lastActivityAt: { lt: cutoff } },
    take: limit,
    select: { userId: true },
  });
  let expired = 0;
  for (const { userId } of due) {
    const done = await inTransaction(db, async (tx) => {
      const [member] = await tx.$queryRaw<{ availablePoints: number; lastActivityAt: Date }[]>`
        SELECT "availablePoints", "lastActivityAt" FROM "LoyaltyMember" WHERE "userId" = ${userId} FOR UPDATE`;
      if (!member || member.availablePoints <= 0 || member.lastActivityAt >= cutoff) return false;
      const points = member.availablePoints;
      const key = `expire:${userId}:${member.lastActivityAt.toISOString()}`;
      await tx.loyaltyMember.update({ where: { userId }, data: { availablePoints: 0 } });
      await recordMovement(tx, {
        userId,
        kind: "EXPIRED",
        points: -points,
        description: `Expired after ${loyaltyPointsExpiryDays} days without activity`,
        key,
      });
      await postPointsLiability(tx, { issue: false, points, key: `points:${key}`, description: `${points} points expired (inactive member)` });
      return true;
    });
    if (done) expired++;
  }
  return expired;
}

/**
 * Sets points aside for an order in the checkout's transaction: one guarded UPDATE, so two
 * checkouts cannot spend the same points (the second finds too few and is refused). The points
 * leave the liability when the payment is split (they pay the sellers then).
 */
export async function reservePoints(tx: SqlTx, input: { userId: string; orderId: string; orderNumber: number; points: number; now: Date }): Promise<void> {
  const taken = await tx.$executeRaw`
    UPDATE "LoyaltyMember" SET "availablePoints" = "availablePoints" - ${input.points}, "lastActivityAt" = ${input.now}, "updatedAt" = ${input.now}
     WHERE "userId" = ${input.userId} AND "availablePoints" >= ${input.points}`;
  if (taken !== 1) {
    throw new DomainError("CONFLICT", `You no longer have ${input.points} points available (another order used them). Check the points to use and try again.`);
  }
  await recordMovement(tx, {
    userId: input.userId,
    kind: "REDEEMED",
    points: -input.points,
    description: `Used on order #${input.orderNumber}`,
    orderId: input.orderId,
    key: `redeem:${input.orderId}`,
  });
}

/** A checkout undone before its order existed for anyone: the reservation is removed as if never made. */
export async function undoPointsReservation(tx: Tx, orderId: string): Promise<void> {
  const [redeemed] = await tx.$queryRaw<{ userId: string; points: number }[]>`
    DELETE FROM "PointsMovement" WHERE "idempotencyKey" = ${`redeem:${orderId}`} RETURNING "userId", "points"`;
  if (redeemed) await tx.loyaltyMember.update({ where: { userId: redeemed.userId }, data: { availablePoints: { increment: -redeemed.points } } });
}

/** An order that was never paid gives its reserved points back (once). */
export async function restoreReservedPoints(tx: Tx, orderId: string): Promise<void> {
  const redeemed = await tx.pointsMovement.findUnique({ where: { idempotencyKey: `redeem:${orderId}` }, select: { userId: true, points: true } });
  if (!redeemed) return;
  const points = -redeemed.points;
  const restored = await recordMovement(tx, {
    userId: redeemed.userId,
    kind: "RESTORED",
    points,
    description: "The order was not paid: points given back",
    orderId,
    key: `restore:${orderId}`,
  });
  if (restored) await tx.loyaltyMember.update({ where: { userId: redeemed.userId }, data: { availablePoints: { increment: points } } });
}

/**
 * A refund gave redeemed points back (the ledger reversal credited the liability with them): they
 * are the buyer's to use again, available at once.
 */
export async function returnRedeemedPoints(tx: Tx, input: { orderId: string; points: number; key: string; description: string }): Promise<void> {
  if (input.points <= 0) return;
  const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { buyerId: true } });
  if (!order.buyerId) throw new Error(`order ${input.orderId} redeemed points without a buyer`);
  const member = await ensureMember(tx, order.buyerId, new Date());
  if (
    await recordMovement(tx, {
      userId: member.userId,
      kind: "RETURNED",
      points: input.points,
      description: input.description,
      orderId: input.orderId,
      key: input.key,
    })
  ) {
    await tx.loyaltyMember.update({ where: { userId: member.userId }, data: { availablePoints: { increment: input.points } } });
  }
}

/**
 * After a refund or a lost dispute on a delivered shipment: the points it earned shrink in
 * proportion to what the buyer has had back of it (cumulatively, so partial refunds add up).
 * Pending points are taken back in full; available ones only as far as the buyer still has them
 * (what was spent is not owed back). `key` names the refund or dispute, `cause` says it to the buyer.
 */
export async function clawBackEarnedPoints(tx: Tx, shipmentId: string, key: string, cause: string): Promise<number> {
  const lot = await tx.pointsLot.findUnique({ where: { shipmentId } });
  if (!lot) return 0;
  const shipment = await tx.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    select: { totalCents: true, refundedCents: true },
  });
  const [lost] = await tx.$queryRaw<{ cents: bigint }[]>`
    SELECT COALESCE(SUM(h."cents"), 0)::bigint AS "cents" FROM ${lostDisputeHoldsSql} h WHERE h."orderId" = ${lot.orderId} AND h."shipmentId" = ${shipmentId}`;
  const backCents = shipment.refundedCents + Number(lost?.cents ?? 0n);
  const target = shipment.totalCents > 0 ? applyRatio(lot.points, Math.min(backCents, shipment.totalCents), shipment.totalCents) : lot.points;
  const delta = target - lot.clawedBack;
  if (delta <= 0) return 0;
  const [member] = await tx.$queryRaw<{ pendingPoints: number; availablePoints: number }[]>`
    SELECT "pendingPoints", "availablePoints" FROM "LoyaltyMember" WHERE "userId" = ${lot.userId} FOR UPDATE`;
  if (!member) throw new Error(`points lot ${lot.id} has no member`);
  const taken = lot.releasedAt ? Math.min(delta, member.availablePoints) : delta;
  await tx.pointsLot.update({ where: { id: lot.id }, data: { clawedBack: { increment: delta } } });
  await tx.loyaltyMember.update({
    where: { userId: lot.userId },
    data: lot.releasedAt ? { availablePoints: { decrement: taken } } : { pendingPoints: { decrement: taken } },
  });
  if (taken > 0) {
    const movementKey = `clawback:${key}:${shipmentId}`;
    await recordMovement(tx, {
      userId: lot.userId,
      kind: "CLAWED_BACK",
      points: -taken,
      description: cause,
      orderId: lot.orderId,
      key: movementKey,
    });
    await postPointsLiability(tx, {
      issue: false,
      points: taken,
      key: `points:${movementKey}`,
      description: `${cause}: ${taken} earned points clawed back`,
      orderId: lot.orderId,
    });
  }
  return taken;
}

/**
 * The ledger's points liability (cents = points) next to what members hold, for the admin and the
 * tests: pending, available, reserved by orders awaiting payment, and held by open disputes (the
 * points an order was paid with, back in the liability until the dispute closes: lost, they are
 * the buyer's again; won, they pay the seller again).
 */
export async function pointsOutstanding(tx: Tx) {
  const [row] = await tx.$queryRaw<
    { liability: bigint | null; pending: bigint | null; available: bigint | null; reserved: bigint | null; disputed: bigint | null }[]
  >`
    SELECT
      (SELECT SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END)
         FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId"
        WHERE a.kind = 'POINTS_LIABILITY' AND a.currency = ${PLATFORM_CURRENCY}) AS liability,
      (SELECT SUM("pendingPoints") FROM "LoyaltyMember") AS pending,
      (SELECT SUM("availablePoints") FROM "LoyaltyMember") AS available,
      (SELECT SUM(o."pointsRedeemed") FROM "Order" o
        WHERE o."pointsRedeemed" > 0
          AND NOT EXISTS (SELECT 1 FROM "LedgerTransaction" t JOIN "Payment" p ON p.id = t."paymentId" WHERE p."orderId" = o.id AND t.kind = 'PAYMENT_SPLIT')
          AND NOT EXISTS (SELECT 1 FROM "PointsMovement" m WHERE m."idempotencyKey" = 'restore:' || o.id)) AS reserved,
      (SELECT SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END)
         FROM "Dispute" d
         JOIN "LedgerTransaction" t ON t."idempotencyKey" = 'dispute-open:' || d.id
         JOIN "LedgerEntry" e ON e."transactionId" = t.id
         JOIN "LedgerAccount" a ON a.id = e."accountId"
        WHERE d.status = 'OPEN' AND a.kind = 'POINTS_LIABILITY') AS disputed`;
  const n = (v: bigint | null | undefined) => Number(v ?? 0n);
  return {
    liabilityCents: n(row?.liability),
    pendingPoints: n(row?.pending),
    availablePoints: n(row?.available),
    reservedPoints: n(row?.reserved),
    disputedPoints: n(row?.disputed),
  };
}
