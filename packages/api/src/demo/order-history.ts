// Ninety days of a marketplace's life for the demo: buyers and guests order from one or several
// shops, pay (or are declined), sellers ship, carriers deliver, buyers review, return and dispute,
// admins refund and sellers are paid out every week. Every step goes through the same procedures
// a person's click does (tRPC callers, the simulator's signed events into the webhook route, the
// outbox's functions), so the ledger, stock and emails are exactly what the app itself makes of
// it; the time machine then moves each step onto its day.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@bazaar/db";
import { createRandom, type Random } from "@bazaar/db/seed";
import { loadActor } from "../trpc";
// The same in-process callers and webhook delivery the integration tests use.
import { callerFor } from "../testing";
import { deliverToWebhookRoute } from "../testing/payments";
import { drainOutbox } from "../events/drain";
import { markShipmentDelivered } from "../domain/fulfillment/shipments";
import { releaseDueFunds } from "../domain/ledger/payout-holds";
import { expireUnpaidOrders } from "../domain/orders/expire-unpaid-orders";
import { requestReturn } from "../domain/returns/returns";
import { confirmSimulatedPayment, simulateDisputeEvidence } from "../domain/payments/simulator";
import type { CheckoutResult } from "../domain/checkout";
import { createTimeMachine, type TimeMachine } from "./time-travel";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface OrderHistoryOptions {
  /** The history ends just before this (default: now). */
  now?: Date;
  days?: number;
  seed?: number;
}

export interface OrderHistoryResult {
  orders: number;
  byStatus: Record<string, number>;
  refunds: number;
  returns: number;
  disputes: number;
  reviews: number;
  payouts: number;
  abandonedCarts: number;
}

const CARDS = { ok: "4242 4242 4242 4242", declined: "4000 0000 0000 0002", disputed: "4000 0000 0000 0259" };

const CUSTOMERS = [
  { name: "Harper Quinn", email: "harper@bazaar.test" },
  { name: "Mateo Silva", email: "mateo@bazaar.test" },
  { name: "Zoe Bennett", email: "zoe@bazaar.test" },
  { name: "Omar Haddad", email: "omar@bazaar.test" },
  { name: "Lena Novak", email: "lena@bazaar.test" },
  { name: "Theo Grant", email: "theo@bazaar.test" },
];
const GUEST_NAMES = ["Robin Ellis", "Jamie Fox", "Quinn Adler", "Sky Moreno", "Drew Patel", "Avery Kim", "Rowan Blake", "Emery Stone"];
const ADDRESSES = [
  { line1: "12 Harbor Street", city: "Portland", region: "OR", postalCode: "97205" },
  { line1: "480 Maple Avenue", city: "Madison", region: "WI", postalCode: "53703" },
  { line1: "77 Grove Lane", city: "Austin", region: "TX", postalCode: "78701" },
  { line1: "9 Beacon Court", city: "Boston", region: "MA", postalCode: "02108" },
  { line1: "305 Pine Road", city: "Denver", region: "CO", postalCode: "80202" },
];
const REVIEWS: Record<number, { title: string; body: string }[]> = {
  5: [
    { title: "Exactly as described", body: "Arrived quickly and well packed. Does exactly what I hoped." },
    { title: "Love it", body: "Great quality for the price. I have already recommended the shop to friends." },
    { title: "Would buy again", body: "Second time ordering from this seller and just as happy." },
  ],
  4: [
    { title: "Very good", body: "Solid and well made. Shipping took a day longer than expected." },
    { title: "Happy with it", body: "Does the job nicely; the colour is a little darker than the photos." },
  ],
  3: [{ title: "It's fine", body: "Works, but feels cheaper than I expected for the price." }],
  2: [{ title: "Not for me", body: "The fit was off and the finish scratches easily." }],
};
const RETURN_REASONS = ["Wrong size", "Not as pictured", "Changed my mind", "Arrived scratched"];

interface Step {
  at: number;
  run: (at: Date) => Promise<void>;
}

/** The steps still to run, earliest first (a step may add later ones as it runs). */
class Timeline {
  private steps: Step[] = [];
  add(at: number, run: Step["run"]) {
    const index = this.steps.findIndex((s) => s.at > at);
    this.steps.splice(index === -1 ? this.steps.length : index, 0, { at, run });
  }
  next(): Step | undefined {
    return this.steps.shift();
  }
}

/**
 * Adds the history to a freshly seeded demo database. Does nothing (returns null) when the
 * database already has orders, so a restart never doubles it.
 */
export async function seedOrderHistory(db: PrismaClient, options: OrderHistoryOptions = {}): Promise<OrderHistoryResult | null> {
  if ((await db.order.count()) > 0) return null;
  const now = (options.now ?? new Date()).getTime();
  const days = options.days ?? 90;
  const rand = createRandom(options.seed ?? 90);
  const machine = await createTimeMachine(db);
  const timeline = new Timeline();
  /** A step at `at`, then whatever background work it started (emails, payouts, fund releases), as the worker would run it. */
  const step = <T>(at: Date, work: () => Promise<T>) =>
    machine.at(at, async () => {
      const done = await work();
      await drainOutbox(db);
      return done;
    });
  const result: OrderHistoryResult = { orders: 0, byStatus: {}, refunds: 0, returns: 0, disputes: 0, reviews: 0, payouts: 0, abandonedCarts: 0 };

  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true } });
  const sellers = await db.seller.findMany({ where: { status: "APPROVED" }, select: { id: true, userId: true } });
  const buyers = await customers(db, machine, new Date(now - (days + 5) * DAY));

  // Orders: one to four a day, a little busier at weekends and over the last month.
  for (let day = days; day >= 1; day--) {
    const dayStart = now - day * DAY;
    const weekend = [0, 6].includes(new Date(dayStart).getUTCDay());
    const count = rand.int(1, 2) + (weekend ? 1 : 0) + (day < 30 ? rand.int(0, 1) : 0);
    for (let i = 0; i < count; i++) {
      const at = dayStart + 8 * HOUR + rand.int(0, 13 * 60) * MINUTE;
      timeline.add(at, (when) => placeOne(when));
    }
    // Visitors who fill a cart and leave (they count against conversion on the dashboard).
    for (let i = rand.int(0, 3); i > 0; i--) timeline.add(dayStart + rand.int(7 * 60, 23 * 60) * MINUTE, (when) => leaveCart(when));
  }
  // Sellers are paid out every Monday (of whatever is past its hold).
  for (let at = now - days * DAY + 7 * DAY; at < now; at += 7 * DAY) timeline.add(at, (when) => payOut(when));

  async function placeOne(when: Date) {
    const guest = rand.next() < 0.25;
    const buyer = guest ? null : rand.pick(buyers);
    const guestToken = guest ? randomBytes(24).toString("base64url") : null;
    const api = await callerFor(db, buyer?.id ?? null, { guestCartToken: guestToken ?? undefined });
    const lines = await pickLines(db, rand, when);
    if (lines.length === 0) return;
    const roll = rand.next();
    await step(when, async () => {
      for (const line of lines) await api.cart.add(line);
    });
    const name = guest ? rand.pick(GUEST_NAMES) : null;
    const placed = await step(new Date(when.getTime() + rand.int(2, 9) * MINUTE), async () => {
      const order = await api.checkout.start({
        idempotencyKey: `demo-${randomBytes(8).toString("hex")}`,
        email: guest ? `${name!.toLowerCase().replace(" ", ".")}@example.com` : undefined,
        shippingAddress: { ...rand.pick(ADDRESSES), fullName: name ?? buyer?.name ?? "Demo Buyer", country: "US" },
      });
      result.orders++;
      return order;
    });
    let paidAt = placed.totalCents > 0 ? new Date(when.getTime() + rand.int(10, 14) * MINUTE) : when;
    const cancel = (reason: string) => () => api.orders.cancel({ orderId: placed.orderId, token: placed.accessToken ?? undefined, reason });
    if (roll < 0.05) {
      // Declined: the order waits for another card; most buyers try one, the rest let it expire.
      await pay(paidAt, placed, CARDS.declined);
      if (rand.next() < 0.5) {
        const dueAt = (await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).paymentDueAt!;
        return void (await step(new Date(dueAt.getTime() + MINUTE), () => expireUnpaidOrders(db, new Date(dueAt.getTime() + MINUTE))));
      }
      paidAt = new Date(paidAt.getTime() + rand.int(1, 3) * MINUTE);
    }
    // Left unpaid and cancelled by the buyer.
    if (roll < 0.07) return void (await step(paidAt, cancel("Ordered by mistake")));
    const disputed = roll < 0.1;
    await pay(paidAt, placed, disputed ? CARDS.disputed : CARDS.ok);
    if (disputed) {
      result.disputes++;
      timeline.add(paidAt.getTime() + rand.int(10, 16) * DAY, (at) => closeDispute(at, placed.orderId));
    }
    // A few are cancelled after payment, before they ship (not a disputed one: the bank holds that money).
    if (rand.next() < 0.04 && !disputed) {
      timeline.add(paidAt.getTime() + rand.int(1, 5) * HOUR, async (at) => void (await step(at, cancel("Found it cheaper elsewhere"))));
      return;
    }
    const shipments = await db.shipment.findMany({ where: { orderId: placed.orderId }, select: { id: true, seller: { select: { userId: true } } } });
    for (const shipment of shipments) {
      const shipAt = paidAt.getTime() + rand.int(18, 60) * HOUR;
      timeline.add(shipAt, (at) => ship(at, shipment.id, shipment.seller.userId, buyer?.id ?? null, !disputed));
    }
  }

  async function leaveCart(when: Date) {
    const api = await callerFor(db, null, { guestCartToken: randomBytes(24).toString("base64url") });
    const lines = await pickLines(db, rand, when);
    await step(when, async () => {
      for (const line of lines) await api.cart.add(line);
    });
    result.abandonedCarts++;
  }

  async function pay(when: Date, placed: CheckoutResult, card: string) {
    await step(when, async () => {
      await confirmSimulatedPayment(
        db,
        { paymentIntentId: placed.paymentIntentId, clientSecret: placed.clientSecret, cardNumber: card },
        { deliver: deliverToWebhookRoute },
      );
    });
  }

  async function ship(when: Date, shipmentId: string, sellerUserId: string, buyer: string | null, aftercare: boolean) {
    const shipment = await db.shipment.findUniqueOrThrow({ where: { id: shipmentId }, select: { status: true } });
    if (shipment.status !== "PENDING" && shipment.status !== "PROCESSING") return;
    const trackingNumber = `1Z${randomBytes(6).toString("hex").toUpperCase()}`;
    await step(when, async () => {
      const seller = await callerFor(db, sellerUserId);
      await seller.fulfillment.markShipped({ shipmentId, carrier: rand.pick(["UPS", "USPS", "FedEx"]), trackingNumber });
    });
    const deliverAt = when.getTime() + rand.int(2, 5) * DAY + rand.int(0, 8) * HOUR;
    timeline.add(deliverAt, async (at) => {
      await step(at, async () => {
        await markShipmentDelivered(db, { trackingNumber });
      });
      if (aftercare) afterDelivery(at.getTime(), shipmentId, sellerUserId, buyer);
    });
  }

  /** What happens once a part arrives: mostly a review, sometimes a refund or a return. */
  function afterDelivery(deliveredAt: number, shipmentId: string, sellerUserId: string, buyer: string | null) {
    const roll = rand.next();
    if (roll < 0.05) {
      timeline.add(deliveredAt + rand.int(1, 4) * DAY, (at) => refundPart(at, shipmentId));
    } else if (roll < 0.11 && buyer) {
      timeline.add(deliveredAt + rand.int(2, 8) * DAY, (at) => returnOne(at, shipmentId, sellerUserId, buyer));
    } else if (buyer && rand.next() < 0.45) {
      timeline.add(deliveredAt + rand.int(2, 10) * DAY, (at) => review(at, shipmentId, buyer));
    }
  }

  async function refundPart(when: Date, shipmentId: string) {
    const shipment = await db.shipment.findUniqueOrThrow({ where: { id: shipmentId }, select: { orderId: true, sellerId: true } });
    await step(when, async () => {
      const api = await callerFor(db, admin.id);
      await api.orders.adminRefund({ orderId: shipment.orderId, sellerId: shipment.sellerId, reason: "Arrived damaged: refunded in full" });
    });
    result.refunds++;
  }

  async function returnOne(when: Date, shipmentId: string, sellerUserId: string, buyerId: string) {
    const shipment = await db.shipment.findUniqueOrThrow({
      where: { id: shipmentId },
      include: { items: true, seller: { select: { warehouses: { take: 1 } } } },
    });
    const item = shipment.items[0];
    if (!item) return;
    const actor = (await loadActor(db, buyerId))!;
    const request = await step(when, async () => {
      // The domain function takes the day it is asked on: the shop's return window counts from delivery.
      const created = await requestReturn(
        db,
        actor,
        { orderId: shipment.orderId, shipmentId, items: [{ orderItemId: item.id, quantity: 1 }], reason: rand.pick(RETURN_REASONS), photos: [] },
        when,
      );
      return created;
    });
    result.returns++;
    const seller = await callerFor(db, sellerUserId);
    const buyer = await callerFor(db, buyerId);
    const steps: [number, () => Promise<unknown>][] = [
      [1, () => seller.returns.approve({ returnId: request.id, instructions: "Pack it in its box and post it to our returns desk." })],
      [2, () => buyer.returns.markSent({ returnId: request.id, carrier: "USPS", trackingNumber: `RT${randomBytes(5).toString("hex").toUpperCase()}` })],
      [
        6,
        () =>
          seller.returns.receive({
            returnId: request.id,
            items: [{ orderItemId: item.id, disposition: "RESTOCK", warehouseId: shipment.seller.warehouses[0]?.id ?? null }],
          }),
      ],
    ];
    for (const [afterDays, run] of steps) {
      timeline.add(when.getTime() + afterDays * DAY + rand.int(0, 6) * HOUR, (at) =>
        step(at, async () => {
          await run();
        }),
      );
    }
  }

  async function review(when: Date, shipmentId: string, buyerId: string) {
    const items = await db.orderItem.findMany({ where: { shipmentId }, select: { productId: true } });
    const api = await callerFor(db, buyerId);
    for (const { productId } of items) {
      const rating = rand.pick([5, 5, 5, 4, 4, 4, 3, 2]);
      const text = rand.pick(REVIEWS[rating]!);
      const made = await step(when, () =>
        api.reviews.create({ productId, rating, ...text }).then(
          () => true,
          () => false, // Already reviewed by this buyer: one review per product.
        ),
      );
      if (made) result.reviews++;
    }
  }

  async function closeDispute(when: Date, orderId: string) {
    const dispute = await db.dispute.findFirst({ where: { orderId, status: "OPEN" }, select: { providerDisputeId: true } });
    if (!dispute) return;
    const evidence = rand.next() < 0.6 ? "winning_evidence: tracking shows it delivered" : "losing_evidence";
    await step(when, async () => {
      await simulateDisputeEvidence(db, { providerDisputeId: dispute.providerDisputeId, evidence }, { deliver: deliverToWebhookRoute });
    });
  }

  async function payOut(when: Date) {
    await step(when, async () => {
      // The hold is counted against the history's day, not today.
      await releaseDueFunds(db, when);
      for (const seller of sellers) {
        const api = await callerFor(db, seller.userId);
        const paid = await api.ledger.requestPayout({}).then(
          () => true,
          () => false, // Nothing available yet, or a balance in debt.
        );
        if (paid) result.payouts++;
      }
    });
  }

  // Steps due after the history's end stay undone: the last days' orders are still being packed or on their way.
  for (let next = timeline.next(); next; next = timeline.next()) {
    if (next.at < now - 5 * MINUTE) await next.run(new Date(next.at));
  }
  for (const row of await db.order.groupBy({ by: ["status"], _count: true })) result.byStatus[row.status] = row._count;
  return result;
}

/** The demo's buyer accounts plus a few regular customers, made (verified) before the history starts. */
async function customers(db: PrismaClient, machine: TimeMachine, joined: Date): Promise<{ id: string; name: string | null }[]> {
  const template = await db.user.findFirstOrThrow({ where: { email: "buyer@bazaar.test" }, select: { passwordHash: true } });
  await machine.at(joined, () =>
    db.user.createMany({
      data: CUSTOMERS.map((c) => ({ ...c, role: "BUYER" as const, passwordHash: template.passwordHash, emailVerified: new Date() })),
      skipDuplicates: true,
    }),
  );
  return db.user.findMany({ where: { role: "BUYER", status: "ACTIVE" }, select: { id: true, name: true }, orderBy: { email: "asc" } });
}

/** One or two shops, one or two products from each, among those with plenty of stock left. */
async function pickLines(db: PrismaClient, rand: Random, when: Date) {
  const pool = await db.$queryRaw<{ variantId: string; sellerId: string }[]>`
    SELECT v.id AS "variantId", v."sellerId"
      FROM "ProductVariant" v
      JOIN "Product" p ON p.id = v."productId"
      JOIN "Seller" s ON s.id = v."sellerId"
      JOIN "StockLevel" l ON l."variantId" = v.id
     WHERE p.status = 'ACTIVE' AND v.status = 'ACTIVE' AND s.status = 'APPROVED' AND p."createdAt" < ${when}
     GROUP BY v.id, v."sellerId"
    HAVING SUM(l."onHand" - l.reserved - l.allocated) >= 12
     ORDER BY v.id`;
  if (pool.length === 0) return [];
  const shops = [...new Set(pool.map((p) => p.sellerId))];
  const chosenShops = rand.next() < 0.3 && shops.length > 1 ? [rand.pick(shops), rand.pick(shops)] : [rand.pick(shops)];
  const lines = new Map<string, number>();
  for (const shop of new Set(chosenShops)) {
    const ofShop = pool.filter((p) => p.sellerId === shop);
    for (let i = 0, n = rand.next() < 0.35 ? 2 : 1; i < n; i++) lines.set(rand.pick(ofShop).variantId, rand.next() < 0.2 ? 2 : 1);
  }
  return [...lines].map(([variantId, quantity]) => ({ variantId, quantity }));
}
