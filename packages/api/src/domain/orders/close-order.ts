import type { Order, Payment, Shipment, Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { releaseOrderStock, restockOrder } from "../inventory";
import type { PaymentGateway } from "../payments/gateway";
import { releasePromo } from "../promotions/redemption";
import { restoreReservedPoints } from "../loyalty/points";
import { refundThroughGateway } from "../payments/refunds";
import { disputedByShipment } from "../ledger/seller-side";
import { moveOrder, moveShipment, syncOrderWithShipments } from "./transitions";

/**
 * An order that was never paid is given up (cancelled by its buyer, or its payment window
 * passed): its held stock goes back, its open payment fails, its cart becomes shoppable again.
 * The caller holds the order lock.
 */
export async function closeUnpaidOrder(
  tx: Tx,
  order: Pick<Order, "id" | "status" | "cartId">,
  input: { stockOutcome: "RELEASED" | "EXPIRED"; reason: string; actorId?: string | null },
) {
  await moveOrder(tx, order, "CANCELLED", { note: input.reason, cancelReason: input.reason, actorId: input.actorId });
  // Sellers never saw these parts (they see paid orders only): they close quietly with the order.
  await tx.shipment.updateMany({ where: { orderId: order.id, status: "PENDING" }, data: { status: "CANCELLED", cancelledAt: new Date() } });
  await releaseOrderStock(tx, order.id, input.stockOutcome);
  // The order never happened: a one-use code it used can be used again.
  await releasePromo(tx, order.id);
  await restoreReservedPoints(tx, order.id);
  // A payment that arrives later anyway is refunded by the webhook (see apply-stripe-event.ts).
  await tx.payment.updateMany({
    where: { orderId: order.id, status: "CREATED" },
    data: { status: "FAILED", failureMessage: input.reason, failedAt: new Date() },
  });
  if (order.cartId) await tx.cart.updateMany({ where: { id: order.cartId, status: "CHECKOUT" }, data: { status: "ACTIVE", lastActivityAt: new Date() } });
}

/**
 * Refunds sellers' parts of a paid order in full: one provider refund per part (so each is
 * attributable), the ledger reversal, unshipped parts cancelled with their units back on hand;
 * the order is cancelled when nothing is left of it and otherwise follows its shipments.
 * The caller holds the order and payment locks.
 */
export async function refundOrderParts(
  tx: Tx,
  order: Pick<Order, "id" | "status">,
  payment: Pick<Payment, "id" | "providerPaymentId" | "status">,
  shipments: Pick<Shipment, "id" | "orderId" | "sellerId" | "status" | "totalCents" | "refundedCents">[],
  input: { reason: string; actorId: string | null; gateway?: PaymentGateway },
) {
  let refundedCents = 0;
  const disputed = await disputedByShipment(
    tx,
    shipments.map((s) => s.id),
  );
  for (const shipment of shipments) {
    // What a dispute holds of the part went (or may go) back through the buyer's bank.
    const remaining = shipment.totalCents - shipment.refundedCents - (disputed.get(shipment.id) ?? 0);
    if (remaining <= 0 && (disputed.get(shipment.id) ?? 0) > 0) {
      throw new DomainError(
        "CONFLICT",
        "The buyer's bank disputed this payment, so it cannot be refunded as well: a refund would pay them twice. Answer the dispute instead.",
      );
    }
    if (remaining > 0) {
      const items = await tx.orderItem.findMany({ where: { shipmentId: shipment.id }, select: { id: true, quantity: true, refundedQuantity: true } });
      await refundThroughGateway(
        tx,
        payment,
        {
          shipmentId: shipment.id,
          amountCents: remaining,
          // Same order state, same key: a retry after a crash gets the provider's first refund back.
          idempotencyKey: `refund:shipment:${shipment.id}:${shipment.refundedCents}`,
          reason: input.reason,
          items: items.filter((i) => i.quantity > i.refundedQuantity).map((i) => ({ orderItemId: i.id, quantity: i.quantity - i.refundedQuantity })),
        },
        input.gateway,
      );
      refundedCents += remaining;
    }
    // Only units still in the warehouse go back on hand: a part that has shipped left it, and a
    // refund of it ("it arrived broken") creates no stock.
    if (shipment.status === "PENDING" || shipment.status === "PROCESSING") {
      await restockOrder(tx, { orderId: order.id, sellerId: shipment.sellerId });
      await moveShipment(tx, shipment, "CANCELLED", { note: input.reason, actorId: input.actorId });
    }
  }
  const remaining = await tx.shipment.count({ where: { orderId: order.id, status: { not: "CANCELLED" } } });
  if (remaining === 0) {
    await moveOrder(tx, order, "CANCELLED", { note: input.reason, cancelReason: input.reason, actorId: input.actorId });
  } else {
    await syncOrderWithShipments(tx, order, { actorId: input.actorId });
  }
  return { refundedCents };
}
