// Refunds by item and returns (RMA), on a real database through the tRPC callers, paying through
// the simulator and the real webhook route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../../events/drain";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createProduct, createSeller, createWarehouse, uniqueSuffix } from "../../testing/factories";
import { ledgerIsBalanced, payWithCard, placeOrder, shipAndDeliver, useDatabaseForHandlers } from "../../testing/payments";

let t: TestDatabase;
let adminId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  adminId = (await createAdmin(t.db)).id;
});
afterAll(async () => t?.drop());

const onHand = async (productId: string) => (await t.db.stockLevel.aggregate({ where: { productId }, _sum: { onHand: true } }))._sum.onHand ?? 0;

/** A paid order of two products from one seller (2 x mug, 1 x plate) and one product of a second seller. */
async function paidOrder() {
  const first = await createSeller(t.db);
  const second = await createSeller(t.db);
  const mug = (await createProduct(t.db, first.seller.id, { priceCents: 1200, stock: 10 })).product;
  const plate = (await createProduct(t.db, first.seller.id, { priceCents: 3000, stock: 10 })).product;
  const bowl = (await createProduct(t.db, second.seller.id, { priceCents: 2000, stock: 10 })).product;
  const buyer = await createBuyer(t.db);
  const placed = await placeOrder(t.db, buyer.id, [
    { productId: mug.id, quantity: 2 },
    { productId: plate.id, quantity: 1 },
    { productId: bowl.id, quantity: 1 },
  ]);
  await payWithCard(t.db, placed);
  const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { items: true, shipments: true } });
  const partOf = (sellerId: string) => order.shipments.find((s) => s.sellerId === sellerId)!;
  const itemOf = (productId: string) => order.items.find((i) => i.productId === productId)!;
  return { first, second, mug, plate, bowl, buyer, order, partOf, itemOf };
}

describe("refunds by item and amount", () => {
  it("refund one unit of an unshipped line: the unit goes back on hand, the email names it, the ledger balances", async () => {
    const w = await paidOrder();
    const admin = await callerFor(t.db, adminId);
    const before = await onHand(w.mug.id);
    const result = await admin.orders.refundItems({
      orderId: w.order.id,
      shipmentId: w.partOf(w.first.seller.id).id,
      items: [{ orderItemId: w.itemOf(w.mug.id).id, quantity: 1 }],
      reason: "One mug was chipped",
      idempotencyKey: `k-${uniqueSuffix()}`,
    });
    expect(result.amountCents).toBe(1200);
    expect(result.restockedUnits).toBe(1);
    expect(await onHand(w.mug.id)).toBe(before + 1);
    expect(await t.db.orderItem.findUniqueOrThrow({ where: { id: w.itemOf(w.mug.id).id } })).toMatchObject({ refundedQuantity: 1 });
    expect(await t.db.refundItem.findMany({ where: { refundId: result.refundId }, select: { quantity: true } })).toEqual([{ quantity: 1 }]);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("a shipped line refunded does not create stock; refunding more units than are left is refused", async () => {
    const w = await paidOrder();
    await shipAndDeliver(t.db, w.first.user.id, w.partOf(w.first.seller.id).id);
    const admin = await callerFor(t.db, adminId);
    const before = await onHand(w.plate.id);
    await admin.orders.refundItems({
      orderId: w.order.id,
      shipmentId: w.partOf(w.first.seller.id).id,
      items: [{ orderItemId: w.itemOf(w.plate.id).id, quantity: 1 }],
      reason: "Arrived broken",
      idempotencyKey: `k-${uniqueSuffix()}`,
    });
    expect(await onHand(w.plate.id)).toBe(before);
    await expect(
      admin.orders.refundItems({
        orderId: w.order.id,
        shipmentId: w.partOf(w.first.seller.id).id,
        items: [{ orderItemId: w.itemOf(w.plate.id).id, quantity: 1 }],
        reason: "Again",
        idempotencyKey: `k-${uniqueSuffix()}`,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("has already been refunded") as unknown });
  });

  it("a seller refunds a custom amount on their own part, within the platform's limit; not another seller's part", async () => {
    const w = await paidOrder();
    const seller = await callerFor(t.db, w.first.user.id);
    const refunded = await seller.orders.refundItems({
      orderId: w.order.id,
      shipmentId: w.partOf(w.first.seller.id).id,
      amountCents: 500,
      reason: "Goodwill for the delay",
      idempotencyKey: `k-${uniqueSuffix()}`,
    });
    expect(refunded.amountCents).toBe(500);
    await expect(
      seller.orders.refundItems({
        orderId: w.order.id,
        shipmentId: w.partOf(w.second.seller.id).id,
        amountCents: 100,
        reason: "Not mine",
        idempotencyKey: `k-${uniqueSuffix()}`,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await (await callerFor(t.db, adminId)).admin.settings.update({ sellerRefundLimitCents: 300 });
    await expect(
      seller.orders.refundItems({
        orderId: w.order.id,
        shipmentId: w.partOf(w.first.seller.id).id,
        amountCents: 400,
        reason: "Too much",
        idempotencyKey: `k-${uniqueSuffix()}`,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Sellers can refund at most $3.00 at once. Ask Bazaar support for a larger refund." });
    await (await callerFor(t.db, adminId)).admin.settings.update({ sellerRefundLimitCents: 50_000 });
    // The buyer cannot refund themselves.
    await expect(
      (await callerFor(t.db, w.buyer.id)).orders.refundItems({
        orderId: w.order.id,
        shipmentId: w.partOf(w.first.seller.id).id,
        amountCents: 100,
        reason: "Refund myself",
        idempotencyKey: `k-${uniqueSuffix()}`,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("returns", () => {
  it("request, approve, send, receive with restock: one unit back in the chosen warehouse, refunded, timeline and state", async () => {
    const w = await paidOrder();
    const part = w.partOf(w.first.seller.id);
    await shipAndDeliver(t.db, w.first.user.id, part.id);
    const spare = await createWarehouse(t.db, w.first.seller.id);
    const buyer = await callerFor(t.db, w.buyer.id);
    const seller = await callerFor(t.db, w.first.user.id);

    const request = await buyer.returns.request({
      orderId: w.order.id,
      shipmentId: part.id,
      items: [{ orderItemId: w.itemOf(w.plate.id).id, quantity: 1 }],
      reason: "Wrong colour",
    });
    // The same unit cannot be asked for twice while the first return is open.
    await expect(
      buyer.returns.request({ orderId: w.order.id, shipmentId: part.id, items: [{ orderItemId: w.itemOf(w.plate.id).id, quantity: 1 }], reason: "Again" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already refunded or in another return") as unknown });
    // The other seller cannot touch it; the buyer cannot approve it.
    await expect((await callerFor(t.db, w.second.user.id)).returns.approve({ returnId: request.id, instructions: "Send it" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(buyer.returns.approve({ returnId: request.id, instructions: "Send it" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await seller.returns.approve({ returnId: request.id, instructions: "Post it to 1 Return Lane, Springfield" });
    await buyer.returns.markSent({ returnId: request.id, carrier: "USPS", trackingNumber: "RET123" });
    const before = await t.db.stockLevel.findUnique({ where: { variantId_warehouseId: { variantId: w.itemOf(w.plate.id).variantId, warehouseId: spare.id } } });
    const totalBefore = await onHand(w.plate.id);
    const received = await seller.returns.receive({
      returnId: request.id,
      items: [{ orderItemId: w.itemOf(w.plate.id).id, disposition: "RESTOCK", warehouseId: spare.id }],
    });
    expect(received).toMatchObject({ status: "RECEIVED", refundedCents: 3000 });
    expect(before).toBeNull();
    expect(
      await t.db.stockLevel.findUniqueOrThrow({ where: { variantId_warehouseId: { variantId: w.itemOf(w.plate.id).variantId, warehouseId: spare.id } } }),
    ).toMatchObject({
      onHand: 1,
    });
    expect(await onHand(w.plate.id)).toBe(totalBefore + 1);
    const order = await buyer.orders.get({ orderId: w.order.id });
    expect(order.refundedCents).toBe(3000);
    const history = await t.db.orderStatusHistory.findMany({
      where: { orderId: w.order.id, status: { startsWith: "RETURN_" } },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => h.status)).toEqual(["RETURN_REQUESTED", "RETURN_APPROVED", "RETURN_SENT", "RETURN_RECEIVED"]);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });

    // Each step reached the other side by mail; the refund mail names the amount and the item.
    await drainOutbox(t.db);
    const toBuyer = await t.db.email.findMany({ where: { to: w.buyer.email, template: "notice" }, orderBy: { createdAt: "asc" } });
    expect(toBuyer.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        `Return #${request.number} (order #${w.order.number}) is approved`,
        `Return #${request.number} (order #${w.order.number}) was received`,
        `Refund of $30.00 on order #${w.order.number}`,
      ]),
    );
    expect(toBuyer.find((m) => m.subject.startsWith("Refund"))?.text).toContain(`1 × ${w.plate.name}`);
    expect(toBuyer.find((m) => m.subject.endsWith("is approved"))?.text).toContain("1 Return Lane, Springfield");
    const toSeller = await t.db.email.findMany({ where: { to: w.first.seller.contactEmail, template: "notice" } });
    expect(toSeller.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        `Return #${request.number} (order #${w.order.number}): the buyer asks to return items`,
        `Return #${request.number} (order #${w.order.number}) is on its way back`,
      ]),
    );
  });

  it("a return received twice at the same moment is refunded and restocked once", async () => {
    const w = await paidOrder();
    const part = w.partOf(w.first.seller.id);
    await shipAndDeliver(t.db, w.first.user.id, part.id);
    const buyer = await callerFor(t.db, w.buyer.id);
    const seller = await callerFor(t.db, w.first.user.id);
    const request = await buyer.returns.request({
      orderId: w.order.id,
      shipmentId: part.id,
      items: [{ orderItemId: w.itemOf(w.mug.id).id, quantity: 2 }],
      reason: "Too small",
    });
    await seller.returns.approve({ returnId: request.id, instructions: "Any post office will do" });
    const before = await onHand(w.mug.id);
    const admin = await callerFor(t.db, adminId);
    const outcomes = await Promise.allSettled([
      seller.returns.receive({ returnId: request.id, items: [{ orderItemId: w.itemOf(w.mug.id).id, disposition: "RESTOCK" }] }),
      admin.returns.receive({ returnId: request.id, items: [{ orderItemId: w.itemOf(w.mug.id).id, disposition: "RESTOCK" }] }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toMatchObject({
      code: "CONFLICT",
      message: `Return #${request.number} is already received, so it cannot be received again.`,
    });
    expect(await onHand(w.mug.id)).toBe(before + 2);
    expect(await t.db.refund.count({ where: { payment: { orderId: w.order.id } } })).toBe(1);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("written-off units stay off the shelf; a rejected return refunds nothing; the window closes after the shop's days", async () => {
    const w = await paidOrder();
    const part = w.partOf(w.first.seller.id);
    await shipAndDeliver(t.db, w.first.user.id, part.id, new Date(Date.now() - 40 * 24 * 3600_000));
    const buyer = await callerFor(t.db, w.buyer.id);
    await expect(
      buyer.returns.request({ orderId: w.order.id, shipmentId: part.id, items: [{ orderItemId: w.itemOf(w.mug.id).id, quantity: 1 }], reason: "Late" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("accepts returns for 30 days after delivery") as unknown });
    await t.db.seller.update({ where: { id: w.first.seller.id }, data: { returnWindowDays: 60 } });
    const seller = await callerFor(t.db, w.first.user.id);
    const rejected = await buyer.returns.request({
      orderId: w.order.id,
      shipmentId: part.id,
      items: [{ orderItemId: w.itemOf(w.mug.id).id, quantity: 1 }],
      reason: "Meh",
    });
    await seller.returns.reject({ returnId: rejected.id, reason: "Used items cannot be returned" });
    const kept = await buyer.returns.request({
      orderId: w.order.id,
      shipmentId: part.id,
      items: [{ orderItemId: w.itemOf(w.mug.id).id, quantity: 1 }],
      reason: "Broken",
    });
    await seller.returns.approve({ returnId: kept.id, instructions: "Send a photo and the mug" });
    const before = await onHand(w.mug.id);
    const received = await seller.returns.receive({ returnId: kept.id, items: [{ orderItemId: w.itemOf(w.mug.id).id, disposition: "WRITE_OFF" }] });
    expect(received.refundedCents).toBe(1200);
    expect(await onHand(w.mug.id)).toBe(before);
    expect(await t.db.returnRequest.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({ status: "REJECTED", refundId: null });
  });
});
