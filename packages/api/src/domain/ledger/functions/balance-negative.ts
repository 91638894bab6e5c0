import { bazaarEvent, inngest } from "../../../events/client";
import { urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { formatMoney } from "../../money";

/**
 * `seller/balance-negative` -> the seller gets a mail that a refund or dispute after a payout took
 * their balance below zero, by how much, and what happens next (the in-app notice is written with
 * the ledger movement). Once per movement and seller.
 */
export const balanceNegative = inngest.createFunction(
  { id: "balance-negative-notify", name: "Tell the seller their balance is below zero", triggers: [bazaarEvent("seller/balance-negative")] },
  async ({ event, step, db }) =>
    step.run("tell-seller", async () => {
      const seller = await db.seller.findUniqueOrThrow({ where: { id: event.data.sellerId }, select: { shopName: true, contactEmail: true } });
      const balance = formatMoney(event.data.balanceCents, event.data.currency);
      await sendEmail(db, {
        to: seller.contactEmail,
        template: "notice",
        props: {
          subject: `Your Bazaar balance is ${balance}`,
          heading: `${seller.shopName} owes Bazaar ${formatMoney(-event.data.balanceCents, event.data.currency)}`,
          paragraphs: [
            `${event.data.cause} was taken from money already paid out to you, so your balance is now ${balance}.`,
            "Your next sales pay this back first, as their payout holds end. Payouts resume once your balance is above zero. Nothing is charged to your bank.",
          ],
          action: { label: "See your money page", url: urls.sellerMoney() },
        },
        dedupeKey: `balance-negative:${event.data.transactionId}:${event.data.sellerId}`,
      });
    }),
);
