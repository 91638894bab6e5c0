import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { paths, urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { formatMoney } from "../../money";
import { notify } from "../../notifications";

/**
 * `dispute/opened` and `dispute/closed` -> the sellers of the order (their share held, then
 * released or lost) and every administrator (who answers the bank with evidence before the due
 * date) are told, by mail and in-app, once per dispute and step.
 */
export const disputeNotice = inngest.createFunction(
  {
    id: "dispute-notice",
    name: "Tell sellers and administrators about a dispute",
    triggers: [bazaarEvent("dispute/opened"), bazaarEvent("dispute/closed")],
  },
  async ({ event, step, db }) =>
    step.run("tell", () => tellAboutDispute(db, event.data.disputeId, "status" in event.data ? (event.data.status === "WON" ? "WON" : "LOST") : "OPEN")),
);

/** `status` is the step the event announced (the dispute may have moved on by the time this runs). */
export async function tellAboutDispute(db: PrismaClient, disputeId: string, status: "OPEN" | "WON" | "LOST") {
  const dispute = await db.dispute.findUniqueOrThrow({
    where: { id: disputeId },
    include: {
      order: {
        select: { id: true, number: true, shipments: { select: { id: true, seller: { select: { userId: true, contactEmail: true, shopName: true } } } } },
      },
    },
  });
  const amount = formatMoney(dispute.amountCents, dispute.currency);
  const due = dispute.evidenceDueBy ? dispute.evidenceDueBy.toISOString().slice(0, 10) : null;
  const step = status === "OPEN" ? "opened" : status.toLowerCase();
  const subject =
    status === "OPEN"
      ? `Order #${dispute.order.number}: the buyer's bank disputed ${amount}`
      : status === "WON"
        ? `Order #${dispute.order.number}: the dispute was won`
        : `Order #${dispute.order.number}: the dispute was lost`;
  const forSeller =
    status === "OPEN"
      ? `Your share of the disputed amount is held from your balance until the bank decides${due ? ` (evidence is due ${due})` : ""}. Reason given: ${dispute.reason.replaceAll("_", " ")}.`
      : status === "WON"
        ? "Your share is back in your balance."
        : `Your share went back to the buyer${dispute.feeCents > 0 ? `, and the processor's fee of ${formatMoney(dispute.feeCents, dispute.currency)} was charged per Bazaar's terms` : ""}.`;
  for (const shipment of dispute.order.shipments) {
    const dedupeKey = `dispute:${dispute.id}:${step}:${shipment.id}`;
    await notify(db, {
      userId: shipment.seller.userId,
      type: status === "OPEN" ? "DISPUTE_OPENED" : "DISPUTE_CLOSED",
      title: subject,
      body: forSeller,
      link: paths.sellerMoney(),
      dedupeKey,
    });
    await sendEmail(db, {
      to: shipment.seller.contactEmail,
      template: "notice",
      props: {
        subject,
        heading: subject,
        paragraphs: [`${shipment.seller.shopName}: ${forSeller}`],
        action: { label: "See your money page", url: urls.sellerMoney() },
      },
      dedupeKey,
    });
  }
  const admins = await db.user.findMany({ where: { role: "ADMIN", status: "ACTIVE" }, select: { id: true, email: true }, orderBy: { id: "asc" } });
  const forAdmin =
    status === "OPEN"
      ? `${amount} is disputed (${dispute.reason.replaceAll("_", " ")}). Answer with evidence${due ? ` by ${due}` : ""} from the disputes page.`
      : `The dispute on ${amount} closed as ${status.toLowerCase()}.`;
  for (const admin of admins) {
    await sendEmail(db, {
      to: admin.email,
      template: "notice",
      props: { subject, heading: subject, paragraphs: [forAdmin], action: { label: "Open disputes", url: urls.adminDisputes() } },
      dedupeKey: `dispute:${dispute.id}:${step}:admin:${admin.id}`,
    });
  }
  return { sellers: dispute.order.shipments.length, admins: admins.length };
}
