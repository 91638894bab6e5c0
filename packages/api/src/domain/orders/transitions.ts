import { Prisma, type Order, type OrderStatus, type Payment, type ShipmentStatus, type SqlTx, type Tx } from "@bazaar/db";
import { DomainError, notFound } from "../../errors";
import { publish } from "../../events/publish";
import { canTransitionOrder, canTransitionShipment, nextOrderStatus } from "./status";
import { onShipmentDelivered } from "../loyalty/lifecycle";

// Lock order: every flow that changes an order, its shipments or its payment locks the order
// row first and the payment second, so webhooks, cancellations, refunds and fulfillment queue
// behind each other instead of deadlocking.

export async function lockOrder(tx: Tx, orderId: string): Promise<Order> {
  const [order] = await tx.$queryRaw<Order[]>`SELECT * FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  if (!order) throw notFound("The order");
  return order;
}

/** The order a PaymentIntent pays for, locked (its payment is locked next, with lockPayment); null when no payment has that intent. */
export async function lockOrderOfIntent(tx: SqlTx, paymentIntentId: string): Promise<Order | null> {
  const [order] = await tx.$queryRaw<Order[]>`
    SELECT * FROM "Order" WHERE "id" = (SELECT "orderId" FROM "Payment" WHERE "providerPaymentId" = ${paymentIntentId}) FOR UPDATE`;
  return order ?? null;
}

export async function lockPayment(tx: Tx, paymentId: string): Promise<Payment> {
  const [payment] = await tx.$queryRaw<Payment[]>`SELECT * FROM "Payment" WHERE "id" = ${paymentId} FOR UPDATE`;
  if (!payment) throw notFound("The payment");
  return payment;
}

/** lockPayment by the PaymentIntent's id (after lockOrderOfIntent). */
export async function lockPaymentOfIntent(tx: SqlTx, paymentIntentId: string): Promise<Payment> {
  const [payment] = await tx.$queryRaw<Payment[]>`SELECT * FROM "Payment" WHERE "providerPaymentId" = ${paymentIntentId} FOR UPDATE`;
  if (!payment) throw notFound("The payment");
  return payment;
}

interface ChangeNote {
  note?: string | null;
  actorId?: string | null;
}

/** Moves the order along the transition table and records it in the order's history. */
export async function moveOrder(tx: Tx, order: Pick<Order, "id" | "status">, to: OrderStatus, change: ChangeNote & { cancelReason?: string } = {}) {
  await moveOrderThrough(tx, order, [{ to, ...change }]);
}

/**
 * Moves the order through several states at once (paid, then confirmed), each step checked
 * against the transition table and recorded in the history, in two statements whatever the number
 * of steps. The steps are stamped a millisecond apart so the timeline keeps their order.
 */
export async function moveOrderThrough(tx: SqlTx, order: Pick<Order, "id" | "status">, steps: (ChangeNote & { to: OrderStatus; cancelReason?: string })[]) {
  let status = order.status;
  for (const { to } of steps) {
    if (!canTransitionOrder(status, to)) {
      throw new DomainError("CONFLICT", `This order is ${status.toLowerCase().replace("_", " ")} and cannot become ${to.toLowerCase().replace("_", " ")}.`);
    }
    status = to;
  }
  const now = new Date();
  const cancelled = steps.find((step) => step.to === "CANCELLED");
  const cancelReason = cancelled ? (cancelled.cancelReason ?? cancelled.note ?? null) : null;
  const history = steps.map(
    (step, i) => Prisma.sql`(gen_random_uuid()::text, ${step.to}, ${step.note ?? null}, ${step.actorId ?? null}, ${new Date(now.getTime() + i)}::timestamp(3))`,
  );
  // The order and its timeline in one statement, written out (on every order's path; a Prisma
  // model query is compiled on every call).
  await tx.$executeRaw`
    WITH moved AS (
      UPDATE "Order" SET "status" = ${status}::"OrderStatus", "updatedAt" = ${now}::timestamp(3)
             ${steps.some((step) => step.to === "PAID") ? Prisma.sql`, "paidAt" = ${now}::timestamp(3)` : Prisma.empty}
             ${cancelled ? Prisma.sql`, "cancelledAt" = ${now}::timestamp(3), "cancelReason" = ${cancelReason}` : Prisma.empty}
       WHERE "id" = ${order.id}
      RETURNING "id"
    )
    INSERT INTO "OrderStatusHistory" ("id", "orderId", "status", "note", "actorId", "createdAt")
    SELECT h."id", moved."id", h."status", h."note", h."actorId", h."createdAt"
      FROM moved, (VALUES ${Prisma.join(history)}) AS h ("id", "status", "note", "actorId", "createdAt")`;
  if (cancelled) await publish(tx, "order/cancelled", { orderId: order.id, reason: cancelReason });
  order.status = status;
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
