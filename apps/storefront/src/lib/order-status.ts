import type { BadgeTone } from "@bazaar/ui";
import type { OrderStatus, ShipmentStatus } from "@bazaar/db";

// The words buyers see for order and shipment states (the same everywhere in the storefront).
const ORDER: Record<OrderStatus, { label: string; tone: BadgeTone }> = {
  PENDING_PAYMENT: { label: "Payment processing", tone: "info" },
  PAID: { label: "Paid", tone: "info" },
  CONFIRMED: { label: "Confirmed", tone: "success" },
  PROCESSING: { label: "Being packed", tone: "info" },
  SHIPPED: { label: "Shipped", tone: "info" },
  DELIVERED: { label: "Delivered", tone: "success" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
  PAYMENT_FAILED: { label: "Payment failed", tone: "danger" },
};

const SHIPMENT: Record<ShipmentStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Waiting for the shop", tone: "neutral" },
  PROCESSING: { label: "Being packed", tone: "info" },
  SHIPPED: { label: "Shipped", tone: "info" },
  DELIVERED: { label: "Delivered", tone: "success" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
};

export const orderStatus = (status: string) =>
  (ORDER as Partial<Record<string, { label: string; tone: BadgeTone }>>)[status] ?? { label: status, tone: "neutral" as const };
export const shipmentStatus = (status: string) =>
  (SHIPMENT as Partial<Record<string, { label: string; tone: BadgeTone }>>)[status] ?? { label: status, tone: "neutral" as const };

/** Still waiting for the payment's outcome (the webhook): the confirmation page keeps polling. */
export const isAwaitingPayment = (status: string) => status === "PENDING_PAYMENT" || status === "PAID";

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
export const formatDateTime = (date: Date) => dateTime.format(date);
export const formatDate = (date: Date) => dateOnly.format(date);

/** Order states that follow from the shipments' own steps, which the timeline already lists per shop. */
const MIRRORED = new Set(["PROCESSING", "SHIPPED", "DELIVERED"]);
const WHOLE_ORDER: Partial<Record<string, string>> = { SHIPPED: "Every part shipped", DELIVERED: "Every part delivered" };

/**
 * The buyer's timeline without repeats: with one shipment, "Northwind Audio: Shipped" says it all,
 * so the order's own "Shipped" is left out; with several, the order's step says that every part
 * got there ("Every part shipped"), and its "Being packed" (the first part started) is left out.
 */
export function buyerTimeline<T extends { status: string; shipmentId: string | null }>(entries: T[], shipmentCount: number): (T & { label: string })[] {
  return entries.flatMap((entry) => {
    if (entry.shipmentId) return [{ ...entry, label: shipmentStatus(entry.status).label }];
    if (!MIRRORED.has(entry.status)) return [{ ...entry, label: orderStatus(entry.status).label }];
    const whole = shipmentCount > 1 ? WHOLE_ORDER[entry.status] : undefined;
    return whole ? [{ ...entry, label: whole }] : [];
  });
}
