import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { paths, urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { formatMoney } from "../../money";
import { customerEmail, customerOrderUrl } from "../../orders/order-access";
import { notify } from "../../notifications";

/**
 * `return/updated` -> each step of a return reaches the other side: a request and a parcel sent
 * reach the seller; an approval (with the instructions), a rejection and a receipt reach the buyer.
 * The refund's own mail comes from refund-issued.ts.
 */
export const returnUpdated = inngest.createFunction(
  { id: "return-updated-notify", name: "Tell the buyer or seller about a return step", triggers: [bazaarEvent("return/updated")] },
  async ({ event, step, db }) => step.run("tell", () => tellAboutReturnStep(db, event.data.returnId, event.data.status)),
);

export async function tellAboutReturnStep(db: PrismaClient, returnId: string, status: string) {
  const request = await db.returnRequest.findUniqueOrThrow({
    where: { id: returnId },
    include: {
      items: { include: { orderItem: { select: { name: true } } } },
      order: { select: { id: true, number: true, currency: true, buyerId: true, guestEmail: true, buyer: { select: { id: true, email: true, name: true } } } },
      seller: { select: { userId: true, shopName: true, contactEmail: true } },
      refund: { select: { amountCents: true, currency: true } },
    },
  });
  const lines = request.items.map((i) => `${i.quantity} × ${i.orderItem.name}`);
  const dedupeKey = `return:${request.id}:${status}`;
  const label = `Return #${request.number} (order #${request.order.number})`;
  if (status === "REQUESTED" || status === "SENT" || status === "CANCELLED") {
    const title =
      status === "REQUESTED"
        ? `${label}: the buyer asks to return items`
        : status === "SENT"
          ? `${label} is on its way back`
          : `${label} was withdrawn by the buyer`;
    const body =
      status === "REQUESTED"
        ? `Reason: ${request.reason}. Approve it with return instructions, or reject it with a reason.`
        : status === "SENT"
          ? `Sent with ${request.carrier ?? "a carrier"} (${request.trackingNumber ?? "no tracking"}). Mark it received when it arrives.`
          : "Nothing to do.";
    await notify(db, { userId: request.seller.userId, type: "RETURN_UPDATE", title, body, link: paths.sellerReturns(), dedupeKey });
    await sendEmail(db, {
      to: request.seller.contactEmail,
      template: "notice",
      props: { subject: title, heading: title, paragraphs: [body], lines, action: { label: "Open your returns", url: urls.sellerReturns() } },
      dedupeKey,
    });
    return { told: "seller" };
  }
  const buyerName = request.order.buyer?.name ?? "there";
  const paragraphs =
    status === "APPROVED"
      ? [
          `Hi ${buyerName}, ${request.seller.shopName} accepted your return. How to send it back:`,
          request.instructions ?? "",
          "Once it is on its way, add the tracking number on your order page.",
        ]
      : status === "REJECTED"
        ? [
            `Hi ${buyerName}, ${request.seller.shopName} did not accept your return: ${request.rejectionReason ?? "no reason given"}.`,
            "If you disagree, reply to this email and Bazaar support will look at it.",
          ]
        : [
            `Hi ${buyerName}, ${request.seller.shopName} received your return${request.refund ? ` and refunded ${formatMoney(request.refund.amountCents, request.refund.currency)}` : ""}.`,
          ];
  const subject = status === "APPROVED" ? `${label} is approved` : status === "REJECTED" ? `${label} was not accepted` : `${label} was received`;
  if (request.order.buyer) {
    await notify(db, {
      userId: request.order.buyer.id,
      type: "RETURN_UPDATE",
      title: subject,
      body: paragraphs.join(" "),
      link: paths.order(request.order.id),
      dedupeKey,
    });
  }
  await sendEmail(db, {
    to: customerEmail(request.order),
    template: "notice",
    props: { subject, heading: subject, paragraphs, lines, action: { label: "See your order", url: customerOrderUrl(request.order) } },
    dedupeKey,
  });
  return { told: "buyer" };
}
