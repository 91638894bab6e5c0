import type { PrismaClient } from "@bazaar/db";
import type { Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import type { PaymentGateway } from "../payments/gateway";
import { inTransaction } from "../transaction";
import { closeUnpaidOrder, refundOrderParts } from "./close-order";
import { isCancellableByBuyer } from "./status";
import { orderViewer, type OrderRef } from "./order-access";
import { lockOrder, lockPayment } from "./transitions";

/**
 * The buyer cancels their order before anything shipped. Unpaid: the held stock is released.
 * Paid: the whole payment is refunded through the provider, the sold units go back on hand and
 * the ledger split is reversed.
 */
export async function cancelOrder(db: PrismaClient, actor: Actor | null, input: OrderRef & { reason?: string }, gateway?: PaymentGateway) {
  // The buyer, or a guest with their order's signed link.
  const viewer = orderViewer(actor, input);
  const userId = viewer.actorId;
  const reason = input.reason?.trim() ? `Cancelled by the buyer: ${input.reason.trim()}` : "Cancelled by the buyer";
  return inTransaction(db, async (tx) => {
    const owned = await tx.order.findFirst({ where: viewer.where, select: { id: true } });
    if (!owned) throw notFound("The order");
    const order = await lockOrder(tx, owned.id);
    const shipments = await tx.shipment.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    if (
      !isCancellableByBuyer(
        order.status,
        shipments.map((s) => s.status),
      )
    ) {
      throw new DomainError(
        "CONFLICT",
        order.status === "CANCELLED"
          ? "This order is already cancelled."
          : "Part of this order has already shipped, so it can no longer be cancelled. Contact the seller or support about a return.",
      );
    }
    if (order.status === "PENDING_PAYMENT") {
      await closeUnpaidOrder(tx, order, { stockOutcome: "RELEASED", reason, actorId: userId });
      return { orderId: order.id, status: order.status, refundedCents: 0 };
    }
    const captured = await tx.payment.findFirst({ where: { orderId: order.id, status: "CAPTURED" }, select: { id: true } });
    if (!captured) throw new DomainError("CONFLICT", "This order has no captured payment to refund. Contact support.");
    const payment = await lockPayment(tx, captured.id);
    const { refundedCents } = await refundOrderParts(tx, order, payment, shipments, { reason, actorId: userId, gateway });
    return { orderId: order.id, status: order.status, refundedCents };
  });
}
