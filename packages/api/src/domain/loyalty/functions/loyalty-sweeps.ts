import { inngest } from "../../../events/client";
import { recomputeAllTiers } from "../member";
import { expireInactivePoints, releaseDuePoints } from "../points";

/**
 * Every hour: points whose shop's return window has passed become available. Each lot is released
 * once (a guarded update), so an overlapping or replayed run releases nothing twice.
 */
export const releaseEarnedPoints = inngest.createFunction(
  { id: "loyalty-release-points", name: "Make earned points available after the return window", triggers: [{ cron: "5 * * * *" }] },
  async ({ event, step, db }) => {
    const now = new Date(event.ts ?? Date.now());
    return { released: await step.run("release-due-points", () => releaseDuePoints(db, now)) };
  },
);

/**
 * Every night: tiers follow the last 12 months (a purchase a year old stops counting, so tiers
 * can drop), and the points of members inactive for the expiry period expire.
 */
export const loyaltyNightly = inngest.createFunction(
  { id: "loyalty-nightly", name: "Recompute tiers and expire inactive points", triggers: [{ cron: "30 3 * * *" }] },
  async ({ event, step, db }) => {
    const now = new Date(event.ts ?? Date.now());
    const tiers = await step.run("recompute-tiers", () => recomputeAllTiers(db, now));
    const expired = await step.run("expire-points", () => expireInactivePoints(db, now));
    return { ...tiers, expired };
  },
);
