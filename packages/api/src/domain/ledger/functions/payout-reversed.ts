import { bazaarEvent, inngest } from "../../../events/client";
import { urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { formatMoney } from "../../money";

/** `payout/reversed` -> the seller gets a mail that the money came back to their balance and why (the in-app notice is written with the reversal). */
export const payoutReversed = inngest.createFunction(
  { id: "payout-reversed-notify", name: "Tell the seller a payout came back", triggers: [bazaarEvent("payout/reversed")] },
  async ({ event, step, db }) =>
    step.run("tell-seller", async () => {
      const payout = await db.payout.findUniqueOrThrow({
        where: { id: event.data.payoutId },
        include: { seller: { select: { shopName: true, contactEmail: true } } },
      });
      const amount = formatMoney(payout.amountCents, payout.currency);
      await sendEmail(db, {
        to: payout.seller.contactEmail,
        template: "notice",
        props: {
          subject: `Your payout of ${amount} came back`,
          heading: `Your payout of ${amount} came back`,
          paragraphs: [
            `${payout.seller.shopName}: ${payout.failureReason ?? "The payout was returned."}`,
            "The amount is back in your available balance. Check your bank details in Stripe, then request the payout again.",
          ],
          action: { label: "See your money page", url: urls.sellerMoney() },
        },
        dedupeKey: `payout-reversed:${payout.id}`,
      });
    }),
);
