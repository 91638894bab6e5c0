import { inngest } from "../../../events/client";
import { releaseDueFunds } from "../payout-holds";

/**
 * Every 15 minutes: sales whose payout hold has ended (days after delivery, or after shipping when
 * never marked delivered; platform settings) move from the sellers' pending funds to their
 * payables. Each release is keyed by its shipment, so an overlapping or replayed run releases nothing twice.
 */
export const releaseHeldFunds = inngest.createFunction(
  { id: "release-held-funds", name: "Release sellers' funds whose payout hold ended", triggers: [{ cron: "*/15 * * * *" }] },
  async ({ event, step, db }) => {
    const now = new Date(event.ts ?? Date.now());
    return { released: await step.run("release-due-funds", () => releaseDueFunds(db, now)) };
  },
);
