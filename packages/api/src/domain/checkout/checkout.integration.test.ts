import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createAddress, createBuyer, createProduct, createPromo, createSeller, setTaxRate, shippingAddressInput } from "../../testing/factories";
import { loadActor } from "../../trpc";
import type { PaymentGateway } from "../payments/gateway";
import { createSimulatorGateway } from "../payments/simulator-gateway";
import { addToCart } from "../cart";
import { cancelOrder } from "../orders/cancel-order";
import { checkout } from "./checkout";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 40 });
});
afterAll(async () => t?.drop());

async function stock(productId: string) {
  const rows = await t.db.stockLevel.findMany({ where: { productId } });
  return rows.reduce((sum, row) => ({ onHand: sum.onHand + row.onHand, reserved: sum.reserved + row.reserved, allocated: sum.allocated + row.allocated }), {
    onHand: 0,
    reserved: 0,
    allocated: 0,
  });
}

const key = () => `checkout-${Math.random().toString(36).slice(2)}`;

describe("the seed's worked example", () => {
  it("5 in stock; A adds 3; B is told only 2; A checks out (3 allocated); C adds 2 (0 left)", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { name: "Wireless Headphones", stock: 5, priceCents: 4999 });
    const callerA = await callerFor(t.db, (await createBuyer(t.db)).id);
    const callerB = await callerFor(t.db, (await createBuyer(t.db)).id);
    const callerC = await callerFor(t.db, (await createBuyer(t.db)).id);

    expect((await callerA.cart.add({ productId: product.id, quantity: 3 })).line).toMatchObject({ quantity: 3 });
    expect((await callerA.cart.get()).groups[0]?.lines[0]).toMatchObject({ quantity: 3, heldQuantity: 3 });
    expect(await stock(product.id)).toEqual({ onHand: 5, reserved: 3, allocated: 0 });

    await expect(callerB.cart.add({ productId: product.id, quantity: 3 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/Only 2 of "Wireless Headphones" available/) as unknown,
    });
    expect(await stock(product.id)).toEqual({ onHand: 5, reserved: 3, allocated: 0 });

    const placed = await callerA.checkout.start({ idempotencyKey: key(), shippingAddress: shippingAddressInput() });
    expect(placed).toMatchObject({ provider: "SIMULATOR", currency: "USD", totalCents: 3 * 4999 });
    expect(await stock(product.id)).toEqual({ onHand: 5, reserved: 0, allocated: 3 });

    await callerC.cart.add({ productId: product.id, quantity: 2 });
    expect(await stock(product.id)).toEqual({ onHand: 5, reserved: 2, allocated: 3 });
    await expect(callerB.cart.add({ productId: product.id, quantity: 1 })).rejects.toThrow(/out of stock/);
  });
});

describe("checkout", () => {
  it("taxes the country the order ships to, whether the address comes with the checkout or from the address book", async () => {
    const { seller } = await createSeller(t.db, { shippingFlatCents: 500, freeShippingOverCents: null });
    const { product } = await createProduct(t.db, seller.id, { priceCents: 1000, stock: 10 });
    await setTaxRate(t.db, "GB", 2000);
    await setTaxRate(t.db, "DE", 1900);
    const taxOf = async (address: { addressCountry: string } | { shipTo: string }) => {
      const buyer = await createBuyer(t.db);
      const caller = await callerFor(t.db, buyer.id);
      await caller.cart.add({ productId: product.id, quantity: 2 });
      const destination =
        "addressCountry" in address
          ? { addressId: (await createAddress(t.db, buyer.id, { country: address.addressCountry })).id }
          : { shippingAddress: shippingAddressInput(address.shipTo) };
      const { orderId } = await caller.checkout.start({ idempotencyKey: key(), ...destination });
      return (await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).taxCents;
    };
    expect(await taxOf({ addressCountry: "GB" })).toBe(400);
    expect(await taxOf({ shipTo: "DE" })).toBe(380);
    // A country without a rate is taxed at 0.
    expect(await taxOf({ shipTo: "FR" })).toBe(0);
  });

  it("writes one order per seller shipment, exact totals, HARD holds, a payment, and freezes the cart", async () => {
    const one = await createSeller(t.db, { shippingFlatCents: 500, freeShippingOverCents: 10_000 });
    const two = await createSeller(t.db, { shippingFlatCents: 300, freeShippingOverCents: null });
    const { product: p1 } = await createProduct(t.db, one.seller.id, { priceCents: 1999, stock: 10 });
    const { product: p2 } = await createProduct(t.db, two.seller.id, { priceCents: 3333, stock: 10 });
    const promo = await createPromo(t.db, { type: "PERCENT", value: 1000 });
    await setTaxRate(t.db, "DE", 1900);
    const buyer = await createBuyer(t.db);
    const caller = await callerFor(t.db, buyer.id);
    await caller.cart.add({ productId: p1.id, quantity: 2 });
    await caller.cart.add({ productId: p2.id, quantity: 1 });
    await caller.cart.applyPromo({ code: promo.code.toLowerCase() });

    const result = await caller.checkout.start({ idempotencyKey: key(), shippingAddress: shippingAddressInput("DE") });
    const order = await t.db.order.findUniqueOrThrow({
      where: { id: result.orderId },
      include: { shipments: true, items: true, history: true, payments: true, redemption: true },
    });
    // seller one: 3998 - 400 = 3598 + 500 shipping + 19% of 3598 (683.62 -> 684); seller two: 3333 - 333 = 3000 + 300 + 570
    expect(order).toMatchObject({ status: "PENDING_PAYMENT", subtotalCents: 7331, discountCents: 733, shippingCents: 800, taxCents: 1254, totalCents: 8652 });
    expect(order.shipments.map((s) => s.totalCents).sort()).toEqual([3870, 4782].sort());
    expect(order.items.reduce((sum, item) => sum + item.discountCents, 0)).toBe(733);
    expect(order.history.map((h) => h.status)).toEqual(["PENDING_PAYMENT"]);
    expect(order.payments).toHaveLength(1);
    expect(order.payments[0]).toMatchObject({
      status: "CREATED",
      amountCents: 8652,
      providerPaymentId: result.paymentIntentId,
      clientSecret: result.clientSecret,
    });
    expect(order.redemption?.amountCents).toBe(733);
    expect(order.paymentDueAt!.getTime() - order.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    expect((await t.db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).usageCount).toBe(1);
    expect(await t.db.cart.findFirstOrThrow({ where: { buyerId: buyer.id } })).toMatchObject({ status: "CHECKOUT" });
    expect(await t.db.reservation.count({ where: { orderId: order.id, type: "HARD", status: "ACTIVE" } })).toBe(2);
    // Nothing acts on an order before its payment: checkout publishes no event (the webhook does).
    expect(await t.db.outboxEvent.count({ where: { payload: { path: ["orderId"], equals: order.id } } })).toBe(0);
    await expect(caller.cart.add({ productId: p1.id, quantity: 1 })).rejects.toThrow(/waiting for the payment/);
  });

  it("makes one order for a double click, also when both clicks arrive at once", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 5 });
    const buyer = await createBuyer(t.db);
    const actor = await loadActor(t.db, buyer.id);
    await addToCart(t.db, { buyerId: buyer.id }, { productId: product.id, quantity: 2 });
    const idempotencyKey = key();
    const input = { idempotencyKey, shippingAddress: shippingAddressInput() };
    const results = await Promise.all([checkout(t.db, actor, input), checkout(t.db, actor, input), checkout(t.db, actor, input)]);
    const again = await checkout(t.db, actor, input);
    expect(new Set([...results, again].map((r) => r.orderId)).size).toBe(1);
    expect(new Set([...results, again].map((r) => r.paymentIntentId)).size).toBe(1);
    expect(await t.db.order.count({ where: { buyerId: buyer.id } })).toBe(1);
    expect(await t.db.payment.count({ where: { orderId: again.orderId } })).toBe(1);
    expect(await stock(product.id)).toEqual({ onHand: 5, reserved: 0, allocated: 2 });
    // A new attempt (new key) while the first awaits payment is refused with the order number.
    await expect(checkout(t.db, actor, { ...input, idempotencyKey: key() })).rejects.toThrow(
      new RegExp(`Order #${again.orderNumber} from this cart is awaiting payment`),
    );
  });

  it("answers a request repeated after its order was cancelled unpaid (the cart open again) with that order, by the order's unique key", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 5 });
    const buyer = await createBuyer(t.db);
    const actor = await loadActor(t.db, buyer.id);
    await addToCart(t.db, { buyerId: buyer.id }, { productId: product.id, quantity: 2 });
    const input = { idempotencyKey: key(), shippingAddress: shippingAddressInput() };
    const first = await checkout(t.db, actor, input);
    await cancelOrder(t.db, actor, { orderId: first.orderId });
    expect(await t.db.cart.findFirst({ where: { buyerId: buyer.id }, select: { status: true } })).toEqual({ status: "ACTIVE" });
    await addToCart(t.db, { buyerId: buyer.id }, { productId: product.id, quantity: 1 });

    // The cart can be checked out again, so the repeat goes as far as inserting its order, which the key refuses.
    const again = await checkout(t.db, actor, input);
    expect(again).toMatchObject({ orderId: first.orderId, paymentIntentId: first.paymentIntentId });
    expect(await t.db.order.count({ where: { buyerId: buyer.id } })).toBe(1);
    // Nothing of the refused attempt stays: the cart is still open with its holds, and no stock moved.
    expect(await t.db.cart.findFirst({ where: { buyerId: buyer.id }, select: { status: true } })).toEqual({ status: "ACTIVE" });
    expect(await stock(product.id)).toEqual({ onHand: 5, reserved: 3, allocated: 0 });
    // A new key checks the cart out.
    const next = await checkout(t.db, actor, { ...input, idempotencyKey: key() });
    expect(next.orderId).not.toBe(first.orderId);
    expect(await stock(product.id)).toEqual({ onHand: 5, reserved: 0, allocated: 3 });
  });

  it("leaves nothing behind when the payment provider fails, and works when tried again", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 5 });
    const promo = await createPromo(t.db, { usageLimit: 1 });
    const buyer = await createBuyer(t.db);
    const actor = await loadActor(t.db, buyer.id);
    await addToCart(t.db, { buyerId: buyer.id }, { productId: product.id, quantity: 3 });
    const caller = await callerFor(t.db, buyer.id);
    await caller.cart.applyPromo({ code: promo.code });
    const before = await t.db.reservation.findMany({
      where: { cartId: { not: null }, productId: product.id, status: "ACTIVE" },
      select: { id: true, quantity: true, type: true },
    });

    const failing: PaymentGateway = {
      ...createSimulatorGateway(),
      createPaymentIntent: () => Promise.reject(new Error("connect ECONNREFUSED api.stripe.com")),
    };
    await expect(checkout(t.db, actor, { idempotencyKey: key(), shippingAddress: shippingAddressInput() }, { gateway: failing })).rejects.toMatchObject({
      code: "PAYMENT_FAILED",
      message: expect.stringMatching(/Nothing was charged and your cart is unchanged/) as unknown,
    });
    expect(await t.db.order.count({ where: { buyerId: buyer.id } })).toBe(0);
    expect(await t.db.payment.count({ where: { order: { buyerId: buyer.id } } })).toBe(0);
    expect(await stock(product.id)).toEqual({ onHand: 5, reserved: 3, allocated: 0 });
    expect(
      await t.db.reservation.findMany({
        where: { cartId: { not: null }, productId: product.id, status: "ACTIVE" },
        select: { id: true, quantity: true, type: true },
      }),
    ).toEqual(before);
    expect(await t.db.cart.findFirstOrThrow({ where: { buyerId: buyer.id } })).toMatchObject({ status: "ACTIVE", promoCodeId: promo.id });
    expect((await t.db.promoCode.findUniqueOrThrow({ where: { id: promo.id } })).usageCount).toBe(0);

    const retry = await checkout(t.db, actor, { idempotencyKey: key(), shippingAddress: shippingAddressInput() });
    expect(await stock(product.id)).toEqual({ onHand: 5, reserved: 0, allocated: 3 });
    expect(retry.totalCents).toBeGreaterThan(0);
  });

  it("re-reserves lines whose holds lapsed, and refuses when the stock is gone", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 3, name: "Kettle" });
    const [early, late] = await Promise.all([createBuyer(t.db), createBuyer(t.db)]);
    await addToCart(t.db, { buyerId: early.id }, { productId: product.id, quantity: 2 });
    // The early buyer's hold lapses and someone else takes the stock.
    await t.db.reservation.updateMany({ where: { productId: product.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const { releaseExpiredCartReservations } = await import("../inventory/order-reservations");
    expect(await releaseExpiredCartReservations(t.db)).toBe(1);
    await addToCart(t.db, { buyerId: late.id }, { productId: product.id, quantity: 2 });
    const view = await (await callerFor(t.db, early.id)).cart.get();
    expect(view.warnings).toEqual(['Only 1 of "Kettle" available. Lower the quantity to 1 to check out.']);
    expect(view.canCheckout).toBe(false);
    await expect(checkout(t.db, await loadActor(t.db, early.id), { idempotencyKey: key(), shippingAddress: shippingAddressInput() })).rejects.toMatchObject({
      code: "OUT_OF_STOCK",
      message: 'Only 1 of "Kettle" available. Lower the quantity to 1 or less.',
    });
    expect(await stock(product.id)).toEqual({ onHand: 3, reserved: 2, allocated: 0 });
    await (await callerFor(t.db, early.id)).cart.setQuantity({ productId: product.id, quantity: 1 });
    await checkout(t.db, await loadActor(t.db, early.id), { idempotencyKey: key(), shippingAddress: shippingAddressInput() });
    expect(await stock(product.id)).toEqual({ onHand: 3, reserved: 2, allocated: 1 });
  });

  it("asks the buyer to look again when a price changed, then charges the new price", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 3, priceCents: 1000, name: "Mug" });
    const buyer = await createBuyer(t.db);
    const actor = await loadActor(t.db, buyer.id);
    await addToCart(t.db, { buyerId: buyer.id }, { productId: product.id, quantity: 1 });
    await t.db.productVariant.updateMany({ where: { productId: product.id }, data: { priceCents: 1200 } });
    expect((await (await callerFor(t.db, buyer.id)).cart.get()).warnings).toEqual(['The price of "Mug" changed from $10.00 to $12.00.']);
    const input = { idempotencyKey: key(), shippingAddress: shippingAddressInput() };
    await expect(checkout(t.db, actor, input)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/"Mug" from \$10.00 to \$12.00/) as unknown,
    });
    const placed = await checkout(t.db, actor, input);
    expect(placed.totalCents).toBe(1200 + 599);
  });
});

describe("100 buyers race for 10 units", () => {
  it("exactly 10 get one, the rest hear 'out of stock', and the stock row adds up", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 10, name: "Limited Vinyl" });
    const buyers = await Promise.all(Array.from({ length: 100 }, () => createBuyer(t.db)));
    const outcomes = await Promise.allSettled(buyers.map((buyer) => addToCart(t.db, { buyerId: buyer.id }, { productId: product.id, quantity: 1 })));
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as { code?: string; message?: string }] : []));
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(90);
    for (const error of lost) expect(error).toMatchObject({ code: "OUT_OF_STOCK", message: '"Limited Vinyl" is out of stock.' });
    expect(await stock(product.id)).toEqual({ onHand: 10, reserved: 10, allocated: 0 });
    const held = await t.db.reservation.aggregate({ where: { productId: product.id, status: "ACTIVE" }, _sum: { quantity: true } });
    expect(held._sum.quantity).toBe(10);
  });
});
