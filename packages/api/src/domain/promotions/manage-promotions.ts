import type { Prisma, PrismaClient, PromoCode } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { inTransaction } from "../transaction";
import { promoState } from "./validity";
import { page } from "../pagination";
import { ZListPromotionsSchema, ZPromotionIdSchema, ZCreatePromotionSchema, ZUpdatePromotionSchema, ZExpirePromotionSchema } from "../../validators/promotions";

/** Promo codes newest first, each with its state, uses and the discount given so far. */
export async function listPromotions(db: PrismaClient, actor: Actor, input: z.input<typeof ZListPromotionsSchema> = {}, now = new Date()) {
  requireAdmin(actor);
  const f = ZListPromotionsSchema.parse(input);
  const where: Prisma.PromoCodeWhereInput = {
    ...(f.q
      ? {
          OR: [{ code: { contains: f.q.toUpperCase() } }, { description: { contains: f.q, mode: "insensitive" } }],
        }
      : {}),
    ...(f.show === "live" ? { active: true, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } : {}),
    ...(f.show === "ended" ? { OR: [{ active: false }, { expiresAt: { lte: now } }] } : {}),
  };
  const rows = await db.promoCode.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    include: { seller: { select: { id: true, shopName: true } } },
  });
  const result = page(rows, f.limit);
  const given = await db.promoRedemption.groupBy({
    by: ["promoCodeId"],
    where: { promoCodeId: { in: result.items.map((p) => p.id) } },
    _sum: { amountCents: true },
    _count: { _all: true },
  });
  const givenOf = new Map(given.map((g) => [g.promoCodeId, { redemptions: g._count._all, discountCents: g._sum.amountCents ?? 0 }]));
  return {
    ...result,
    items: result.items.map((p) => ({
      ...p,
      state: promoState(p, now),
      redemptions: givenOf.get(p.id)?.redemptions ?? 0,
      discountGivenCents: givenOf.get(p.id)?.discountCents ?? 0,
    })),
  };
}

/** One promo code with its state and uses, for the edit page. */
export async function getPromotion(db: PrismaClient, actor: Actor, input: z.input<typeof ZPromotionIdSchema>, now = new Date()) {
  requireAdmin(actor);
  const { promoId } = ZPromotionIdSchema.parse(input);
  const promo = await db.promoCode.findUnique({
    where: { id: promoId },
    include: { seller: { select: { id: true, shopName: true } } },
  });
  if (!promo) throw notFound("That promo code");
  const given = await db.promoRedemption.aggregate({
    where: { promoCodeId: promoId },
    _sum: { amountCents: true },
    _count: { _all: true },
  });
  return {
    ...promo,
    state: promoState(promo, now),
    redemptions: given._count._all,
    discountGivenCents: given._sum.amountCents ?? 0,
  };
}

function checkPromo(p: { type: "PERCENT" | "FIXED"; value: number; startsAt?: Date | null; expiresAt?: Date | null }) {
  if (p.type === "PERCENT" && p.value > 10_000) throw new DomainError("BAD_REQUEST", "A percentage discount cannot exceed 100%.", { field: "value" });
  if (p.type === "FIXED" && p.value > 100_000_000)
    throw new DomainError("BAD_REQUEST", "That fixed discount is too large.", {
      field: "value",
    });
  if (p.startsAt && p.expiresAt && p.expiresAt <= p.startsAt)
    throw new DomainError("BAD_REQUEST", "The end must be after the start.", {
      field: "expiresAt",
    });
}

const snapshot = (p: PromoCode) => ({
  code: p.code,
  type: p.type,
  value: p.value,
  currency: p.currency,
  minSubtotalCents: p.minSubtotalCents,
  startsAt: p.startsAt?.toISOString() ?? null,
  expiresAt: p.expiresAt?.toISOString() ?? null,
  usageLimit: p.usageLimit,
  sellerId: p.sellerId,
  active: p.active,
  description: p.description,
});

export async function createPromotion(db: PrismaClient, actor: Actor, input: z.input<typeof ZCreatePromotionSchema>) {
  const admin = requireAdmin(actor);
  const f = ZCreatePromotionSchema.parse(input);
  checkPromo(f);
  return inTransaction(db, async (tx) => {
    if (
      await tx.promoCode.findUnique({
        where: { code: f.code },
        select: { id: true },
      })
    ) {
      throw new DomainError("CONFLICT", `The code ${f.code} already exists. Choose another.`, { field: "code" });
    }
    if (
      f.sellerId &&
      !(await tx.seller.findUnique({
        where: { id: f.sellerId },
        select: { id: true },
      }))
    )
      throw notFound("That shop");
    const promo = await tx.promoCode.create({
      data: { code: f.code, ...promoFields(f) },
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "promo.create",
      entityType: "PromoCode",
      entityId: promo.id,
      after: snapshot(promo),
    });
    return promo;
  });
}

/** The columns an admin sets on a promo code, whether creating or editing it (never the code). */
function promoFields(f: Omit<z.output<typeof ZUpdatePromotionSchema>, "promoId">) {
  return {
    description: f.description ?? null,
    type: f.type,
    value: f.value,
    currency: f.currency,
    minSubtotalCents: f.minSubtotalCents,
    startsAt: f.startsAt ?? null,
    expiresAt: f.expiresAt ?? null,
    usageLimit: f.usageLimit ?? null,
    sellerId: f.sellerId ?? null,
    active: f.active,
  };
}

/**
 * Edits a promo code. The code itself never changes (buyers and orders know it by name);
 * the usage limit cannot drop below the uses already made.
 */
export async function updatePromotion(db: PrismaClient, actor: Actor, input: z.input<typeof ZUpdatePromotionSchema>) {
  const admin = requireAdmin(actor);
  const { promoId, ...f } = ZUpdatePromotionSchema.parse(input);
  checkPromo(f);
  return inTransaction(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "PromoCode" WHERE id = ${promoId} FOR UPDATE`;
    const before = await tx.promoCode.findUnique({ where: { id: promoId } });
    if (!before) throw notFound("That promo code");
    if (f.usageLimit != null && f.usageLimit < before.usageCount) {
      throw new DomainError("BAD_REQUEST", `It has been used ${before.usageCount} times already; set the limit to at least that.`, { field: "usageLimit" });
    }
    const promo = await tx.promoCode.update({
      where: { id: promoId },
      data: promoFields(f),
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "promo.update",
      entityType: "PromoCode",
      entityId: promo.id,
      before: snapshot(before),
      after: snapshot(promo),
    });
    return promo;
  });
}

/** Ends a promo code now: carts holding it lose the discount at their next re-pricing. */
export async function expirePromotion(db: PrismaClient, actor: Actor, input: z.input<typeof ZExpirePromotionSchema>, now = new Date()) {
  const admin = requireAdmin(actor);
  const { promoId } = ZExpirePromotionSchema.parse(input);
  return inTransaction(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "PromoCode" WHERE id = ${promoId} FOR UPDATE`;
    const before = await tx.promoCode.findUnique({ where: { id: promoId } });
    if (!before) throw notFound("That promo code");
    if (before.expiresAt && before.expiresAt <= now) throw new DomainError("CONFLICT", `${before.code} has already expired.`);
    const promo = await tx.promoCode.update({
      where: { id: promoId },
      data: { expiresAt: now },
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "promo.expire",
      entityType: "PromoCode",
      entityId: promo.id,
      before: snapshot(before),
      after: snapshot(promo),
    });
    return promo;
  });
}
