import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../../events/drain";
import { enqueueCronRuns } from "../../events/schedule";
import { createAdmin, createBuyer, createProduct, createSeller } from "../../testing/factories";
import { payWithCard, placeOrder, useDatabaseForHandlers } from "../../testing/payments";

// The alert rules run the way production runs them: the worker's minute tick starts the
// system-alerts cron function, which the in-process relay executes (drainOutbox with an injected clock).

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

const MINUTE = 60_000;

/** The minute tick at `at`: cron runs enqueued and all due work run, then the rules once they have let the minute's figures land. */
async function tick(at: Date) {
  await enqueueCronRuns(t.db, { now: at });
  await drainOutbox(t.db, { now: at });
  await drainOutbox(t.db, { now: new Date(at.getTime() + 10_000) });
}

async function orders(productId: string, paid: number, declined: number) {
  for (let i = 0; i < paid + declined; i++) {
    const buyer = await createBuyer(t.db);
    const placed = await placeOrder(t.db, buyer.id, [{ productId, quantity: 1 }]);
    await payWithCard(t.db, placed, i < declined ? "4000 0000 0000 0002" : "4242 4242 4242 4242");
  }
}

const alertMails = (alertId: string, change: "opened" | "resolved") =>
  t.db.email.findMany({ where: { template: "system-alert", dedupeKey: { startsWith: `system-alert:${alertId}:${change}:` } } });

describe("system alerts", () => {
  // 40 orders through checkout, the simulator and the webhook: a minute or more on a busy machine.
  it(
    "open when declined cards push the order failure rate over 0.5%, mail the admins once, and resolve when the rate falls",
    { timeout: 240_000 },
    async () => {
      const admin = await createAdmin(t.db);
      const shop = await createSeller(t.db);
      const { product } = await createProduct(t.db, shop.seller.id, { stock: 100, priceCents: 1200 });

      // 20 orders, 2 paid with the simulator's declined card: 10% failed.
      await orders(product.id, 18, 2);
      const next = new Date(Math.ceil((Date.now() + 1) / MINUTE) * MINUTE);
      await tick(next);

      const open = await t.db.systemAlert.findMany({ where: { status: "OPEN" }, orderBy: { rule: "asc" } });
      expect(open.map((a) => a.rule)).toEqual(["order-failure-rate", "payment-success-rate"]);
      const failure = open.find((a) => a.rule === "order-failure-rate")!;
      expect(failure.value).toBeCloseTo(0.1);
      expect(failure.message).toBe("Order failure rate is 10.0% (threshold: at most 0.50%).");
      const opened = await alertMails(failure.id, "opened");
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatchObject({ to: admin.email, subject: "[Bazaar alert] Order failure rate: 10.0%" });

      // A minute later it is still failing: the same incident, no second mail.
      await tick(new Date(next.getTime() + MINUTE));
      expect(await t.db.systemAlert.count({ where: { rule: "order-failure-rate" } })).toBe(1);
      expect(await alertMails(failure.id, "opened")).toHaveLength(1);

      // The failing orders leave the window (their clock moved back 15 minutes) and 20 good ones come in.
      const earlier = (column: string) => `UPDATE "${column.split(".")[0]}" SET "${column.split(".")[1]}" = "${column.split(".")[1]}" - interval '15 minutes'`;
      for (const column of ["Order.createdAt", "Payment.createdAt", "Payment.capturedAt", "Payment.failedAt", "OrderStatusHistory.createdAt"])
        await t.db.$executeRawUnsafe(earlier(column));
      await orders(product.id, 20, 0);
      const later = new Date(Math.ceil((Date.now() + 1) / MINUTE) * MINUTE + 2 * MINUTE);
      await tick(later);

      const resolved = await t.db.systemAlert.findUniqueOrThrow({ where: { id: failure.id } });
      expect(resolved).toMatchObject({ status: "RESOLVED", openRule: null, lastValue: 0, peakValue: expect.closeTo(0.1) as number });
      expect(resolved.resolvedAt).toEqual(later);
      expect(await t.db.systemAlert.count({ where: { status: "OPEN" } })).toBe(0);
      const resolvedMails = await alertMails(failure.id, "resolved");
      expect(resolvedMails).toHaveLength(1);
      expect(resolvedMails[0]?.subject).toBe("[Bazaar resolved] Order failure rate is back to normal");
      expect(await alertMails(failure.id, "opened")).toHaveLength(1);

      // Quiet again: nothing opens, nothing more is mailed.
      await tick(new Date(later.getTime() + MINUTE));
      expect(await t.db.email.count({ where: { template: "system-alert" } })).toBe(4);
    },
  );
});
