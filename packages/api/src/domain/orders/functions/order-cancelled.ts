import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { paths } from "../../../mail/links";
import { customerEmail, customerOrderUrl } from "../order-access";
import { sendEmail } from "../../../mail/send-email";
import { notify } from "../../notifications";

/**
 * `order/cancelled` -> the buyer is told why (their own cancellation, a failed payment, the payment
 * time running out, a refund of everything); the sellers of a paid order hear their part is off.
 * A refund's amount has its own mail (refund-issued.ts).
 */
export const orderCancelled = inngest.createFunction(
  { id: "order-cancelled-notify", name: "Tell the buyer and sellers about a cancelled order", triggers: [bazaarEvent("order/cancelled")] },
  async ({ event, step, db }) => {
    await step.run("tell-buyer", () => tellBuyerAboutCancellation(db, event.data.orderId, event.data.reason));
    await step.run("tell-sellers", () => tellSellersAboutCancellation(db, event.data.orderId));
  },
);

export async function tellBuyerAboutCancellation(db: PrismaClient, orderId: string, reason: string | null) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { buyer: { select: { id: true, email: true, name: true } } } });
  const dedupeKey = `order-cancelled:${order.id}`;
  if (order.buyer) {
    await notify(db, {
      userId: order.buyer.id,
      type: "ORDER_CANCELLED",
      title: `Order #${order.number} was cancelled`,
      body: reason ?? "",
      link: paths.order(order.id),
      dedupeKey,
    });
  }
  await sendEmail(db, {
    to: customerEmail(order),
    template: "notice",
    props: {
      subject: `Order #${order.number} was cancelled`,
      heading: `Order #${order.number} was cancelled`,
      paragraphs: [
        `Hi ${order.buyer?.name ?? "there"}, your order #${order.number} was cancelled${reason ? `: ${reason}` : "."}`,
        order.paidAt ? "Anything you paid is refunded to your card; you get a separate email with the amount." : "You were not charged.",
      ],
      action: { label: "See your order", url: customerOrderUrl(order) },
    },
    dedupeKey,
  });
}

export async function tellSellersAboutCancellation(db: PrismaClient, orderId: string) {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { number: true, paidAt: true, shipments: { select: { id: true, seller: { select: { userId: true } } } } },
  });
  // Sellers never saw an unpaid order.
  if (!order.paidAt) return;
  for (const shipment of order.shipments) {
    await notify(db, {
      userId: shipment.seller.userId,
      type: "ORDER_CANCELLED",
      title: `Order #${order.number} was cancelled`,
      body: "Do not ship it; anything left of it was refunded to the buyer.",
      link: paths.sellerShipment(shipment.id),
      dedupeKey: `order-cancelled:${shipment.id}`,
    });
  }
}
