// Verified-purchase reviews: only after delivery, once per buyer and product, and the product's
// rating aggregates stay exact under concurrent reviews.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createBuyer, createProduct, createSeller } from "../../testing/factories";
import { payWithCard, placeOrder, useDatabaseForHandlers } from "../../testing/payments";
import { markShipmentDelivered } from "../fulfillment/shipments";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

/** A buyer's paid order of the product, shipped, and delivered unless told otherwise. */
async function buy(productId: string, sellerUserId: string, { deliver = true } = {}) {
  const buyer = await createBuyer(t.db);
  const placed = await placeOrder(t.db, buyer.id, [{ productId, quantity: 1 }]);
  await payWithCard(t.db, placed);
  const seller = await callerFor(t.db, sellerUserId);
  const shipment = await t.db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId } });
  const trackingNumber = `TRK${shipment.id}`;
  await seller.fulfillment.markShipped({ shipmentId: shipment.id, carrier: "UPS", trackingNumber });
  if (deliver) await markShipmentDelivered(t.db, { trackingNumber });
  return { buyer, caller: await callerFor(t.db, buyer.id) };
}

describe("reviews", () => {
  it("only after delivery, once, as a verified purchase; the rating aggregates follow", async () => {
    const { seller, user } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 20 });

    const notYet = await buy(product.id, user.id, { deliver: false });
    await expect(notYet.caller.reviews.create({ productId: product.id, rating: 5 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "You can review a product once an order of it has been delivered to you.",
    });
    const stranger = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(stranger.reviews.create({ productId: product.id, rating: 5 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(stranger.reviews.create({ productId: "no-such-product", rating: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { caller } = await buy(product.id, user.id);
    await expect(caller.reviews.create({ productId: product.id, rating: 6 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const review = await caller.reviews.create({ productId: product.id, rating: 4, title: " Good sound ", body: "Clear highs." });
    expect(review).toMatchObject({ rating: 4, title: "Good sound", verifiedPurchase: true });
    await expect(caller.reviews.create({ productId: product.id, rating: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You have already reviewed this product.",
    });
    expect(await t.db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ ratingCount: 1, ratingSum: 4, ratingAvg: 4 });

    const page = await stranger.reviews.forProduct({ productId: product.id });
    expect(page.items).toEqual([expect.objectContaining({ rating: 4, title: "Good sound", verifiedPurchase: true })]);
  });

  it("concurrent reviews of one product all count", async () => {
    const { seller, user } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 20 });
    const buyers = [];
    for (let i = 0; i < 6; i++) buyers.push(await buy(product.id, user.id));
    const ratings = [5, 4, 3, 5, 2, 5];
    await Promise.all(buyers.map((b, i) => b.caller.reviews.create({ productId: product.id, rating: ratings[i]! })));
    const after = await t.db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(after).toMatchObject({ ratingCount: 6, ratingSum: 24, ratingAvg: 4 });
  });
});
