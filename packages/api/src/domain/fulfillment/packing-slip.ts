import type { PrismaClient } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { notFound } from "../../errors";

export interface PackingSlipAddress {
  fullName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
}

export interface PackingSlip {
  shipmentId: string;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  shop: { shopName: string; contactEmail: string };
  order: { number: number; placedAt: Date; paidAt: Date | null };
  shipTo: PackingSlipAddress;
  /** What goes in the box; prices stay off the slip (it may be a gift). */
  items: { sku: string; name: string; quantity: number }[];
  totalUnits: number;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

/** The address as checkout stored it (JSON); missing optional parts become null. */
function addressOf(json: unknown): PackingSlipAddress {
  const a = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  return {
    fullName: text(a.fullName) ?? "",
    line1: text(a.line1) ?? "",
    line2: text(a.line2),
    city: text(a.city) ?? "",
    region: text(a.region),
    postalCode: text(a.postalCode) ?? "",
    country: text(a.country) ?? "",
    phone: text(a.phone),
  };
}

/** What the seller prints and puts in the parcel. Only their own shipments of paid orders; anything else is "not found". */
export async function getPackingSlip(db: PrismaClient, actor: Actor, input: { shipmentId: string }): Promise<PackingSlip> {
  const { sellerId } = requireSeller(actor);
  const shipment = await db.shipment.findFirst({
    where: { id: input.shipmentId, sellerId, order: { paidAt: { not: null } } },
    select: {
      id: true,
      status: true,
      carrier: true,
      trackingNumber: true,
      seller: { select: { shopName: true, contactEmail: true } },
      order: { select: { number: true, createdAt: true, paidAt: true, shippingAddress: true } },
      items: { select: { sku: true, name: true, quantity: true }, orderBy: [{ sku: "asc" }, { id: "asc" }] },
    },
  });
  if (!shipment) throw notFound("The shipment");
  return {
    shipmentId: shipment.id,
    status: shipment.status,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    shop: shipment.seller,
    order: { number: shipment.order.number, placedAt: shipment.order.createdAt, paidAt: shipment.order.paidAt },
    shipTo: addressOf(shipment.order.shippingAddress),
    items: shipment.items,
    totalUnits: shipment.items.reduce((sum, item) => sum + item.quantity, 0),
  };
}
