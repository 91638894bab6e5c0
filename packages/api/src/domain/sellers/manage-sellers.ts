import type { Prisma, PrismaClient, SellerStatus, Tx } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { publish } from "../../events/publish";
import { recordAudit } from "../audit/record-audit";
import { ensureSellerLedgerAccounts } from "../ledger/accounts";
import { defaultCommissionBps } from "../ledger/commission";
import { expireStorefrontOnCommit } from "../catalog/cache-tags";
import { inTransaction } from "../transaction";
import { decideSellerStatus, type SellerDecision } from "./seller-status";
import { PLATFORM_CURRENCY } from "../money";
import { page } from "../pagination";
import { ZListSellersSchema, ZSellerIdSchema, ZSellerReasonSchema, ZSetCommissionSchema } from "../../validators/seller";

/** Shops, applications first-come first-served when filtered to PENDING, otherwise newest first. */
export async function listSellers(db: PrismaClient, actor: Actor, input: z.input<typeof ZListSellersSchema> = {}) {
  requireAdmin(actor);
  const f = ZListSellersSchema.parse(input);
  const where: Prisma.SellerWhereInput = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.q
      ? {
          OR: [
            { shopName: { contains: f.q, mode: "insensitive" } },
            { slug: { contains: f.q, mode: "insensitive" } },
            { user: { email: { contains: f.q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const rows = await db.seller.findMany({
    where,
    orderBy: f.status === "PENDING" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      shopName: true,
      slug: true,
      contactEmail: true,
      status: true,
      statusReason: true,
      commissionBps: true,
      createdAt: true,
      approvedAt: true,
      suspendedAt: true,
      user: { select: { id: true, email: true, name: true, status: true } },
      _count: { select: { products: true } },
    },
  });
  const counts = await db.seller.groupBy({
    by: ["status"],
    _count: { _all: true },
  });
  const byStatus: Record<SellerStatus, number> = {
    PENDING: 0,
    APPROVED: 0,
    REJECTED: 0,
    SUSPENDED: 0,
  };
  for (const c of counts) byStatus[c.status] = c._count._all;
  return { ...page(rows, f.limit), byStatus };
}

/** One shop with its owner, catalogue size, balances, recent payouts and effective commission. */
export async function getSellerDetail(db: PrismaClient, actor: Actor, input: z.input<typeof ZSellerIdSchema>) {
  requireAdmin(actor);
  const { sellerId } = ZSellerIdSchema.parse(input);
  const seller = await db.seller.findUnique({
    where: { id: sellerId },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          status: true,
          createdAt: true,
        },
      },
      payouts: { orderBy: { requestedAt: "desc" }, take: 10 },
    },
  });
  if (!seller) throw notFound("That shop");
  const [products, balances, defaultBps] = await Promise.all([
    db.product.groupBy({
      by: ["status"],
      where: { sellerId },
      _count: { _all: true },
    }),
    db.$queryRaw<{ currency: string; kind: string; balance: bigint | null }[]>`
      SELECT a.currency, a.kind::text AS kind,
             SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END) AS balance
        FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
       WHERE a."sellerId" = ${sellerId}
       GROUP BY a.currency, a.kind ORDER BY a.currency, a.kind`,
    defaultCommissionBps(db),
  ]);
  const unlisted = await db.product.count({
    where: { sellerId, unlistedAt: { not: null } },
  });
  return {
    seller,
    productsByStatus: Object.fromEntries(products.map((p) => [p.status, p._count._all])) as Partial<Record<"DRAFT" | "ACTIVE" | "ARCHIVED", number>>,
    unlistedProducts: unlisted,
    ledgerAccounts: balances.map((b) => ({
      currency: b.currency,
      kind: b.kind,
      balanceCents: Number(b.balance ?? 0n),
    })),
    commission: {
      overrideBps: seller.commissionBps,
      defaultBps,
      effectiveBps: seller.commissionBps ?? defaultBps,
    },
  };
}

async function lockSeller(tx: Tx, sellerId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Seller" WHERE id = ${sellerId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("That shop");
  return tx.seller.findUniqueOrThrow({ where: { id: sellerId } });
}

const snapshot = (s: { status: SellerStatus; statusReason: string | null }) => ({ status: s.status, statusReason: s.statusReason });

/** Applies one decision to a locked shop and records it; the caller adds what the decision entails. */
async function decide(tx: Tx, admin: Actor, sellerId: string, decision: SellerDecision, reason: string | null) {
  const seller = await lockSeller(tx, sellerId);
  const outcome = decideSellerStatus(seller.status, decision);
  if (!outcome.ok) throw new DomainError("CONFLICT", outcome.message);
  const now = new Date();
  const updated = await tx.seller.update({
    where: { id: sellerId },
    data: {
      status: outcome.to,
      statusReason: reason,
      ...(decision === "approve" ? { approvedAt: now } : {}),
      ...(decision === "suspend" ? { suspendedAt: now } : {}),
      ...(decision === "reinstate" ? { suspendedAt: null } : {}),
    },
  });
  await recordAudit(tx, {
    actorId: admin.userId,
    action: `seller.${decision}`,
    entityType: "Seller",
    entityId: sellerId,
    before: snapshot(seller),
    after: snapshot(updated),
    reason,
  });
  return updated;
}

/** A shop is approved only once its owner proved the email address (the link of the verify-email mail). */
async function assertEmailVerified(tx: Tx, sellerId: string) {
  const seller = await tx.seller.findUnique({ where: { id: sellerId }, select: { user: { select: { email: true, emailVerified: true } } } });
  if (seller && !seller.user.emailVerified) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `This seller has not confirmed their email address (${seller.user.email}) yet; a shop can be approved once they have. They can ask for a new link from the seller console.`,
    );
  }
}

/**
 * Approves an application: the shop goes live, its ledger accounts exist before its first sale,
 * and `seller/approved` tells the seller (mail, notification) once the change is committed.
 */
export async function approveSeller(db: PrismaClient, actor: Actor, input: z.input<typeof ZSellerIdSchema>) {
  const admin = requireAdmin(actor);
  const { sellerId } = ZSellerIdSchema.parse(input);
  return inTransaction(db, async (tx) => {
    await assertEmailVerified(tx, sellerId);
    const seller = await decide(tx, admin, sellerId, "approve", null);
    await ensureSellerLedgerAccounts(tx, sellerId, PLATFORM_CURRENCY);
    await publish(tx, "seller/approved", { sellerId });
    return seller;
  });
}

/** Rejects an application; the applicant sees the reason on their status page and gets it by mail (`seller/rejected`). */
export async function rejectSeller(db: PrismaClient, actor: Actor, input: z.input<typeof ZSellerReasonSchema>) {
  const admin = requireAdmin(actor);
  const { sellerId, reason } = ZSellerReasonSchema.parse(input);
  return inTransaction(db, async (tx) => {
    const seller = await decide(tx, admin, sellerId, "reject", reason);
    await publish(tx, "seller/rejected", { sellerId, reason });
    return seller;
  });
}

/**
 * Suspends a shop. Nothing else needs changing: the storefront shows only products of APPROVED
 * shops (catalog/visibility.ts), carts refuse their lines, and payouts refuse a shop that is not
 * APPROVED (ledger/payouts.ts), so reinstating brings everything back as it was. The storefront's
 * pages of the shop and its products, and every listing, expire as the change commits (before
 * this returns), so the products vanish on the very next request.
 */
export async function suspendSeller(db: PrismaClient, actor: Actor, input: z.input<typeof ZSellerReasonSchema>) {
  const admin = requireAdmin(actor);
  const { sellerId, reason } = ZSellerReasonSchema.parse(input);
  return inTransaction(db, (tx) => {
    expireStorefrontOnCommit(tx, { kind: "shop", sellerId });
    return decide(tx, admin, sellerId, "suspend", reason);
  });
}

export async function reinstateSeller(db: PrismaClient, actor: Actor, input: z.input<typeof ZSellerIdSchema>) {
  const admin = requireAdmin(actor);
  const { sellerId } = ZSellerIdSchema.parse(input);
  return inTransaction(db, (tx) => {
    expireStorefrontOnCommit(tx, { kind: "shop", sellerId });
    return decide(tx, admin, sellerId, "reinstate", null);
  });
}

/** Sets a shop's commission override; it applies to payments captured from now on. */
export async function setSellerCommission(db: PrismaClient, actor: Actor, input: z.input<typeof ZSetCommissionSchema>) {
  const admin = requireAdmin(actor);
  const { sellerId, commissionBps, reason } = ZSetCommissionSchema.parse(input);
  return inTransaction(db, async (tx) => {
    const seller = await lockSeller(tx, sellerId);
    const updated = await tx.seller.update({
      where: { id: sellerId },
      data: { commissionBps },
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "seller.commission",
      entityType: "Seller",
      entityId: sellerId,
      before: { commissionBps: seller.commissionBps },
      after: { commissionBps: updated.commissionBps },
      reason: reason || null,
    });
    return updated;
  });
}
