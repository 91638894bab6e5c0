import type { PrismaClient, ShipmentStatus } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { lockOrder, moveShipment, syncOrderWithShipments } from "../orders/transitions";
import { inTransaction } from "../transaction";

// Orders a seller works on: paid ones only. An order awaiting payment (or whose payment failed)
// is not the seller's business yet.
const PAID_ORDER = { paidAt: { not: null } } as const;

const shipmentSelect = {
  id: true,
  status: true,
  subtotalCents: true,
  discountCents: true,
  shippingCents: true,
  taxCents: true,
  tierDiscountCents: true,
  shippingDiscountCents: true,
  pointsDiscountCents: true,
  sellerFundedCents: true,
  totalCents: true,
  refundedCents: true,
  carrier: true,
  trackingNumber: true,
  processingAt: true,
  shippedAt: true,
  deliveredAt: true,
  cancelledAt: true,
  createdAt: true,
  order: {
    select: { id: true, number: true, status: true, currency: true, shippingAddress: true, paidAt: true, tierName: true, buyer: { select: { name: true } } },
  },
  items: { select: { id: true, productId: true, sku: true, name: true, quantity: true, refundedQuantity: true, unitPriceCents: true, subtotalCents: true } },
} as const;

/** The seller's shipments of paid orders, newest first, optionally of one status. */
export async function listSellerShipments(db: PrismaClient, actor: Actor, input: { status?: ShipmentStatus; cursor?: string | null; limit?: number }) {
  const { sellerId } = requireSeller(actor);
  const limit = input.limit ?? 20;
  const rows = await db.shipment.findMany({
    where: { sellerId, order: PAID_ORDER, ...(input.status ? { status: input.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: shipmentSelect,
  });
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
}

export async function getSellerShipment(db: PrismaClient, actor: Actor, input: { shipmentId: string }) {
  const { sellerId } = requireSeller(actor);
  // Another seller's shipment is reported as missing, so ids cannot be probed.
  const shipment = await db.shipment.findFirst({ where: { id: input.shipmentId, sellerId, order: PAID_ORDER }, select: shipmentSelect });
  if (!shipment) throw notFound("The shipment");
  return shipment;
}

async function changeOwnShipment(
  db: PrismaClient,
  actor: Actor,
  shipmentId: string,
  to: "PROCESSING" | "SHIPPED",
  details: { carrier?: string; trackingNumber?: string } = {},
) {
  const { sellerId, userId } = requireSeller(actor);
  const found = await db.shipment.findFirst({ where: { id: shipmentId, sellerId, order: PAID_ORDER }, select: { orderId: true } });
  if (!found) throw notFound("The shipment");
  await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, found.orderId);
    const shipment = await tx.shipment.findUniqueOrThrow({ where: { id: shipmentId }, select: { id: true, orderId: true, status: true } });
    if (shipment.status === to && to === "PROCESSING") return;
    if (shipment.status === "CANCELLED") throw new DomainError("CONFLICT", "This part of the order was cancelled and refunded; do not send it.");
    const note = to === "SHIPPED" ? `Shipped with ${details.carrier}, tracking ${details.trackingNumber}` : "The seller is preparing this shipment";
    await moveShipment(tx, shipment, to, { ...details, note, actorId: userId });
    await syncOrderWithShipments(tx, order, { actorId: userId });
  });
  return getSellerShipment(db, actor, { shipmentId });
}

export const markShipmentProcessing = (db: PrismaClient, actor: Actor, input: { shipmentId: string }) =>
  changeOwnShipment(db, actor, input.shipmentId, "PROCESSING");

export const markShipmentShipped = (db: PrismaClient, actor: Actor, input: { shipmentId: string; carrier: string; trackingNumber: string }) =>
  changeOwnShipment(db, actor, input.shipmentId, "SHIPPED", { carrier: input.carrier.trim(), trackingNumber: input.trackingNumber.trim() });

/**
 * The carrier says a parcel arrived. Found by tracking number (and carrier, when the same number
 * exists at two carriers). Delivering twice changes nothing, so carrier retries are harmless.
 */
export async function markShipmentDelivered(db: PrismaClient, input: { trackingNumber: string; carrier?: string; deliveredAt?: Date }) {
  const candidates = await db.shipment.findMany({
    where: {
      trackingNumber: input.trackingNumber,
      ...(input.carrier ? { carrier: { equals: input.carrier, mode: "insensitive" } } : {}),
      status: { in: ["SHIPPED", "DELIVERED"] },
    },
    select: { id: true, orderId: true },
  });
  if (candidates.length === 0) throw notFound(`A shipment with tracking number ${input.trackingNumber}`);
  if (candidates.length > 1) throw new DomainError("CONFLICT", "Several shipments have this tracking number; send the carrier too.");
  const [found] = candidates as [(typeof candidates)[number]];
  return inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, found.orderId);
    const shipment = await tx.shipment.findUniqueOrThrow({ where: { id: found.id }, select: { id: true, orderId: true, status: true } });
    if (shipment.status === "DELIVERED") return { shipmentId: shipment.id, orderId: order.id, status: "DELIVERED" as const, changed: false };
    await moveShipment(tx, shipment, "DELIVERED", { at: input.deliveredAt, note: "Delivered (reported by the carrier)" });
    await syncOrderWithShipments(tx, order);
    return { shipmentId: shipment.id, orderId: order.id, status: "DELIVERED" as const, changed: true };
  });
}
