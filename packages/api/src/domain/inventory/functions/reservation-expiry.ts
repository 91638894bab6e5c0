import { inngest } from "../../../events/client";
import { expireUnpaidOrders } from "../../orders/expire-unpaid-orders";
import { releaseExpiredCartReservations } from "../order-reservations";

/**
 * Every minute: cart holds (SOFT) past their expiry go back to stock, and orders whose payment
 * never came are cancelled with their HARD holds released. Both sweeps are idempotent, so a
 * retried or overlapping run changes nothing twice.
 */
export const reservationExpiry = inngest.createFunction(
  { id: "reservation-expiry", name: "Release expired reservations", triggers: [{ cron: "* * * * *" }] },
  async ({ event, step, db }) => {
    // The schedule's own time, so a replay of this run sweeps with the same clock.
    const now = new Date(event.ts ?? Date.now());
    const cartReservations = await step.run("release-expired-cart-holds", () => releaseExpiredCartReservations(db, now));
    const unpaidOrders = await step.run("expire-unpaid-orders", () => expireUnpaidOrders(db, now));
    return { cartReservations, unpaidOrders };
  },
);
