import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";

/** `seller/approved` and `seller/rejected` -> the applicant hears the decision (and the reason) by mail, once. */
export const sellerDecision = inngest.createFunction(
  {
    id: "seller-decision-notify",
    name: "Tell an applicant about the decision on their shop",
    triggers: [bazaarEvent("seller/approved"), bazaarEvent("seller/rejected")],
  },
  async ({ event, step, db }) =>
    step.run("tell-seller", () => tellSellerAboutDecision(db, event.data.sellerId, event.name === "seller/approved" ? "approved" : "rejected")),
);

export async function tellSellerAboutDecision(db: PrismaClient, sellerId: string, decision: "approved" | "rejected") {
  const seller = await db.seller.findUniqueOrThrow({ where: { id: sellerId }, select: { shopName: true, contactEmail: true, statusReason: true } });
  const approved = decision === "approved";
  await sendEmail(db, {
    to: seller.contactEmail,
    template: "notice",
    props: {
      subject: approved ? `${seller.shopName} is approved: welcome to Bazaar` : `Your application for ${seller.shopName} was not approved`,
      heading: approved ? `${seller.shopName} is live` : "Your application was not approved",
      paragraphs: approved
        ? ["Your shop is approved. Add products and stock from the seller console; buyers see them as soon as they are active."]
        : [`Reason: ${seller.statusReason ?? "not given"}.`, "You can reply to this email to ask about it."],
      action: { label: "Open the seller console", url: urls.seller() },
    },
    dedupeKey: `seller-${decision}:${sellerId}`,
  });
}
