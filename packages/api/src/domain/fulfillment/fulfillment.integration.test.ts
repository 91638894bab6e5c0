// Sellers work their shipments, the carrier webhook delivers them, the order follows, the
// buyer's timeline shows every step; and nobody sees or touches what is not theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { getEnv } from "../../env";
import { POST as carrierWebhook } from "../../http/carrier-webhook";
import { callerFor } from "../../testing";
import { createBuyer, createProduct, createSeller } from "../../testing/factories";
import { payWithCard, placeOrder, useDatabaseForHandlers } from "../../testing/payments";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

async function twoSellerOrder({ pay = true } = {}) {
  const a = await createSeller(t.db);
  const b = await createSeller(t.db);
  const { product: pa } = await createProduct(t.db, a.seller.id, { stock: 5 });
  const { product: pb } = await createProduct(t.db, b.seller.id, { stock: 5 });
  const buyer = await createBuyer(t.db);
  const placed = await placeOrder(t.db, buyer.id, [
    { productId: pa.id, quantity: 1 },
    { productId: pb.id, quantity: 2 },
  ]);
  if (pay) await payWithCard(t.db, placed);
  return { a, b, pa, pb, buyer, placed, sellerA: await callerFor(t.db, a.user.id), sellerB: await callerFor(t.db, b.user.id) };
}

const carrier = (body: unknown, secret: string | null = getEnv().CARRIER_WEBHOOK_SECRET) =>
  carrierWebhook(
    new Request("http://localhost/api/webhooks/carrier", {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
      body: JSON.stringify(body),
    }),
  );

const orderStatus = async (orderId: string) => (await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status;

describe("seller shipments", () => {
  it("lists paid orders only, and only the seller's own part", async () => {
    const unpaid = await twoSellerOrder({ pay: false });
    expect((await unpaid.sellerA.fulfillment.list()).items).toEqual([]);

    const { a, placed, sellerA, sellerB } = await twoSellerOrder();
    const list = (await sellerA.fulfillment.list()).items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: "PENDING", order: { id: placed.orderId } });
    expect(list[0]?.items).toHaveLength(1);
    expect((await sellerB.fulfillment.list({ status: "PENDING" })).items).toHaveLength(1);

    const [aShipment] = list;
    // Seller B may neither read nor change A's shipment: it does not exist for them.
    await expect(sellerB.fulfillment.get({ shipmentId: aShipment!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sellerB.fulfillment.markShipped({ shipmentId: aShipment!.id, carrier: "UPS", trackingNumber: "1Z0001" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await t.db.shipment.findUniqueOrThrow({ where: { id: aShipment!.id } })).sellerId).toBe(a.seller.id);
    // Unpaid orders cannot be worked either.
    const [unpaidShipment] = await t.db.shipment.findMany({ where: { orderId: unpaid.placed.orderId, sellerId: unpaid.a.seller.id } });
    await expect(unpaid.sellerA.fulfillment.markProcessing({ shipmentId: unpaidShipment!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a buyer and bad input with messages a person can act on", async () => {
    const { buyer, sellerA } = await twoSellerOrder();
    await expect((await callerFor(t.db, buyer.id)).fulfillment.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [shipment] = (await sellerA.fulfillment.list()).items;
    await expect(sellerA.fulfillment.markShipped({ shipmentId: shipment!.id, carrier: "", trackingNumber: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(sellerA.fulfillment.markShipped({ shipmentId: shipment!.id, carrier: "UPS", trackingNumber: "<script>" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("order status follows its shipments", () => {
  it("processing, shipped, delivered: the order moves with them and the buyer's timeline shows each step with tracking", async () => {
    const { placed, buyer, sellerA, sellerB } = await twoSellerOrder();
    const [sa] = (await sellerA.fulfillment.list()).items;
    const [sb] = (await sellerB.fulfillment.list()).items;

    await sellerA.fulfillment.markProcessing({ shipmentId: sa!.id });
    expect(await orderStatus(placed.orderId)).toBe("PROCESSING");
    await sellerA.fulfillment.markShipped({ shipmentId: sa!.id, carrier: "UPS", trackingNumber: "1Z-A-0001" });
    expect(await orderStatus(placed.orderId)).toBe("PROCESSING");
    await sellerB.fulfillment.markShipped({ shipmentId: sb!.id, carrier: "DHL", trackingNumber: "JD0002" });
    expect(await orderStatus(placed.orderId)).toBe("SHIPPED");

    expect((await carrier({ trackingNumber: "1Z-A-0001", status: "delivered" })).status).toBe(200);
    expect(await orderStatus(placed.orderId)).toBe("SHIPPED");
    // Retried by the carrier: nothing changes twice.
    expect(await (await carrier({ trackingNumber: "1Z-A-0001", status: "DELIVERED" })).json()).toMatchObject({ changed: false });
    expect((await carrier({ trackingNumber: "JD0002", carrier: "dhl", status: "DELIVERED", occurredAt: "2026-11-20T10:00:00Z" })).status).toBe(200);
    expect(await orderStatus(placed.orderId)).toBe("DELIVERED");

    const detail = await (await callerFor(t.db, buyer.id)).orders.get({ orderId: placed.orderId });
    expect(detail.status).toBe("DELIVERED");
    expect(detail.shipments.map((s) => [s.status, s.carrier, s.trackingNumber]).sort()).toEqual([
      ["DELIVERED", "DHL", "JD0002"],
      ["DELIVERED", "UPS", "1Z-A-0001"],
    ]);
    const orderSteps = detail.timeline.filter((h) => !h.shipmentId).map((h) => h.status);
    expect(orderSteps).toEqual(["PENDING_PAYMENT", "PAID", "CONFIRMED", "PROCESSING", "SHIPPED", "DELIVERED"]);
    expect(detail.timeline.filter((h) => h.shipmentId === sa!.id).map((h) => h.status)).toEqual(["PROCESSING", "SHIPPED", "DELIVERED"]);
    expect(detail.timeline.every((h) => h.createdAt instanceof Date)).toBe(true);
    expect(detail.shipments.find((s) => s.carrier === "DHL")?.deliveredAt).toEqual(new Date("2026-11-20T10:00:00Z"));
    expect(detail.timeline.find((h) => h.shipmentId === sa!.id && h.status === "SHIPPED")?.note).toMatch(/UPS.*1Z-A-0001/);
    expect(detail.shipments.every((s) => s.items.every((i) => i.canReview))).toBe(true);

    const events = await t.db.outboxEvent.findMany({ where: { name: "shipment/status-changed", payload: { path: ["orderId"], equals: placed.orderId } } });
    expect(events).toHaveLength(5); // A: processing, shipped, delivered; B: shipped, delivered
  });

  it("a delivered shipment cannot go back, and a cancelled part cannot ship", async () => {
    const { placed, sellerA } = await twoSellerOrder();
    const [sa] = (await sellerA.fulfillment.list()).items;
    await sellerA.fulfillment.markShipped({ shipmentId: sa!.id, carrier: "UPS", trackingNumber: "1Z-B-0003" });
    await expect(sellerA.fulfillment.markProcessing({ shipmentId: sa!.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const admin = await callerFor(t.db, (await t.db.user.create({ data: { email: `admin-${placed.orderId}@test.bazaar`, role: "ADMIN" } })).id);
    const other = await twoSellerOrder();
    await admin.orders.adminRefund({ orderId: other.placed.orderId, sellerId: other.a.seller.id, reason: "Out of stock at the warehouse" });
    const [cancelled] = await t.db.shipment.findMany({ where: { orderId: other.placed.orderId, sellerId: other.a.seller.id } });
    await expect(other.sellerA.fulfillment.markShipped({ shipmentId: cancelled!.id, carrier: "UPS", trackingNumber: "1Z-C-0004" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/cancelled and refunded/) as unknown,
    });
  });
});

describe("carrier webhook", () => {
  it("needs the shared secret and a known tracking number", async () => {
    expect((await carrier({ trackingNumber: "X1", status: "DELIVERED" }, "wrong")).status).toBe(401);
    expect((await carrier({ trackingNumber: "X1", status: "DELIVERED" }, null)).status).toBe(401);
    expect((await carrier({ status: "DELIVERED" })).status).toBe(400);
    expect((await carrier({ trackingNumber: "NO-SUCH-PARCEL", status: "DELIVERED" })).status).toBe(404);
    expect(await (await carrier({ trackingNumber: "NO-SUCH-PARCEL", status: "IN_TRANSIT" })).json()).toMatchObject({ changed: false });
  });
});

describe("buyer orders", () => {
  it("a buyer lists and reads only their own orders", async () => {
    const { placed, buyer } = await twoSellerOrder();
    const mine = await callerFor(t.db, buyer.id);
    expect((await mine.orders.list()).items.map((o) => o.id)).toEqual([placed.orderId]);
    expect((await mine.orders.list()).items[0]).toMatchObject({ itemCount: 2, totalCents: placed.totalCents });
    const stranger = await callerFor(t.db, (await createBuyer(t.db)).id);
    expect((await stranger.orders.list()).items).toEqual([]);
    await expect(stranger.orders.get({ orderId: placed.orderId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const guest = await callerFor(t.db, null);
    await expect(guest.orders.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
