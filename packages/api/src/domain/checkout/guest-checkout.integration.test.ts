import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../../events/drain";
import { callerFor, callerWithCookies } from "../../testing";
import { createBuyer, createProduct, createPromo, createSeller, shippingAddressInput, uniqueSuffix } from "../../testing/factories";
import { deliverToWebhookRoute, ledgerIsBalanced, useDatabaseForHandlers } from "../../testing/payments";
import { sendVerificationEmail, verifyEmail } from "../accounts/recovery";
import { confirmSimulatedPayment } from "../payments/simulator";
import { attachGuestOrders, orderAccessToken } from "../orders/order-access";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

/** A guest (a cart cookie, no account) with these products in their cart. */
async function guestWithCart(lines: { productId: string; quantity: number }[]) {
  const token = randomBytes(24).toString("base64url");
  const { api } = await callerWithCookies(t.db, null, { guestCartToken: token });
  for (const line of lines) await api.cart.add(line);
  return { api, token };
}

async function twoShopProducts() {
  const a = await createSeller(t.db, { shopName: "Guest Shop A" });
  const b = await createSeller(t.db, { shopName: "Guest Shop B" });
  const { product: lamp } = await createProduct(t.db, a.seller.id, { priceCents: 3000, stock: 5 });
  const { product: rug } = await createProduct(t.db, b.seller.id, { priceCents: 5000, stock: 5 });
  return { lamp, rug };
}

describe("guest checkout", () => {
  it("a guest buys from two shops with an email only: one payment, split per shop, emails with the signed link, cancelled with the link", async () => {
    const { lamp, rug } = await twoShopProducts();
    const email = `Guest-${uniqueSuffix()}@Example.test`;
    const { api } = await guestWithCart([
      { productId: lamp.id, quantity: 1 },
      { productId: rug.id, quantity: 2 },
    ]);
    const key = `guest-${uniqueSuffix()}`;
    const placed = await api.checkout.start({ idempotencyKey: key, email, shippingAddress: shippingAddressInput() });
    expect(placed.accessToken).toBe(orderAccessToken(placed.orderId));
    // A double click finds the same order.
    expect((await api.checkout.start({ idempotencyKey: key, email, shippingAddress: shippingAddressInput() })).orderId).toBe(placed.orderId);

    const paid = await confirmSimulatedPayment(
      t.db,
      { paymentIntentId: placed.paymentIntentId, clientSecret: placed.clientSecret, cardNumber: "4242 4242 4242 4242" },
      { deliver: deliverToWebhookRoute },
    );
    expect(paid.status).toBe("succeeded");
    await drainOutbox(t.db);
    // The same cookie shops on in a new cart.
    expect(await api.cart.count()).toBe(0);
    expect(await api.cart.add({ productId: lamp.id, quantity: 1 })).toMatchObject({ itemCount: 1 });

    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { shipments: true } });
    expect(order).toMatchObject({ buyerId: null, guestEmail: email.toLowerCase(), status: "CONFIRMED" });
    expect(order.shipments).toHaveLength(2);
    expect(await t.db.ledgerTransaction.count({ where: { kind: "PAYMENT_SPLIT", orderId: order.id } })).toBe(1);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });

    const [confirmation] = await t.db.email.findMany({ where: { to: email.toLowerCase(), template: "order-confirmation" } });
    expect(confirmation?.text).toContain(`/orders/${order.id}?token=${placed.accessToken}`);

    // The link opens the order without an account; a wrong token, or no token and no account, does not.
    const anyone = await callerFor(t.db, null);
    const seen = await anyone.orders.get({ orderId: order.id, token: placed.accessToken });
    expect(seen).toMatchObject({ number: order.number, isGuestOrder: true, email: email.toLowerCase() });
    expect(seen.shipments.flatMap((s) => s.items).every((item) => !item.canReview)).toBe(true);
    await expect(anyone.orders.get({ orderId: order.id, token: "x".repeat(43) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(anyone.orders.get({ orderId: order.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const stranger = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(stranger.orders.get({ orderId: order.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Cancelled with the link before anything shipped: refunded in full, the split reversed.
    const cancelled = await anyone.orders.cancel({ orderId: order.id, token: placed.accessToken, reason: "Ordered twice" });
    expect(cancelled).toMatchObject({ status: "CANCELLED", refundedCents: order.totalCents });
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("two guest carts checking out at once with one email and key get one order: the second is answered with the first's", async () => {
    const { lamp, rug } = await twoShopProducts();
    const email = `twin-${uniqueSuffix()}@example.test`;
    const key = `guest-${uniqueSuffix()}`;
    const first = await guestWithCart([{ productId: lamp.id, quantity: 1 }]);
    const second = await guestWithCart([{ productId: rug.id, quantity: 1 }]);
    const start = ({ api }: typeof first) => api.checkout.start({ idempotencyKey: key, email, shippingAddress: shippingAddressInput() });
    const [one, two] = await Promise.all([start(first), start(second)]);
    expect(one.orderId).toBe(two.orderId);
    expect(one.paymentIntentId).toBe(two.paymentIntentId);
    expect(await t.db.order.count({ where: { guestEmail: email.toLowerCase() } })).toBe(1);
    // The other cart is untouched, its stock still held for it.
    const orderedProduct = (await t.db.orderItem.findFirstOrThrow({ where: { orderId: one.orderId } })).productId;
    const other = orderedProduct === lamp.id ? second : first;
    expect(await other.api.cart.count()).toBe(1);
  });

  it("asks a guest for an email and an address, and keeps promo codes for accounts", async () => {
    const { lamp } = await twoShopProducts();
    const { api } = await guestWithCart([{ productId: lamp.id, quantity: 1 }]);
    await expect(api.checkout.start({ idempotencyKey: `g-${uniqueSuffix()}`, shippingAddress: shippingAddressInput() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Enter your email address: your receipt and your order's link are sent there.",
    });
    await expect(
      api.checkout.start({ idempotencyKey: `g-${uniqueSuffix()}`, email: "not-an-email", shippingAddress: shippingAddressInput() }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.checkout.start({ idempotencyKey: `g-${uniqueSuffix()}`, email: "a@b.test", addressId: "addr_1" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Enter a shipping address: saved addresses belong to accounts.",
    });
    const promo = await createPromo(t.db, { code: `GUEST${uniqueSuffix()}`.toUpperCase().slice(0, 20) });
    await api.cart.applyPromo({ code: promo.code });
    await expect(
      api.checkout.start({ idempotencyKey: `g-${uniqueSuffix()}`, email: "a@b.test", shippingAddress: shippingAddressInput() }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `Promo codes need an account: sign in or create one to use ${promo.code}, or remove the code to check out as a guest.`,
    });
    // Nothing was left behind by the refusals.
    expect(await t.db.order.count({ where: { guestEmail: "a@b.test" } })).toBe(0);
    await expect(
      (await callerFor(t.db, null)).checkout.start({ idempotencyKey: `g-${uniqueSuffix()}`, shippingAddress: shippingAddressInput() }),
    ).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("attaches a guest's orders to the account with that email once the email is verified, not before", async () => {
    const { lamp } = await twoShopProducts();
    const email = `later-${uniqueSuffix()}@example.test`;
    const { api } = await guestWithCart([{ productId: lamp.id, quantity: 1 }]);
    const placed = await api.checkout.start({ idempotencyKey: `g-${uniqueSuffix()}`, email, shippingAddress: shippingAddressInput() });

    const account = await createBuyer(t.db, { email, emailVerified: null });
    expect(await attachGuestOrders(t.db, account.id)).toBe(0);
    const mine = await callerFor(t.db, account.id);
    expect((await mine.orders.list({})).items).toEqual([]);

    await sendVerificationEmail(t.db, account.id);
    const mail = await t.db.email.findFirstOrThrow({ where: { to: email, template: "verify-email" } });
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? "";
    await verifyEmail(t.db, { token });
    expect((await mine.orders.list({})).items.map((order) => order.id)).toEqual([placed.orderId]);
    // Still openable from the emailed link, and now the account's own.
    expect(await mine.orders.get({ orderId: placed.orderId })).toMatchObject({ isGuestOrder: false });
  });
});
