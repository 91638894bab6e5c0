import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { paths, urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { notify } from "../../notifications";
import { formatMoney } from "../../money";
import { processPayout } from "../payouts";

/**
 * `payout/requested` -> the transfer (Stripe when configured, the simulator otherwise). The
 * request already moved the money to the seller's payouts account; `processPayout` sends it, or
 * gives it back to the payable account when the transfer is refused. Network failures throw and
 * the step retries: the transfer's idempotency key (the payout's) makes a retry safe at Stripe.
 */
export const payoutTransfer = inngest.createFunction(
  { id: "payout-transfer", name: "Transfer a requested payout", triggers: [bazaarEvent("payout/requested")] },
  async ({ event, step, db }) => {
    const payout = await step.run("transfer", async () => {
      const { id, status, failureReason, waitingReason } = await processPayout(db, event.data.payoutId);
      return { id, status, failureReason, waitingReason };
    });
    if (payout.status === "PAID" || payout.status === "FAILED" || payout.waitingReason) {
      await step.run("tell-seller", () => tellSellerAboutPayout(db, payout.id));
    }
    return payout;
  },
);

export async function tellSellerAboutPayout(db: PrismaClient, payoutId: string) {
  const payout = await db.payout.findUniqueOrThrow({
    where: { id: payoutId },
    include: { seller: { select: { userId: true, shopName: true, contactEmail: true } } },
  });
  const amount = formatMoney(payout.amountCents, payout.currency);
  const dedupeKey = `payout:${payout.id}:${payout.status}`;
  if (payout.status === "REQUESTED" && payout.waitingReason) {
    await notify(db, {
      userId: payout.seller.userId,
      type: "PAYOUT_WAITING",
      title: `Payout of ${amount} is waiting`,
      body: payout.waitingReason,
      link: paths.sellerPayouts(),
      dedupeKey: `${dedupeKey}:waiting`,
    });
    return;
  }
  if (payout.status === "FAILED") {
    await notify(db, {
      userId: payout.seller.userId,
      type: "PAYOUT_FAILED",
      title: `Payout of ${amount} failed`,
      body: `${payout.failureReason ?? "The transfer was refused."} The amount is back in your balance.`,
      link: paths.sellerPayouts(),
      dedupeKey,
    });
    return;
  }
  if (payout.status !== "PAID" || !payout.providerTransferId) return;
  await notify(db, {
    userId: payout.seller.userId,
    type: "PAYOUT_PAID",
    title: `Payout of ${amount} sent`,
    body: `Transfer ${payout.providerTransferId}.`,
    link: paths.sellerPayouts(),
    dedupeKey,
  });
  await sendEmail(db, {
    to: payout.seller.contactEmail,
    template: "payout-paid",
    props: {
      shopName: payout.seller.shopName,
      amountCents: payout.amountCents,
      currency: payout.currency,
      transferId: payout.providerTransferId,
      payoutsUrl: urls.sellerPayouts(),
    },
    dedupeKey,
  });
}
