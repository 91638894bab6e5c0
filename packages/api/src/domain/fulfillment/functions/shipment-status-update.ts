import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { paths } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { notify } from "../../notifications";
import { customerEmail, customerOrderUrl } from "../../orders/order-access";

/** Statuses the buyer hears about by email as well; packing (PROCESSING) is in-app only. */
const EMAILED = new Set(["SHIPPED", "DELIVERED", "CANCELLED"]);

/**
 * `shipment/status-changed` -> the buyer hears where their parcel is: in-app for every change,
 * by email (with carrier and tracking number) once it ships, arrives or is cancelled. The order's
 * own status already followed its shipments when the change was made.
 */
export const shipmentStatusUpdate = inngest.createFunction(
  { id: "shipment-status-update", name: "Tell the buyer about their parcel", triggers: [bazaarEvent("shipment/status-changed")] },
  async ({ event, step, db }) => step.run("tell-buyer", () => tellBuyerAboutShipment(db, event.data.shipmentId, event.data.status)),
);

export async function tellBuyerAboutShipment(db: PrismaClient, shipmentId: string, status: string) {
  if (status !== "PROCESSING" && status !== "SHIPPED" && status !== "DELIVERED" && status !== "CANCELLED") return { told: false };
  const shipment = await db.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    include: {
      order: { select: { id: true, number: true, buyerId: true, guestEmail: true, buyer: { select: { id: true, email: true, name: true } } } },
      seller: { select: { shopName: true } },
      items: { orderBy: { id: "asc" }, select: { name: true, quantity: true } },
    },
  });
  const { order } = shipment;
  const dedupeKey = `shipment:${shipment.id}:${status}`;
  const props = {
    buyerName: order.buyer?.name ?? "there",
    orderNumber: order.number,
    shopName: shipment.seller.shopName,
    status,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    items: shipment.items.map((item) => (item.quantity > 1 ? `${item.quantity} × ${item.name}` : item.name)),
    orderUrl: customerOrderUrl(order),
  } as const;
  if (order.buyer)
    await notify(db, {
      userId: order.buyer.id,
      type: "SHIPMENT_UPDATE",
      title: `Order #${order.number}: ${shipment.seller.shopName} ${status.toLowerCase()} your parcel`,
      body: shipment.trackingNumber ? `Tracking: ${[shipment.carrier, shipment.trackingNumber].filter(Boolean).join(" ")}` : "",
      link: paths.order(order.id),
      dedupeKey,
    });
  if (EMAILED.has(status)) await sendEmail(db, { to: customerEmail(order), template: "shipment-update", props, dedupeKey });
  return { told: true };
}
