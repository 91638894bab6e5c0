import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { paths } from "../../../mail/links";
import { customerEmail, customerOrderUrl } from "../order-access";
import { sendEmail } from "../../../mail/send-email";
import { formatMoney } from "../../money";
import { notify } from "../../notifications";

/** `payment/refunded` -> the buyer hears how much comes back and for which items (mail + in-app), once per refund. */
export const refundIssued = inngest.createFunction(
  { id: "refund-issued-notify", name: "Tell the buyer about a refund", triggers: [bazaarEvent("payment/refunded")] },
  async ({ event, step, db }) => step.run("tell-buyer", () => tellBuyerAboutRefund(db, event.data.refundId)),
);

export async function tellBuyerAboutRefund(db: PrismaClient, refundId: string) {
  const refund = await db.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: {
      items: { include: { orderItem: { select: { name: true, variantTitle: true } } } },
      payment: {
        select: { order: { select: { id: true, number: true, buyerId: true, guestEmail: true, buyer: { select: { id: true, email: true, name: true } } } } },
      },
    },
  });
  const { order } = refund.payment;
  const amount = formatMoney(refund.amountCents, refund.currency);
  const lines = refund.items.map((i) => `${i.quantity} × ${i.orderItem.name}${i.orderItem.variantTitle ? ` (${i.orderItem.variantTitle})` : ""}`);
  const dedupeKey = `refund:${refund.id}`;
  if (order.buyer) {
    await notify(db, {
      userId: order.buyer.id,
      type: "REFUND_ISSUED",
      title: `${amount} refunded on order #${order.number}`,
      body: lines.length > 0 ? `For ${lines.join(", ")}.` : (refund.reason ?? ""),
      link: paths.order(order.id),
      dedupeKey,
    });
  }
  await sendEmail(db, {
    to: customerEmail(order),
    template: "notice",
    props: {
      subject: `Refund of ${amount} on order #${order.number}`,
      heading: `${amount} is on its way back to you`,
      paragraphs: [
        `Hi ${order.buyer?.name ?? "there"}, we refunded ${amount} on order #${order.number} to the card you paid with. It usually shows on your statement within 5 to 10 business days.`,
        ...(refund.reason ? [`Reason: ${refund.reason}`] : []),
        ...(lines.length > 0 ? ["The refund is for:"] : []),
      ],
      lines,
      action: { label: "See your order", url: customerOrderUrl(order) },
    },
    dedupeKey,
  });
}
