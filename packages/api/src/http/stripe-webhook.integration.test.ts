// The Stripe webhook route, end to end: checkout, the simulator's signed events through the
// exported POST handler, exactly-once application under concurrent and out-of-order delivery,
// and the ledger split written by the background work (drainOutbox).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { signStripePayload, simulateDashboardRefund, stripeEventPayload } from "../domain/payments/simulator";
import { drainOutbox } from "../events/drain";
import { createBuyer, createProduct, createSeller, setTaxRate } from "../testing/factories";
import { balanceOf, deliverToWebhookRoute, ledgerIsBalanced, payWithCard, placeOrder, stripeWebhookRequest, useDatabaseForHandlers } from "../testing/payments";
import { POST } from "./stripe-webhook";
import { callerFor } from "../testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

async function stockOf(productId: string) {
  const row = await t.db.stockLevel.findFirstOrThrow({ where: { productId } });
  return { onHand: row.onHand, reserved: row.reserved, allocated: row.allocated };
}

async function orderWithOneProduct(opts: { priceCents?: number; quantity?: number; stock?: number } = {}) {
  const { seller } = await createSeller(t.db, { shippingFlatCents: 500, freeShippingOverCents: null });
  const { product } = await createProduct(t.db, seller.id, { priceCents: opts.priceCents ?? 2000, stock: opts.stock ?? 10 });
  const buyer = await createBuyer(t.db);
  const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: opts.quantity ?? 2 }]);
  return { seller, product, buyer, placed };
}

const intentObject = (placed: { paymentIntentId: string; totalCents: number }, extra: Record<string, unknown> = {}) => ({
  id: placed.paymentIntentId,
  object: "payment_intent",
  amount: placed.totalCents,
  amount_received: placed.totalCents,
  currency: "usd",
  ...extra,
});

const post = async (payload: string, signature?: string) => {
  const response = await POST(stripeWebhookRequest(payload, signature));
  return { status: response.status, body: (await response.json()) as { outcome?: string; error?: { message: string } } };
};

const splitsOf = (paymentId: string) => t.db.ledgerTransaction.count({ where: { paymentId, kind: "PAYMENT_SPLIT" } });

describe("payment_intent.succeeded", () => {
  it("captures the payment, confirms the order, sells the stock, completes the cart, and splits once in the background", async () => {
    const { product, placed } = await orderWithOneProduct();
    expect(await stockOf(product.id)).toEqual({ onHand: 10, reserved: 0, allocated: 2 });

    await expect(payWithCard(t.db, placed)).resolves.toMatchObject({ status: "succeeded" });

    const order = await t.db.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { history: { orderBy: { createdAt: "asc" } }, payments: true, cart: true },
    });
    expect(order.status).toBe("CONFIRMED");
    expect(order.paidAt).not.toBeNull();
    expect(order.history.map((h) => h.status)).toEqual(expect.arrayContaining(["PENDING_PAYMENT", "PAID", "CONFIRMED"]));
    expect(order.payments[0]).toMatchObject({ status: "CAPTURED", amountCents: placed.totalCents });
    expect(order.cart?.status).toBe("COMPLETED");
    expect(await stockOf(product.id)).toEqual({ onHand: 8, reserved: 0, allocated: 0 });
    // The ledger split is written with the capture, in the webhook's transaction; the mails go through the outbox.
    expect(await splitsOf(placed.paymentId)).toBe(1);
    const events = await t.db.outboxEvent.findMany({
      where: { name: { in: ["payment/captured", "order/confirmed"] }, payload: { path: ["orderId"], equals: placed.orderId } },
    });
    expect(events.map((e) => e.name)).toEqual(["order/confirmed"]);

    await drainOutbox(t.db);
    expect(await splitsOf(placed.paymentId)).toBe(1);
  });

  it("applies the same event delivered 5 times at once exactly once", async () => {
    const { product, placed } = await orderWithOneProduct({ quantity: 3 });
    const payload = stripeEventPayload("payment_intent.succeeded", intentObject(placed, { status: "succeeded", amount_received: placed.totalCents }));

    const answers = await Promise.all(Array.from({ length: 5 }, () => post(payload)));

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.outcome).sort()).toEqual(["applied", "duplicate", "duplicate", "duplicate", "duplicate"]);
    expect(await t.db.webhookEvent.count({ where: { eventId: (JSON.parse(payload) as { id: string }).id } })).toBe(1);
    const history = await t.db.orderStatusHistory.findMany({ where: { orderId: placed.orderId } });
    expect(history.filter((h) => h.status === "PAID")).toHaveLength(1);
    expect(history.filter((h) => h.status === "CONFIRMED")).toHaveLength(1);
    expect(await stockOf(product.id)).toEqual({ onHand: 7, reserved: 0, allocated: 0 });
    expect(await splitsOf(placed.paymentId)).toBe(1);
    expect(await t.db.outboxEvent.count({ where: { name: "order/confirmed", payload: { path: ["orderId"], equals: placed.orderId } } })).toBe(1);

    await Promise.all([drainOutbox(t.db), drainOutbox(t.db)]);
    expect(await splitsOf(placed.paymentId)).toBe(1);
    // A redelivery after the fact is still a no-op.
    expect((await post(payload)).body.outcome).toBe("duplicate");
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("a second, different success event for a captured payment changes nothing", async () => {
    const { product, placed } = await orderWithOneProduct();
    await payWithCard(t.db, placed);
    const again = stripeEventPayload("payment_intent.succeeded", intentObject(placed, { status: "succeeded" }));
    expect((await post(again)).body.outcome).toBe("ignored");
    expect(await stockOf(product.id)).toEqual({ onHand: 8, reserved: 0, allocated: 0 });
  });
});

describe("payment_intent.payment_failed", () => {
  it("declined card: the order stays open with its stock held and the decline on its timeline; another card then pays the same order", async () => {
    const { product, buyer, placed } = await orderWithOneProduct();
    await expect(payWithCard(t.db, placed, "4000 0000 0000 0002")).resolves.toMatchObject({ status: "failed", message: "Your card was declined." });

    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { history: true, payments: true, cart: true } });
    expect(order.status).toBe("PENDING_PAYMENT");
    expect(order.history.map((h) => h.note)).toContain("Payment declined: Your card was declined.");
    expect(order.payments[0]).toMatchObject({ status: "CREATED", failureMessage: "Your card was declined.", failedAt: expect.any(Date) as unknown });
    expect(order.cart?.status).toBe("CHECKOUT");
    expect(await stockOf(product.id)).toEqual({ onHand: 10, reserved: 0, allocated: 2 });
    expect(await t.db.outboxEvent.count({ where: { name: "payment/failed", payload: { path: ["orderId"], equals: placed.orderId } } })).toBe(1);

    await expect(payWithCard(t.db, placed)).resolves.toMatchObject({ status: "succeeded" });
    expect(await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({ status: "CONFIRMED" });
    expect(await t.db.order.count({ where: { buyerId: buyer.id } })).toBe(1);
    expect(await stockOf(product.id)).toEqual({ onHand: 8, reserved: 0, allocated: 0 });
  });

  it("insufficient funds carries Stripe's message", async () => {
    const { placed } = await orderWithOneProduct();
    await expect(payWithCard(t.db, placed, "4000000000009995")).resolves.toMatchObject({ status: "failed", message: "Your card has insufficient funds." });
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: placed.paymentId } })).failureMessage).toBe("Your card has insufficient funds.");
  });

  it("an invalid card number is a validation error and changes nothing", async () => {
    const { product, placed } = await orderWithOneProduct();
    await expect(payWithCard(t.db, placed, "4242 4242 4242 4241")).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Your card number is incorrect." });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("PENDING_PAYMENT");
    expect(await stockOf(product.id)).toEqual({ onHand: 10, reserved: 0, allocated: 2 });
  });
});

describe("out-of-order delivery", () => {
  it("a failure arriving after the success does not undo it", async () => {
    const { product, placed } = await orderWithOneProduct();
    const success = stripeEventPayload("payment_intent.succeeded", intentObject(placed, { status: "succeeded" }));
    const failure = stripeEventPayload(
      "payment_intent.payment_failed",
      intentObject(placed, { status: "requires_payment_method", last_payment_error: { message: "Your card was declined." } }),
    );
    expect((await post(success)).body.outcome).toBe("applied");
    expect((await post(failure)).body.outcome).toBe("ignored");
    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true } });
    expect(order.status).toBe("CONFIRMED");
    expect(order.payments[0]?.status).toBe("CAPTURED");
    expect(await stockOf(product.id)).toEqual({ onHand: 8, reserved: 0, allocated: 0 });
  });

  it("success and failure racing: the order is confirmed whichever comes first, and the stock adds up", async () => {
    const { product, placed } = await orderWithOneProduct();
    const success = stripeEventPayload("payment_intent.succeeded", intentObject(placed, { status: "succeeded" }));
    const failure = stripeEventPayload("payment_intent.payment_failed", intentObject(placed, { last_payment_error: { message: "Your card was declined." } }));
    const answers = await Promise.all([post(failure), post(success)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true } });
    expect(order.status).toBe("CONFIRMED");
    expect(order.payments[0]?.status).toBe("CAPTURED");
    expect(await stockOf(product.id)).toEqual({ onHand: 8, reserved: 0, allocated: 0 });
  });

  it("a success arriving after the order was cancelled is refunded in full, without touching the ledger", async () => {
    const { product, buyer, placed } = await orderWithOneProduct();
    await payWithCard(t.db, placed, "4000 0000 0000 0002");
    await (await callerFor(t.db, buyer.id)).orders.cancel({ orderId: placed.orderId, reason: "Gave up after the decline" });
    const late = stripeEventPayload("payment_intent.succeeded", intentObject(placed, { status: "succeeded" }));
    expect((await post(late)).body.outcome).toBe("applied");

    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: { include: { refunds: true } } } });
    expect(order.status).toBe("CANCELLED");
    expect(order.payments[0]).toMatchObject({ status: "REFUNDED", refundedCents: placed.totalCents });
    expect(order.payments[0]?.refunds).toEqual([expect.objectContaining({ amountCents: placed.totalCents, status: "SUCCEEDED" })]);
    expect(await stockOf(product.id)).toEqual({ onHand: 10, reserved: 0, allocated: 0 });
    await drainOutbox(t.db);
    expect(await t.db.ledgerTransaction.count({ where: { orderId: placed.orderId } })).toBe(0);
  });

  // This course leaves the written-out transaction for Prisma's (see applyStripeEvent): the first
  // try's dedupe row must roll back with it, and the twins must still apply it once.
  it("the same late success delivered 5 times at once is refunded once", async () => {
    const { buyer, placed } = await orderWithOneProduct();
    await (await callerFor(t.db, buyer.id)).orders.cancel({ orderId: placed.orderId, reason: "Changed my mind" });
    const late = stripeEventPayload("payment_intent.succeeded", intentObject(placed, { status: "succeeded" }));

    const answers = await Promise.all(Array.from({ length: 5 }, () => post(late)));

    expect(answers.map((a) => a.body.outcome).sort()).toEqual(["applied", "duplicate", "duplicate", "duplicate", "duplicate"]);
    expect(await t.db.webhookEvent.count({ where: { eventId: (JSON.parse(late) as { id: string }).id } })).toBe(1);
    const payment = await t.db.payment.findUniqueOrThrow({ where: { id: placed.paymentId }, include: { refunds: true } });
    expect(payment).toMatchObject({ status: "REFUNDED", refundedCents: placed.totalCents });
    expect(payment.refunds).toHaveLength(1);
    const notes = await t.db.orderStatusHistory.findMany({ where: { orderId: placed.orderId, note: { contains: "arrived after this order was cancelled" } } });
    expect(notes).toHaveLength(1);
  });
});

describe("a success for the wrong amount", () => {
  it("does not confirm the order: the money goes back, the order is cancelled, the stock released, the ledger untouched", async () => {
    const { product, placed } = await orderWithOneProduct();
    const short = stripeEventPayload("payment_intent.succeeded", intentObject(placed, { status: "succeeded", amount_received: placed.totalCents - 100 }));
    expect((await post(short)).body.outcome).toBe("applied");

    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true, history: true, cart: true } });
    expect(order.status).toBe("CANCELLED");
    expect(order.cancelReason).toMatch(/received for a payment of/);
    expect(order.payments[0]).toMatchObject({ status: "FAILED", refundedCents: 0 });
    expect(order.payments[0]?.failureMessage).toMatch(/refunded in full \(re_sim_/);
    expect(order.cart?.status).toBe("ACTIVE");
    expect(await stockOf(product.id)).toEqual({ onHand: 10, reserved: 0, allocated: 0 });
    await drainOutbox(t.db);
    expect(await t.db.ledgerTransaction.count({ where: { orderId: placed.orderId } })).toBe(0);
  });

  it("in another currency is refused the same way", async () => {
    const { placed } = await orderWithOneProduct();
    const euros = stripeEventPayload("payment_intent.succeeded", intentObject(placed, { status: "succeeded", currency: "eur" }));
    expect((await post(euros)).body.outcome).toBe("applied");
    const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { payments: true } });
    expect(order.status).toBe("CANCELLED");
    expect(order.payments[0]?.failureMessage).toMatch(/EUR received for a payment of .* USD/);
  });
});

describe("bad requests", () => {
  it("refuses a wrong signature, a tampered body and a missing header with 400, recording nothing", async () => {
    const { placed } = await orderWithOneProduct();
    const payload = stripeEventPayload("payment_intent.succeeded", intentObject(placed, { status: "succeeded" }));
    const before = await t.db.webhookEvent.count();

    const wrongSecret = await post(payload, signStripePayload(payload, "whsec_not_ours"));
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body.error?.message).toMatch(/signature/i);

    const signature = signStripePayload(payload);
    expect((await post(payload.replace(String(placed.totalCents), "1"), signature)).status).toBe(400);

    const missing = await POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: payload }));
    expect(missing.status).toBe(400);

    expect(await t.db.webhookEvent.count()).toBe(before);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("PENDING_PAYMENT");
  });

  it("answers 200 to events it does not act on and to unknown PaymentIntents", async () => {
    expect((await post(stripeEventPayload("payment_intent.succeeded", { id: "pi_unknown", object: "payment_intent", amount: 100 }))).body.outcome).toBe(
      "ignored",
    );
  });
});

describe("the ledger split", () => {
  it("two sellers, one payment: two shipments, two pending credits (held until the payout hold ends), commission to the platform, exact to the cent", async () => {
    // Seller A: 10% default commission; seller B: 12.5% override. US has no tax rate here.
    const a = await createSeller(t.db, { shippingFlatCents: 500, freeShippingOverCents: null });
    const b = await createSeller(t.db, { shippingFlatCents: 300, freeShippingOverCents: null, commissionBps: 1250 });
    const { product: pa } = await createProduct(t.db, a.seller.id, { priceCents: 1999, stock: 5 });
    const { product: pb } = await createProduct(t.db, b.seller.id, { priceCents: 3333, stock: 5 });
    const buyer = await createBuyer(t.db);
    const placed = await placeOrder(t.db, buyer.id, [
      { productId: pa.id, quantity: 2 },
      { productId: pb.id, quantity: 1 },
    ]);
    // A: 3998 + 500 shipping; B: 3333 + 300 shipping.
    expect(placed.totalCents).toBe(8131);
    await payWithCard(t.db, placed);
    await drainOutbox(t.db);

    const split = await t.db.ledgerTransaction.findFirstOrThrow({
      where: { paymentId: placed.paymentId, kind: "PAYMENT_SPLIT" },
      include: { entries: { include: { account: true } } },
    });
    const shipments = await t.db.shipment.findMany({ where: { orderId: placed.orderId } });
    expect(shipments).toHaveLength(2);
    const shipmentOf = (sellerId: string) => shipments.find((s) => s.sellerId === sellerId)?.id;
    const credits = split.entries.filter((e) => e.direction === "CREDIT").map((e) => [e.account.kind, e.account.sellerId, e.shipmentId, e.amountCents]);
    expect(credits).toEqual(
      expect.arrayContaining([
        ["PAYMENT_CLEARING", null, null, 8131],
        // A: commission round(10% of 4498) = 450; B: round(12.5% of 3633) = 454.
        ["SELLER_PENDING", a.seller.id, shipmentOf(a.seller.id), 4048],
        ["PLATFORM_REVENUE", null, shipmentOf(a.seller.id), 450],
        ["SELLER_PENDING", b.seller.id, shipmentOf(b.seller.id), 3179],
        ["PLATFORM_REVENUE", null, shipmentOf(b.seller.id), 454],
      ]),
    );
    expect(credits).toHaveLength(5);
    const debits = split.entries.filter((e) => e.direction === "DEBIT").reduce((s, e) => s + e.amountCents, 0);
    expect(debits).toBe(8131 * 2);
    expect(await balanceOf(t.db, `seller:${a.seller.id}:pending:USD`)).toBe(4048);
    expect(await balanceOf(t.db, `seller:${b.seller.id}:pending:USD`)).toBe(3179);
    expect(await balanceOf(t.db, "platform:clearing:USD")).toBe(0);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("gives the seller the tax and takes commission only on goods and shipping", async () => {
    await setTaxRate(t.db, "DE", 1900);
    const { seller } = await createSeller(t.db, { shippingFlatCents: 500, freeShippingOverCents: null });
    const { product } = await createProduct(t.db, seller.id, { priceCents: 10_000, stock: 5 });
    const buyer = await createBuyer(t.db);
    const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 1 }], "DE");
    await payWithCard(t.db, placed);
    await drainOutbox(t.db);
    const shipment = await t.db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId } });
    expect(shipment.taxCents).toBeGreaterThan(0);
    const commission = Math.round((shipment.subtotalCents - shipment.discountCents + shipment.shippingCents) / 10);
    expect(await balanceOf(t.db, `seller:${seller.id}:pending:USD`)).toBe(shipment.totalCents - commission);
  });
});

describe("charge.refunded", () => {
  it("records a refund made in the Stripe dashboard once, reverses the ledger in proportion, and ignores replays", async () => {
    const { seller, placed } = await orderWithOneProduct({ priceCents: 5000, quantity: 1 });
    await payWithCard(t.db, placed);
    await drainOutbox(t.db);
    const payableBefore = await balanceOf(t.db, `seller:${seller.id}:pending:USD`);
    const revenueBefore = await balanceOf(t.db, "platform:revenue:USD");

    await simulateDashboardRefund(t.db, { paymentIntentId: placed.paymentIntentId, amountCents: 1100 }, { deliver: deliverToWebhookRoute });

    const payment = await t.db.payment.findUniqueOrThrow({ where: { id: placed.paymentId }, include: { refunds: true } });
    expect(payment).toMatchObject({ status: "CAPTURED", refundedCents: 1100 });
    expect(payment.refunds).toHaveLength(1);
    // 5500 total, 550 commission: a 1100 refund takes back 110 commission and 990 from the seller.
    expect(await balanceOf(t.db, `seller:${seller.id}:pending:USD`)).toBe(payableBefore - 990);
    expect(await balanceOf(t.db, "platform:revenue:USD")).toBe(revenueBefore - 110);

    // The same running total again (an older or replayed event with a new id) records nothing new.
    const replay = stripeEventPayload("charge.refunded", {
      id: "ch_x",
      object: "charge",
      payment_intent: placed.paymentIntentId,
      amount_refunded: 1100,
      refunds: { data: [] },
    });
    expect((await post(replay)).body.outcome).toBe("ignored");
    expect(await t.db.refund.count({ where: { paymentId: placed.paymentId } })).toBe(1);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });
});
