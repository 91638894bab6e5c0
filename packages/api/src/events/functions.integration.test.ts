// Each Inngest function on its own, through @inngest/test's engine (the SDK's executor with
// spied step tools), against a real database: the steps it takes, what they write, its sleep,
// and the options Inngest acts on (debounce, singleton, cancelOn).
import { InngestTestEngine, mockCtx } from "@inngest/test";
import type { Context, InngestFunction } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { cartAbandonment, CART_ABANDONMENT_DELAY_SETTING, remindAbandonedCarts } from "../domain/cart/functions/cart-abandonment";
import { shipmentStatusUpdate } from "../domain/fulfillment/functions/shipment-status-update";
import { reservationExpiry } from "../domain/inventory/functions/reservation-expiry";
import { stockLowAlert } from "../domain/inventory/functions/stock-low-alert";
import { payoutTransfer } from "../domain/ledger/functions/payout-transfer";
import { splitCapturedPayment } from "../domain/ledger/functions/split-captured-payment";
import { orderConfirmed } from "../domain/orders/functions/order-confirmed";
import { callerFor } from "../testing";
import { createBuyer, createProduct, createSeller } from "../testing/factories";
import { deliverAndRelease, payWithCard, placeOrder, useDatabaseForHandlers } from "../testing/payments";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

/** A test engine for `fn` whose handlers get this file's database. */
const engineFor = (fn: InngestFunction.Any, event: { name: string; data: Record<string, unknown>; id?: string; ts?: number }) =>
  new InngestTestEngine({
    function: fn,
    events: [{ id: `evt-${Math.random().toString(36).slice(2)}`, ts: Date.now(), ...event }],
    transformCtx: (ctx: Context.Any) => ({ ...mockCtx(ctx), db: t.db }) as Context.Any,
  });

/** The ids of the `step.run` calls the handler made, in order. */
const stepIds = (ctx: InngestTestEngine.MockContext) => ctx.step.run.mock.calls.map((call) => call[0]);

async function paidOrder() {
  const { seller, user } = await createSeller(t.db);
  const { product } = await createProduct(t.db, seller.id, { priceCents: 4000, stock: 5 });
  const buyer = await createBuyer(t.db);
  const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 1 }]);
  await payWithCard(t.db, placed);
  return { seller, sellerUser: user, buyer, placed };
}

describe("stock-low-alert", () => {
  it("is debounced per stock row", () => {
    expect(stockLowAlert.opts.debounce).toEqual({ key: "event.data.stockLevelId", period: "2m", timeout: "10m" });
  });

  it("notifies the seller in-app and by email with the stock as it is now", async () => {
    const { seller, user } = await createSeller(t.db);
    const { product, stockLevels } = await createProduct(t.db, seller.id, { stock: 2, lowStockThreshold: 5, name: "Oak stool" });
    const data = { stockLevelId: stockLevels[0]!.id, productId: product.id, sellerId: seller.id, available: 4, threshold: 5 };
    const { result, ctx } = await engineFor(stockLowAlert, { name: "stock/low", data }).execute();
    expect(result).toEqual({ alerted: true, available: 2 });
    expect(stepIds(ctx)).toEqual(["load-stock", "notify-seller", "email-seller"]);
    expect(await t.db.notification.findMany({ where: { userId: user.id }, select: { type: true, title: true } })).toEqual([
      { type: "LOW_STOCK", title: "Low stock: Oak stool" },
    ]);
    expect(await t.db.email.count({ where: { to: seller.contactEmail, template: "low-stock" } })).toBe(1);
  });

  it("stays quiet when the row was restocked during the debounce window", async () => {
    const { seller } = await createSeller(t.db);
    const { product, stockLevels } = await createProduct(t.db, seller.id, { stock: 50, lowStockThreshold: 5 });
    const data = { stockLevelId: stockLevels[0]!.id, productId: product.id, sellerId: seller.id, available: 1, threshold: 5 };
    const { result, ctx } = await engineFor(stockLowAlert, { name: "stock/low", data }).execute();
    expect(result).toEqual({ alerted: false, reason: "restocked since" });
    expect(stepIds(ctx)).toEqual(["load-stock"]);
  });
});

describe("cart-abandonment-reminder", () => {
  async function cartOf(options: { items?: boolean } = {}) {
    const { seller } = await createSeller(t.db);
    const { product, variant } = await createProduct(t.db, seller.id, { stock: 5, name: "Canvas tote" });
    const buyer = await createBuyer(t.db);
    const cart = await t.db.cart.create({ data: { buyerId: buyer.id } });
    if (options.items !== false) {
      await t.db.cartItem.create({
        data: { cartId: cart.id, productId: product.id, variantId: variant.id, sellerId: seller.id, quantity: 1, unitPriceCents: 1500, currency: "USD" },
      });
    }
    return { buyer, cart };
  }

  const quiet = async (cartId: string, minutesAgo: number) =>
    t.db.cart.update({ where: { id: cartId }, data: { lastActivityAt: new Date(Date.now() - minutesAgo * 60_000) } });

  it("runs every minute as a scan, not per cart change", () => {
    expect(cartAbandonment.opts.triggers).toEqual([{ cron: "* * * * *" }]);
  });

  it("emails the buyer of a cart quiet for the configured delay, once per quiet spell, with a link back to the cart", async () => {
    await t.db.platformSetting.upsert({
      where: { key: CART_ABANDONMENT_DELAY_SETTING },
      create: { key: CART_ABANDONMENT_DELAY_SETTING, value: 90 },
      update: { value: 90 },
    });
    const { buyer, cart } = await cartOf();
    await quiet(cart.id, 1);
    const early = await engineFor(cartAbandonment, { name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }).execute();
    expect(early.result).toMatchObject({ reminded: 0 });

    await quiet(cart.id, 2);
    const { result } = await engineFor(cartAbandonment, { name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }).execute();
    expect(result).toEqual({ reminded: 1 });
    const [reminder] = await t.db.email.findMany({ where: { to: buyer.email, template: "cart-reminder" } });
    expect(reminder?.html).toContain("http://localhost:3000/cart");
    expect(reminder?.text).toContain("Canvas tote");

    // Still quiet: no second email. Active again, then quiet again: a new reminder.
    expect(await remindAbandonedCarts(t.db)).toEqual({ reminded: 0 });
    await quiet(cart.id, 3);
    await t.db.cart.update({ where: { id: cart.id }, data: { remindedAt: new Date(Date.now() - 4 * 60_000) } });
    expect(await remindAbandonedCarts(t.db)).toEqual({ reminded: 1 });
    expect(await t.db.email.count({ where: { to: buyer.email, template: "cart-reminder" } })).toBe(2);
  });

  it("does not email about an empty, checked-out, guest or week-old cart, and two scans at once send one email", async () => {
    const empty = await cartOf({ items: false });
    const checkedOut = await cartOf();
    await t.db.cart.update({ where: { id: checkedOut.cart.id }, data: { status: "CHECKOUT" } });
    const old = await cartOf();
    const guest = await cartOf();
    await t.db.cart.update({ where: { id: guest.cart.id }, data: { buyerId: null, guestToken: `guest-${guest.cart.id}` } });
    for (const c of [empty, checkedOut, guest]) await quiet(c.cart.id, 120);
    await quiet(old.cart.id, 8 * 24 * 60);
    const due = await cartOf();
    await quiet(due.cart.id, 120);
    const runs = await Promise.all([remindAbandonedCarts(t.db), remindAbandonedCarts(t.db), remindAbandonedCarts(t.db)]);
    expect(runs.reduce((sum, run) => sum + run.reminded, 0)).toBe(1);
    for (const c of [empty, checkedOut, old, guest]) expect(await t.db.email.count({ where: { to: c.buyer.email, template: "cart-reminder" } })).toBe(0);
    expect(await t.db.email.count({ where: { to: due.buyer.email, template: "cart-reminder" } })).toBe(1);
  });
});

describe("ledger-split-payment", () => {
  it("finds the split the payment's webhook wrote, however often it runs (an event published before the split moved there)", async () => {
    const { placed } = await paidOrder();
    const split = await t.db.ledgerTransaction.findUniqueOrThrow({ where: { idempotencyKey: `split:${placed.paymentId}` } });
    const event = { name: "payment/captured", data: { paymentId: placed.paymentId, orderId: placed.orderId } };
    // Two engines: two deliveries of the event, each running the function afresh.
    const first = await engineFor(splitCapturedPayment, event).execute();
    const second = await engineFor(splitCapturedPayment, event).execute();
    expect(first.result).toEqual({ transactionId: split.id, created: false });
    expect(second.result).toEqual({ transactionId: split.id, created: false });
    expect(stepIds(first.ctx)).toEqual([]);
    expect(await t.db.ledgerTransaction.count({ where: { paymentId: placed.paymentId, kind: "PAYMENT_SPLIT" } })).toBe(1);
  });
});

describe("order-confirmed-notify", () => {
  it("confirms to the buyer and tells each seller in one call, and a second run sends nothing again", async () => {
    const { buyer, seller, sellerUser, placed } = await paidOrder();
    const event = { name: "order/confirmed", data: { orderId: placed.orderId } };
    const { result, ctx } = await engineFor(orderConfirmed, event).execute();
    expect(result).toEqual({ sellers: 1 });
    expect(stepIds(ctx)).toEqual([]);
    // A retried run (after one seller's mail failed, say) repeats the whole function: the messages already out stay single.
    expect((await engineFor(orderConfirmed, event).execute()).result).toEqual({ sellers: 1 });
    expect(await t.db.email.count({ where: { to: buyer.email, template: "order-confirmation" } })).toBe(1);
    expect(await t.db.email.count({ where: { to: seller.contactEmail, template: "new-order" } })).toBe(1);
    expect(await t.db.notification.count({ where: { userId: sellerUser.id, type: "NEW_ORDER" } })).toBe(1);
    expect(await t.db.notification.count({ where: { userId: buyer.id, type: "ORDER_CONFIRMED" } })).toBe(1);
  });
});

describe("shipment-status-update", () => {
  it("emails the buyer the carrier and tracking number", async () => {
    const { buyer, sellerUser, placed } = await paidOrder();
    const shipment = await t.db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId } });
    const seller = await callerFor(t.db, sellerUser.id);
    await seller.fulfillment.markShipped({ shipmentId: shipment.id, carrier: "DHL", trackingNumber: "JD014600006281230704" });
    const { result } = await engineFor(shipmentStatusUpdate, {
      name: "shipment/status-changed",
      data: { shipmentId: shipment.id, orderId: placed.orderId, status: "SHIPPED" },
    }).execute();
    expect(result).toEqual({ told: true });
    const [mail] = await t.db.email.findMany({ where: { to: buyer.email, template: "shipment-update" } });
    expect(mail?.text).toContain("DHL JD014600006281230704");
    expect(await t.db.notification.count({ where: { userId: buyer.id, type: "SHIPMENT_UPDATE" } })).toBe(1);
  });
});

describe("payout-transfer", () => {
  async function requestedPayout() {
    const { seller, sellerUser, placed } = await paidOrder();
    await deliverAndRelease(t.db, placed.orderId);
    const payout = await (await callerFor(t.db, sellerUser.id)).ledger.requestPayout({});
    return { seller, sellerUser, payout };
  }

  it("transfers the payout and tells the seller", async () => {
    const { seller, sellerUser, payout } = await requestedPayout();
    const { result, ctx } = await engineFor(payoutTransfer, { name: "payout/requested", data: { payoutId: payout.id, sellerId: seller.id } }).execute();
    expect(result).toMatchObject({ id: payout.id, status: "PAID" });
    expect(stepIds(ctx)).toEqual(["transfer", "tell-seller"]);
    expect(await t.db.email.count({ where: { to: seller.contactEmail, template: "payout-paid" } })).toBe(1);
    expect(await t.db.notification.count({ where: { userId: sellerUser.id, type: "PAYOUT_PAID" } })).toBe(1);
  });

  it("tells the seller when the transfer is refused, with the money back in their balance", async () => {
    const { seller, sellerUser, payout } = await requestedPayout();
    await t.db.seller.update({ where: { id: seller.id }, data: { status: "SUSPENDED" } });
    const { result } = await engineFor(payoutTransfer, { name: "payout/requested", data: { payoutId: payout.id, sellerId: seller.id } }).execute();
    expect(result).toMatchObject({ status: "FAILED" });
    const [notice] = await t.db.notification.findMany({ where: { userId: sellerUser.id, type: "PAYOUT_FAILED" } });
    expect(notice?.body).toContain("back in your balance");
  });
});

describe("reservation-expiry", () => {
  it("runs every minute and sweeps with the schedule's time", async () => {
    expect(reservationExpiry.opts.triggers).toEqual([{ cron: "* * * * *" }]);
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 3 });
    const buyer = await createBuyer(t.db);
    const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 2 }]);
    const { result, ctx } = await engineFor(reservationExpiry, {
      name: "inngest/scheduled.timer",
      data: { cron: "* * * * *" },
      ts: Date.now() + 31 * 60_000,
    }).execute();
    expect(stepIds(ctx)).toEqual(["release-expired-cart-holds", "expire-unpaid-orders"]);
    expect(result).toMatchObject({ unpaidOrders: 1 });
    expect(await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({ status: "CANCELLED" });
  });
});
