import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { addressLines } from "../../../mail/address-lines";
import { paths, urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { notify } from "../../notifications";
import { discountLines, sellerDiscountLabel } from "../discount-lines";
import { customerEmail, customerOrderUrl } from "../order-access";

/**
 * `order/confirmed` -> the buyer's confirmation (email + in-app), and each seller in the order
 * hears about their part of it (in-app + email). One step per recipient: a mail server failing
 * for one seller retries that seller only, and every message is deduplicated by the order. The
 * buyer's step reads the order's shipments with the order and returns them; the sellers' steps
 * run in parallel (one saved state for all of them in the in-process runtime).
 */
export const orderConfirmed = inngest.createFunction(
  { id: "order-confirmed-notify", name: "Tell the buyer and sellers about a confirmed order", triggers: [bazaarEvent("order/confirmed")] },
  async ({ event, step, db }) => {
    const { shipments } = await step.run("tell-buyer", () => confirmOrderToBuyer(db, event.data.orderId));
    await Promise.all(shipments.map((shipment) => step.run(`tell-seller-${shipment.sellerId}`, () => tellSellerAboutOrder(db, shipment.id))));
    return { sellers: shipments.length };
  },
);

/** Confirms the order to its buyer; returns the order's shipments (one per seller), oldest first. */
export async function confirmOrderToBuyer(db: PrismaClient, orderId: string): Promise<{ shipments: { id: string; sellerId: string }[] }> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      buyer: { select: { id: true, email: true, name: true } },
      promoCode: { select: { code: true } },
      items: { orderBy: { id: "asc" }, include: { seller: { select: { shopName: true } } } },
      shipments: { orderBy: { createdAt: "asc" }, select: { id: true, sellerId: true } },
    },
  });
  const dedupeKey = `order-confirmation:${order.id}`;
  // A guest has no account to notify in; their email carries the order's signed link instead.
  if (order.buyer)
    await notify(db, {
      userId: order.buyer.id,
      type: "ORDER_CONFIRMED",
      title: `Order #${order.number} is confirmed`,
      body: `We received your payment. ${order.items.length === 1 ? "Your item" : `Your ${order.items.length} items`} will ship soon.`,
      link: paths.order(order.id),
      dedupeKey,
    });
  await sendEmail(db, {
    to: customerEmail(order),
    template: "order-confirmation",
    props: {
      buyerName: order.buyer?.name ?? "there",
      orderNumber: order.number,
      orderUrl: customerOrderUrl(order),
      currency: order.currency,
      lines: order.items.map((item) => ({ name: item.name, quantity: item.quantity, amountCents: item.subtotalCents, shopName: item.seller.shopName })),
      totals: [
        { label: "Subtotal", cents: order.subtotalCents },
        ...discountLines({ ...order, promoCode: order.promoCode?.code }).map(({ label, cents }) => ({ label, cents })),
        { label: "Shipping", cents: order.shippingCents },
        ...(order.taxCents ? [{ label: "Tax", cents: order.taxCents }] : []),
        { label: "Total", cents: order.totalCents },
      ],
      shipTo: addressLines(order.shippingAddress),
    },
    dedupeKey,
  });
  return { shipments: order.shipments };
}

export async function tellSellerAboutOrder(db: PrismaClient, shipmentId: string) {
  const shipment = await db.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    include: {
      order: { select: { number: true, currency: true, shippingAddress: true, tierName: true } },
      seller: { select: { userId: true, shopName: true, contactEmail: true } },
      items: { orderBy: { id: "asc" }, select: { name: true, quantity: true, subtotalCents: true } },
    },
  });
  const dedupeKey = `new-order:${shipment.id}`;
  const units = shipment.items.reduce((sum, item) => sum + item.quantity, 0);
  await notify(db, {
    userId: shipment.seller.userId,
    type: "NEW_ORDER",
    title: `New order #${shipment.order.number}`,
    body: `${units} ${units === 1 ? "item" : "items"} to pack and ship.`,
    link: paths.sellerShipment(shipment.id),
    dedupeKey,
  });
  await sendEmail(db, {
    to: shipment.seller.contactEmail,
    template: "new-order",
    props: {
      shopName: shipment.seller.shopName,
      orderNumber: shipment.order.number,
      shipmentUrl: urls.sellerShipment(shipment.id),
      currency: shipment.order.currency,
      lines: shipment.items.map((item) => ({ name: item.name, quantity: item.quantity, amountCents: item.subtotalCents })),
      totals: [
        ...discountLines({ ...shipment, tierName: shipment.order.tierName }).map((line) => ({ label: sellerDiscountLabel(line), cents: line.cents })),
        { label: "Shipping", cents: shipment.shippingCents },
        ...(shipment.taxCents ? [{ label: "Tax", cents: shipment.taxCents }] : []),
        { label: "Order total", cents: shipment.totalCents },
      ],
      shipTo: addressLines(shipment.order.shippingAddress),
    },
    dedupeKey,
  });
}
