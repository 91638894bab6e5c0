// Bazaar's background work end to end through the in-process relay, against a real database:
// requests through the tRPC callers and the payment webhook, then `drainOutbox` plays the part
// of the worker (with a moved clock where the work waits).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { CART_ABANDONMENT_DELAY_SETTING } from "../domain/cart/functions/cart-abandonment";
import { callerFor } from "../testing";
import { createBuyer, createProduct, createSeller, shippingAddressInput, uniqueSuffix } from "../testing/factories";
import { ledgerIsBalanced, payWithCard, placeOrder, useDatabaseForHandlers } from "../testing/payments";
import { releaseDueFunds } from "../domain/ledger/payout-holds";
import { drainOutbox } from "./drain";
import { RelayCrash } from "./relay";
import { enqueueCronRuns } from "./schedule";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

const quiet = { warn: () => undefined, error: () => undefined };
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

/** The first minute from `date` at which only the every-minute crons are due: the quarter-hourly
 * and hourly ones (minutes 0, 5, 15, 30, 45) would add runs at some times of day and not others. */
function quietMinuteFrom(date: Date): Date {
  const minute = new Date(date);
  while ([0, 5, 15, 30, 45].includes(minute.getUTCMinutes())) minute.setUTCMinutes(minute.getUTCMinutes() + 1);
  return minute;
}
/** Kills the relay when a run of this function has finished, before the finished run is saved. */
const crashAfterRun = (functionId: string) => ({
  afterRun: (run: { functionId: string }) => {
    if (run.functionId.endsWith(functionId)) throw new Error(`killed after ${functionId}`);
  },
});

async function paidOrder(options: { sellers?: number } = {}) {
  const sellers = await Promise.all(Array.from({ length: options.sellers ?? 1 }, () => createSeller(t.db)));
  const products = await Promise.all(sellers.map(({ seller }) => createProduct(t.db, seller.id, { priceCents: 2500, stock: 10 })));
  const buyer = await createBuyer(t.db);
  const placed = await placeOrder(
    t.db,
    buyer.id,
    products.map(({ product }) => ({ productId: product.id, quantity: 1 })),
  );
  await payWithCard(t.db, placed);
  return { sellers, buyer, placed };
}

const emailsTo = (to: string, template?: string) => t.db.email.findMany({ where: { to, ...(template ? { template } : {}) } });
const splitsOf = (paymentId: string) => t.db.ledgerTransaction.count({ where: { paymentId, kind: "PAYMENT_SPLIT" } });

describe("a paid order", () => {
  it("is split in the ledger once and confirmed to the buyer once, and each seller hears about it", async () => {
    const { sellers, buyer, placed } = await paidOrder({ sellers: 2 });
    await drainOutbox(t.db);
    await drainOutbox(t.db);

    expect(await splitsOf(placed.paymentId)).toBe(1);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
    const [confirmation, ...more] = await emailsTo(buyer.email, "order-confirmation");
    expect(more).toHaveLength(0);
    expect(confirmation).toMatchObject({ status: "STORED", subject: `Your Bazaar order #${placed.orderNumber} is confirmed` });
    expect(confirmation?.html).toContain(`/orders/${placed.orderId}`);
    expect(confirmation?.text).toContain("View your order");
    for (const { seller, user } of sellers) {
      expect(await emailsTo(seller.contactEmail, "new-order")).toHaveLength(1);
      expect(await t.db.notification.findMany({ where: { userId: user.id }, select: { type: true } })).toEqual([{ type: "NEW_ORDER" }]);
    }
    expect(await t.db.notification.count({ where: { userId: buyer.id, type: "ORDER_CONFIRMED" } })).toBe(1);
  });

  it("survives the relay dying after the email and before saving it, twice: restarted, nothing doubles", async () => {
    const { buyer, placed } = await paidOrder();
    // The split was written with the capture, before any relay ran.
    expect(await splitsOf(placed.paymentId)).toBe(1);
    await expect(drainOutbox(t.db, { faults: crashAfterRun("order-confirmed-notify"), logger: quiet })).rejects.toBeInstanceOf(RelayCrash);
    expect(await emailsTo(buyer.email, "order-confirmation")).toHaveLength(1);

    // Restarted after the dead relay's lease ran out, and killed at the same place again.
    await expect(drainOutbox(t.db, { now: later(120), faults: crashAfterRun("order-confirmed-notify"), logger: quiet })).rejects.toBeInstanceOf(RelayCrash);
    expect(await emailsTo(buyer.email, "order-confirmation")).toHaveLength(1);

    await drainOutbox(t.db, { now: later(240) });
    await drainOutbox(t.db, { now: later(360) });
    expect(await splitsOf(placed.paymentId)).toBe(1);
    expect(await emailsTo(buyer.email, "order-confirmation")).toHaveLength(1);
    expect(await t.db.notification.count({ where: { userId: buyer.id, type: "ORDER_CONFIRMED" } })).toBe(1);
    const unfinished = await t.db.outboxEvent.count({ where: { status: { not: "SENT" }, availableAt: { lte: later(360) } } });
    expect(unfinished).toBe(0);
  });
});

describe("low stock", () => {
  it("turns a burst of 20 drops below the threshold into one alert", async () => {
    const { seller, user, warehouse } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 9, lowStockThreshold: 5, name: "Walnut desk lamp" });
    const caller = await callerFor(t.db, user.id);
    let version = (await t.db.stockLevel.findFirstOrThrow({ where: { productId: product.id } })).version;
    for (let drop = 0; drop < 20; drop++) {
      for (const onHand of [2, 9]) {
        version = (await caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand, version })).version;
      }
    }
    // The burst ends low.
    await caller.inventory.setOnHand({ productId: product.id, warehouseId: warehouse.id, onHand: 3, version });
    expect(await t.db.outboxEvent.count({ where: { name: "stock/low", payload: { path: ["productId"], equals: product.id } } })).toBe(21);

    await drainOutbox(t.db);
    expect(await emailsTo(seller.contactEmail, "low-stock")).toHaveLength(0); // still inside the debounce window
    await drainOutbox(t.db, { now: later(180) });

    const alerts = await emailsTo(seller.contactEmail, "low-stock");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.subject).toBe("Low stock: Walnut desk lamp (3 left)");
    expect(await t.db.notification.findMany({ where: { userId: user.id }, select: { type: true, link: true } })).toEqual([
      { type: "LOW_STOCK", link: `/products/${product.id}` },
    ]);
  });

  it("alerts each stock row once when many relays drain side by side", async () => {
    const { seller, user } = await createSeller(t.db);
    const rows = await Promise.all(Array.from({ length: 12 }, () => createProduct(t.db, seller.id, { stock: 2, lowStockThreshold: 5 })));
    await t.db.outboxEvent.createMany({
      data: rows.flatMap(({ product, stockLevels }) =>
        Array.from({ length: 5 }, (_, i) => ({
          name: "stock/low",
          payload: { stockLevelId: stockLevels[0]!.id, productId: product.id, sellerId: seller.id, available: 2 + i, threshold: 5 },
        })),
      ),
    });
    await Promise.all(Array.from({ length: 6 }, () => drainOutbox(t.db, { batchSize: 4 })));
    await Promise.all(Array.from({ length: 6 }, () => drainOutbox(t.db, { now: later(180), batchSize: 2 })));
    expect(await t.db.notification.count({ where: { userId: user.id, type: "LOW_STOCK" } })).toBe(12);
    expect(await emailsTo(seller.contactEmail, "low-stock")).toHaveLength(12);
  });
});

describe("cart abandonment", () => {
  it("emails a buyer whose cart sat after the (shortened) wait, and not one who checked out", async () => {
    await t.db.platformSetting.upsert({
      where: { key: CART_ABANDONMENT_DELAY_SETTING },
      create: { key: CART_ABANDONMENT_DELAY_SETTING, value: 120 },
      update: { value: 120 },
    });
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 10, name: "Linen throw" });
    const [leaves, buys] = await Promise.all([createBuyer(t.db), createBuyer(t.db)]);
    const leaver = await callerFor(t.db, leaves.id);
    const buyer = await callerFor(t.db, buys.id);

    await leaver.cart.add({ productId: product.id, quantity: 2 });
    await buyer.cart.add({ productId: product.id, quantity: 1 });
    await buyer.checkout.start({ idempotencyKey: `checkout-${uniqueSuffix()}`, shippingAddress: shippingAddressInput() });
    // Adding to a cart queues no background work; the scheduled scan finds quiet carts.
    expect(await t.db.outboxEvent.count({ where: { name: { startsWith: "cart" } } })).toBe(0);

    const tick = async (seconds: number) => {
      await enqueueCronRuns(t.db, { now: later(seconds) });
      await drainOutbox(t.db, { now: later(seconds) });
    };
    await tick(60);
    expect(await emailsTo(leaves.email, "cart-reminder")).toHaveLength(0);
    await tick(125);
    await tick(185);

    const [reminder, ...more] = await emailsTo(leaves.email, "cart-reminder");
    expect(more).toHaveLength(0);
    expect(reminder?.subject).toBe("You left something in your Bazaar cart");
    expect(reminder?.text).toContain("Linen throw");
    expect(await emailsTo(buys.email, "cart-reminder")).toHaveLength(0);
  });
});

describe("after the sale", () => {
  it("emails the buyer tracking when a shipment ships, and pays the seller out", async () => {
    const { sellers, buyer, placed } = await paidOrder();
    const { user, seller } = sellers[0]!;
    await drainOutbox(t.db);
    const sellerCaller = await callerFor(t.db, user.id);
    const shipment = await t.db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId } });
    await sellerCaller.fulfillment.markShipped({ shipmentId: shipment.id, carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    // The payout hold ends 21 days after shipping for a parcel never marked delivered.
    await releaseDueFunds(t.db, new Date(Date.now() + 22 * 24 * 3600_000));
    await sellerCaller.ledger.requestPayout({});
    await drainOutbox(t.db);

    const [shipped] = await emailsTo(buyer.email, "shipment-update");
    expect(shipped?.text).toContain("1Z999AA10123456784");
    expect(shipped?.subject).toContain("is on its way");
    const payout = await t.db.payout.findFirstOrThrow({ where: { sellerId: seller.id } });
    expect(payout).toMatchObject({ status: "PAID" });
    expect(payout.providerTransferId).toBeTruthy();
    expect(await emailsTo(seller.contactEmail, "payout-paid")).toHaveLength(1);
    expect(await t.db.notification.count({ where: { userId: user.id, type: "PAYOUT_PAID" } })).toBe(1);
  });
});

describe("reservation expiry", () => {
  it("cancels an order whose payment never came, on the minute's cron run", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 4 });
    const buyer = await createBuyer(t.db);
    const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 3 }]);

    const now = quietMinuteFrom(later(31 * 60));
    expect(await enqueueCronRuns(t.db, { now })).toBe(3); // reservation-expiry, system-alerts and the abandoned-cart scan, every minute
    expect(await enqueueCronRuns(t.db, { now })).toBe(0); // a second tick in the same minute starts nothing
    await drainOutbox(t.db, { now });

    expect(await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({ status: "CANCELLED" });
    expect(await t.db.stockLevel.findFirstOrThrow({ where: { productId: product.id } })).toMatchObject({ onHand: 4, allocated: 0 });
  });
});
