import { Prisma, type DisputeStatus, type PrismaClient } from "@bazaar/db";
import type Stripe from "stripe";
import { requireAdmin, requireSeller, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { simulateDisputeEvidence, type DeliverStripeEvent } from "./simulator";

const disputeSelect = {
  id: true,
  providerDisputeId: true,
  amountCents: true,
  currency: true,
  reason: true,
  status: true,
  evidenceDueBy: true,
  feeCents: true,
  openedAt: true,
  closedAt: true,
  order: { select: { id: true, number: true } },
} as const;

/** Every dispute, open ones first (soonest evidence deadline first), then the closed, newest first. */
export async function listDisputes(db: PrismaClient, actor: Actor, input: { status?: DisputeStatus } = {}) {
  requireAdmin(actor);
  const rows = await db.dispute.findMany({
    where: input.status ? { status: input.status } : {},
    orderBy: [{ status: "asc" }, { evidenceDueBy: "asc" }, { openedAt: "desc" }],
    take: 200,
    select: disputeSelect,
  });
  return rows;
}

/** The disputes on the seller's sales, each with the part of it held from them (their share, not the whole). */
export async function listSellerDisputes(db: PrismaClient, actor: Actor) {
  const { sellerId } = requireSeller(actor);
  const rows = await db.dispute.findMany({
    where: { order: { shipments: { some: { sellerId } } } },
    orderBy: [{ status: "asc" }, { openedAt: "desc" }],
    take: 100,
    select: disputeSelect,
  });
  if (rows.length === 0) return [];
  const held = await db.$queryRaw<{ disputeId: string; cents: bigint }[]>`
    SELECT d.id AS "disputeId", SUM(e."amountCents")::bigint AS cents
      FROM "Dispute" d
      JOIN "LedgerTransaction" t ON t."idempotencyKey" = 'dispute-open:' || d.id
      JOIN "LedgerEntry" e ON e."transactionId" = t.id
      JOIN "LedgerAccount" a ON a.id = e."accountId"
     WHERE a."sellerId" = ${sellerId} AND d.id IN (${Prisma.join(rows.map((r) => r.id))})
     GROUP BY d.id`;
  const share = new Map(held.map((h) => [h.disputeId, Number(h.cents)]));
  return rows.map((r) => ({ ...r, yourShareCents: share.get(r.id) ?? 0 }));
}

/**
 * An administrator answers a dispute with evidence. With Stripe configured it goes to Stripe (and
 * the outcome comes back as `charge.dispute.closed`); with the simulator, test-mode rules decide
 * ("winning_evidence" wins, "losing_evidence" loses).
 */
export async function submitDisputeEvidence(
  db: PrismaClient,
  actor: Actor,
  input: { disputeId: string; evidence: string },
  options: { stripe?: Stripe | null; deliver?: DeliverStripeEvent } = {},
) {
  const admin = requireAdmin(actor);
  const dispute = await db.dispute.findUnique({ where: { id: input.disputeId }, include: { payment: { select: { provider: true } } } });
  if (!dispute) throw notFound("The dispute");
  if (dispute.status !== "OPEN") throw new DomainError("CONFLICT", `This dispute is already closed (${dispute.status.toLowerCase()}).`);
  let status: string;
  if (dispute.payment.provider === "STRIPE") {
    if (!options.stripe) throw new DomainError("PRECONDITION_FAILED", "Stripe is not configured here, so evidence cannot be sent to it.");
    const updated = await options.stripe.disputes.update(dispute.providerDisputeId, { evidence: { uncategorized_text: input.evidence }, submit: true });
    status = updated.status;
  } else {
    status = (await simulateDisputeEvidence(db, { providerDisputeId: dispute.providerDisputeId, evidence: input.evidence }, { deliver: options.deliver }))
      .status;
  }
  await recordAudit(db, { actorId: admin.userId, action: "dispute.evidence", entityType: "Dispute", entityId: dispute.id, after: { status } });
  return { disputeId: dispute.id, status };
}
