import type { OrderStatus, ShipmentStatus } from "@bazaar/db";

// The order lifecycle as a transition table: anything not listed is refused.
//   PENDING_PAYMENT -> PAID -> CONFIRMED -> PROCESSING -> SHIPPED -> DELIVERED
// A failed payment goes PAYMENT_FAILED -> CANCELLED; an unpaid order expires or is cancelled;
// a paid order can be cancelled (and refunded) until something ships. Shipments drive the
// states after CONFIRMED, and a part may skip PROCESSING or finish before another starts,
// hence the skips (CONFIRMED -> SHIPPED, PROCESSING -> DELIVERED).
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING_PAYMENT: ["PAID", "PAYMENT_FAILED", "CANCELLED"],
  PAYMENT_FAILED: ["CANCELLED"],
  PAID: ["CONFIRMED", "CANCELLED"],
  CONFIRMED: ["PROCESSING", "SHIPPED", "CANCELLED"],
  PROCESSING: ["SHIPPED", "DELIVERED", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: [],
  CANCELLED: [],
};

export const canTransitionOrder = (from: OrderStatus, to: OrderStatus) => ORDER_TRANSITIONS[from].includes(to);

export const SHIPMENT_TRANSITIONS: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  PENDING: ["PROCESSING", "SHIPPED", "CANCELLED"],
  PROCESSING: ["SHIPPED", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: [],
  CANCELLED: [],
};

export const canTransitionShipment = (from: ShipmentStatus, to: ShipmentStatus) => SHIPMENT_TRANSITIONS[from].includes(to);

/** A paid order that has not shipped anything yet may still be cancelled by its buyer. */
export const isCancellableByBuyer = (status: OrderStatus, shipments: readonly ShipmentStatus[]) =>
  canTransitionOrder(status, "CANCELLED") && !shipments.some((s) => s === "SHIPPED" || s === "DELIVERED");

/**
 * Where a confirmed order stands given its shipments (cancelled parts do not count): all
 * delivered -> DELIVERED; all shipped or delivered -> SHIPPED; any started -> PROCESSING;
 * none started -> CONFIRMED; nothing left -> CANCELLED.
 */
export function orderStatusFromShipments(shipments: readonly ShipmentStatus[]): OrderStatus {
  const live = shipments.filter((s) => s !== "CANCELLED");
  if (live.length === 0) return "CANCELLED";
  if (live.every((s) => s === "DELIVERED")) return "DELIVERED";
  if (live.every((s) => s === "SHIPPED" || s === "DELIVERED")) return "SHIPPED";
  if (live.some((s) => s !== "PENDING")) return "PROCESSING";
  return "CONFIRMED";
}

const PROGRESS: readonly OrderStatus[] = ["CONFIRMED", "PROCESSING", "SHIPPED", "DELIVERED"];

/**
 * The status a confirmed order should move to after one of its shipments changed, or null to
 * stay. It only moves forward: when a started part is cancelled and refunded, the order stays
 * where it was rather than appearing to go back (its history records the cancellation).
 */
export function nextOrderStatus(current: OrderStatus, shipments: readonly ShipmentStatus[]): OrderStatus | null {
  const target = orderStatusFromShipments(shipments);
  if (target === current) return null;
  if (target === "CANCELLED") return canTransitionOrder(current, "CANCELLED") ? "CANCELLED" : null;
  const from = PROGRESS.indexOf(current);
  if (from === -1 || PROGRESS.indexOf(target) < from) return null;
  return target;
}
