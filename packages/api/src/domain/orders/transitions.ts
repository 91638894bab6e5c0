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
  const [order] = await tx.$queryRaw<Order[]>(orderOfIntentForUpdate(paymentIntentId));
  return order ?? null;
}

/** lockOrderOfIntent's query, for a larger statement (the captured payment's, with its event). */
export const orderOfIntentForUpdate = (paymentIntentId: string) =>
  Prisma.sql`SELECT * FROM "Order" WHERE "id" = (SELECT "orderId" FROM "Payment" WHERE "providerPaymentId" = ${paymentIntentId}) FOR UPDATE`;

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
 * against the transition table and recorded in the history, in one statement whatever the number
 * of steps (and the cancellation's event after it). The steps are stamped a millisecond apart so
 * the timeline keeps their order.
 */
export async function moveOrderThrough(tx: SqlTx, order: Pick<Order, "id" | "status">, steps: OrderStep[]) {
  const move = orderMoveSql(order, steps);
  await tx.$executeRaw`WITH ${move.ctes} SELECT 1`;
  if (move.cancelReason !== undefined) await publish(tx, "order/cancelled", { orderId: order.id, reason: move.cancelReason });
  order.status = move.status;
}

type OrderStep = ChangeNote & { to: OrderStatus; cancelReason?: string };

/**
 * moveOrderThrough's order update and history as CTEs (named order_*) for a larger statement of
 * the same transaction (the payment's webhook confirms, sells and captures in one round trip).
 * Checks the steps first (a DomainError before any SQL). Publishes nothing: moveOrderThrough
 * publishes a cancellation (cancelReason set, maybe to null) after running them.
 */
export function orderMoveSql(order: Pick<Order, "id" | "status">, steps: OrderStep[]): { ctes: Prisma.Sql; status: OrderStatus; cancelReason?: string | null } {
  let status = order.status;
  for (const { to } of steps) {
    if (!canTransitionOrder(status, to)) {
      throw new DomainError("CONFLICT", `This order is ${status.toLowerCase().replace("_", " ")} and cannot become ${to.toLowerCase().replace("_", " ")}.`);
    }
    status = to;
  }
  const now = new Date();
  const cancelled = steps.find((step) => step.to === "CANCELLED");
  const cancelReason = cancelled ? (cancelled.cancelReason ?? cancelled.note ?? null) : undefined;
  const history = steps.map(
    (step, i) => Prisma.sql`(gen_random_uuid()::text, ${step.to}, ${step.note ?? null}, ${step.actorId ?? null}, ${new Date(now.getTime() + i)}::timestamp(3))`,
  );
  // Written out (on every order's path; a Prisma model query is compiled on every call).
  const ctes = Prisma.sql`
    order_moved AS (
      UPDATE "Order" SET "status" = ${status}::"OrderStatus", "updatedAt" = ${now}::timestamp(3)
             ${steps.some((step) => step.to === "PAID") ? Prisma.sql`, "paidAt" = ${now}::timestamp(3)` : Prisma.empty}
             ${cancelled ? Prisma.sql`, "cancelledAt" = ${now}::timestamp(3), "cancelReason" = ${cancelReason}` : Prisma.empty}
       WHERE "id" = ${order.id}
      RETURNING "id"
    ), order_history AS (
      INSERT INTO "OrderStatusHistory" ("id", "orderId", "status", "note", "actorId", "createdAt")
      SELECT h."id", order_moved."id", h."status", h."note", h."actorId", h."createdAt"
        FROM order_moved, (VALUES ${Prisma.join(history)}) AS h ("id", "status", "note", "actorId", "createdAt")
    )`;
  return { ctes, status, cancelReason };
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
