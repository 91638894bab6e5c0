import type { Order, OrderStatus, ShipmentStatus, Tx } from "@bazaar/db";
import { DomainError, notFound } from "../../errors";
import { publish } from "../../events/publish";
import { canTransitionOrder, canTransitionShipment, nextOrderStatus } from "./status";
import { onShipmentDelivered } from "../loyalty/lifecycle";

// Lock order: every flow that changes an order, its shipments or its payment locks the order
// row first and the payment second, so webhooks, cancellations, refunds and fulfillment queue
// behind each other instead of deadlocking.

export async function lockOrder(tx: Tx, orderId: string): Promise<Order> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("The order");
  return tx.order.findUniqueOrThrow({ where: { id: orderId } });
}

export async function lockPayment(tx: Tx, paymentId: string) {
  await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${paymentId} FOR UPDATE`;
  return tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

interface ChangeNote {
  note?: string | null;
  actorId?: string | null;
}

/** Moves the order along the transition table and records it in the order's history. */
export async function moveOrder(tx: Tx, order: Pick<Order, "id" | "status">, to: OrderStatus, change: ChangeNote & { cancelReason?: string } = {}) {
  if (!canTransitionOrder(order.status, to)) {
    throw new DomainError("CONFLICT", `This order is ${order.status.toLowerCase().replace("_", " ")} and cannot become ${to.toLowerCase().replace("_", " ")}.`);
  }
  const now = new Date();
  await tx.order.update({
    where: { id: order.id },
    data: {
      status: to,
      ...(to === "PAID" ? { paidAt: now } : {}),
      ...(to === "CANCELLED" ? { cancelledAt: now, cancelReason: change.cancelReason ?? change.note ?? null } : {}),
    },
  });
  await tx.orderStatusHistory.create({ data: { orderId: order.id, status: to, note: change.note ?? null, actorId: change.actorId ?? null } });
  if (to === "CANCELLED") await publish(tx, "order/cancelled", { orderId: order.id, reason: change.cancelReason ?? change.note ?? null });
  order.status = to;
}

/** A note on the order's timeline without a status change (a refund, a late payment). */
export async function noteOrder(tx: Tx, order: Pick<Order, "id" | "status">, change: ChangeNote & { shipmentId?: string | null; status?: string }) {
  await tx.orderStatusHistory.create({
    data: {
      orderId: order.id,
      shipmentId: change.shipmentId ?? null,
      status: change.status ?? order.status,
      note: change.note ?? null,
      actorId: change.actorId ?? null,
    },
  });
}

/** Moves one shipment along its table, records it and publishes `shipment/status-changed`. */
export async function moveShipment(
  tx: Tx,
  shipment: { id: string; orderId: string; status: ShipmentStatus },
  to: ShipmentStatus,
  change: ChangeNote & { carrier?: string; trackingNumber?: string; at?: Date } = {},
) {
  if (!canTransitionShipment(shipment.status, to)) {
    throw new DomainError("CONFLICT", `This shipment is ${shipment.status.toLowerCase()} and cannot become ${to.toLowerCase()}.`);
  }
  const at = change.at ?? new Date();
  await tx.shipment.update({
    where: { id: shipment.id },
    data: {
      status: to,
      ...(to === "PROCESSING" ? { processingAt: at } : {}),
      ...(to === "SHIPPED" ? { shippedAt: at, carrier: change.carrier, trackingNumber: change.trackingNumber } : {}),
      ...(to === "DELIVERED" ? { deliveredAt: at } : {}),
      ...(to === "CANCELLED" ? { cancelledAt: at } : {}),
    },
  });
  await tx.orderStatusHistory.create({
    // The timeline is in the order Bazaar learned things; the carrier's own time is on the shipment.
    data: { orderId: shipment.orderId, shipmentId: shipment.id, status: to, note: change.note ?? null, actorId: change.actorId ?? null },
  });
  await publish(tx, "shipment/status-changed", { shipmentId: shipment.id, orderId: shipment.orderId, status: to });
  shipment.status = to;
  if (to === "DELIVERED") await onShipmentDelivered(tx, shipment.id, at);
}

/** After a shipment changed: the order follows its shipments (forward only; see `nextOrderStatus`). */
export async function syncOrderWithShipments(tx: Tx, order: Pick<Order, "id" | "status">, change: ChangeNote = {}) {
  const shipments = await tx.shipment.findMany({ where: { orderId: order.id }, select: { status: true } });
  const next = nextOrderStatus(
    order.status,
    shipments.map((s) => s.status),
  );
  if (next) await moveOrder(tx, order, next, change);
}
