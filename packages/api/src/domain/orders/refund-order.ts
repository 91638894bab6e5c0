import type { Prisma, PrismaClient } from "@bazaar/db";
import { requireAdmin, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import type { PaymentGateway } from "../payments/gateway";
import { inTransaction } from "../transaction";
import { refundOrderParts } from "./close-order";
import { lockOrder, lockPayment } from "./transitions";

/**
 * An administrator refunds a paid order in full, or one seller's part of it (`sellerId`):
 * through the payment provider, with the ledger reversal and the units back in stock. Parts not
 * yet shipped are cancelled; shipped parts stay shipped (a return). Recorded in the audit log.
 */
export async function refundOrder(db: PrismaClient, actor: Actor, input: { orderId: string; sellerId?: string; reason: string }, gateway?: PaymentGateway) {
  const admin = requireAdmin(actor);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("BAD_REQUEST", "Give a reason for the refund; the buyer and seller see it.");
  return inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order.paidAt) throw new DomainError("CONFLICT", "This order was never paid, so there is nothing to refund.");
    const shipments = await tx.shipment.findMany({
      where: { orderId: order.id, ...(input.sellerId ? { sellerId: input.sellerId } : {}) },
      orderBy: { createdAt: "asc" },
    });
    if (shipments.length === 0) throw notFound("That seller's part of the order");
    if (shipments.every((s) => s.refundedCents >= s.totalCents && s.status !== "PENDING" && s.status !== "PROCESSING")) {
      throw new DomainError("CONFLICT", "This has already been refunded in full.");
    }
    const captured = await tx.payment.findFirst({ where: { orderId: order.id, status: { in: ["CAPTURED", "REFUNDED"] } }, select: { id: true } });
    if (!captured) throw new DomainError("CONFLICT", "This order has no captured payment to refund.");
    const payment = await lockPayment(tx, captured.id);
    const before = { status: order.status, refundedCents: order.refundedCents } satisfies Prisma.InputJsonValue;
    const { refundedCents } = await refundOrderParts(tx, order, payment, shipments, {
      reason: `Refunded by Bazaar: ${reason}`,
      actorId: admin.userId,
      gateway,
    });
    await tx.auditLog.create({
      data: {
        actorId: admin.userId,
        action: input.sellerId ? "order.refund-seller-part" : "order.refund",
        entityType: "Order",
        entityId: order.id,
        before,
        after: { status: order.status, refundedCents: order.refundedCents + refundedCents, sellerId: input.sellerId ?? null },
        reason,
      },
    });
    return { orderId: order.id, status: order.status, refundedCents };
  });
}
