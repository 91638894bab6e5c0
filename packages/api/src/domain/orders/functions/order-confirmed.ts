import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { addressLines } from "../../../mail/address-lines";
import { paths, urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import type { NewOrderProps } from "../../../mail/templates/new-order";
import { discountLines, sellerDiscountLabel } from "../discount-lines";
import { customerEmail, customerOrderUrl } from "../order-access";

/**
 * `order/confirmed` -> the buyer's confirmation (email + in-app), and each seller in the order
 * hears about their part of it (in-app + email). One step per recipient: a mail server failing
 * for one seller retries that seller only, and every message is deduplicated by the order. The
 * buyer's step reads the whole order once (its shipments with their items and sellers) and
 * returns what each seller's message says, so the sellers' steps, run in parallel, read nothing.
 */
export const orderConfirmed = inngest.createFunction(
  { id: "order-confirmed-notify", name: "Tell the buyer and sellers about a confirmed order", triggers: [bazaarEvent("order/confirmed")] },
  async ({ event, step, db }) => {
    const { sellers } = await step.run("tell-buyer", () => confirmOrderToBuyer(db, event.data.orderId));
    await Promise.all(sellers.map((notice) => step.run(`tell-seller-${notice.sellerId}`, () => tellSellerAboutOrder(db, notice))));
    return { sellers: sellers.length };
  },
);

/** What one seller is told about their part of a confirmed order (read with the order). */
export interface SellerOrderNotice {
  sellerId: string;
  sellerUserId: string;
  shipmentId: string;
  contactEmail: string;
  units: number;
  email: NewOrderProps;
}

/** Confirms the order to its buyer; returns what each seller (a shipment each, oldest first) is to be told. */
export async function confirmOrderToBuyer(db: PrismaClient, orderId: string): Promise<{ sellers: SellerOrderNotice[] }> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      buyer: { select: { id: true, email: true, name: true } },
      promoCode: { select: { code: true } },
      items: { orderBy: { id: "asc" }, include: { seller: { select: { shopName: true } } } },
      shipments: {
        orderBy: { createdAt: "asc" },
        include: {
          seller: { select: { userId: true, shopName: true, contactEmail: true } },
          items: { orderBy: { id: "asc" }, select: { name: true, quantity: true, subtotalCents: true } },
        },
      },
    },
  });
  const dedupeKey = `order-confirmation:${order.id}`;
  const shipTo = addressLines(order.shippingAddress);
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
      shipTo,
    },
    dedupeKey,
    // A guest has no account to notify in; their email carries the order's signed link instead.
    notification: order.buyer
      ? {
          userId: order.buyer.id,
          type: "ORDER_CONFIRMED",
          title: `Order #${order.number} is confirmed`,
          body: `We received your payment. ${order.items.length === 1 ? "Your item" : `Your ${order.items.length} items`} will ship soon.`,
          link: paths.order(order.id),
          dedupeKey,
        }
      : undefined,
  });
  const sellers = order.shipments.map((shipment) => ({
    sellerId: shipment.sellerId,
    sellerUserId: shipment.seller.userId,
    shipmentId: shipment.id,
    contactEmail: shipment.seller.contactEmail,
    units: shipment.items.reduce((sum, item) => sum + item.quantity, 0),
    email: {
      shopName: shipment.seller.shopName,
      orderNumber: order.number,
      shipmentUrl: urls.sellerShipment(shipment.id),
      currency: order.currency,
      lines: shipment.items.map((item) => ({ name: item.name, quantity: item.quantity, amountCents: item.subtotalCents })),
      totals: [
        ...discountLines({ ...shipment, tierName: order.tierName }).map((line) => ({ label: sellerDiscountLabel(line), cents: line.cents })),
        { label: "Shipping", cents: shipment.shippingCents },
        ...(shipment.taxCents ? [{ label: "Tax", cents: shipment.taxCents }] : []),
        { label: "Order total", cents: shipment.totalCents },
      ],
      shipTo,
    },
  }));
  return { sellers };
}

/** Tells a seller about their part of a confirmed order, in the console and by email. */
export async function tellSellerAboutOrder(db: PrismaClient, notice: SellerOrderNotice) {
  const dedupeKey = `new-order:${notice.shipmentId}`;
  await sendEmail(db, {
    to: notice.contactEmail,
    template: "new-order",
    props: notice.email,
    dedupeKey,
    notification: {
      userId: notice.sellerUserId,
      type: "NEW_ORDER",
      title: `New order #${notice.email.orderNumber}`,
      body: `${notice.units} ${notice.units === 1 ? "item" : "items"} to pack and ship.`,
      link: paths.sellerShipment(notice.shipmentId),
      dedupeKey,
    },
  });
}
