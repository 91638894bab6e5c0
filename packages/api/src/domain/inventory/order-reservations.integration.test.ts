import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { createBuyer, createProduct, createSeller, createWarehouse } from "../../testing/factories";
import { setCartItemReservation } from "./cart-reservations";
import {
  hardenCartReservations,
  releaseExpiredCartReservations,
  releaseOrderStock,
  restockOrder,
  restoreCartReservations,
  sellOrderStock,
} from "./order-reservations";
import { SOFT_RESERVATION_MS } from "./constants";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

async function stockOf(productId: string) {
  const rows = await t.db.stockLevel.findMany({ where: { productId }, orderBy: { onHand: "desc" } });
  return rows.map(({ onHand, reserved, allocated }) => ({ onHand, reserved, allocated }));
}

async function cartWithLine(productId: string, variantId: string, sellerId: string, quantity: number) {
  const buyer = await createBuyer(t.db);
  const cart = await t.db.cart.create({ data: { buyerId: buyer.id } });
  const item = await t.db.cartItem.create({ data: { cartId: cart.id, productId, variantId, sellerId, quantity, unitPriceCents: 100, currency: "USD" } });
  return { buyer, cart, item };
}

async function orderFor(buyerId: string, cartId: string, sellerId: string, productId: string, variantId: string, quantity: number) {
  const order = await t.db.order.create({
    data: {
      buyerId,
      cartId,
      currency: "USD",
      subtotalCents: 100 * quantity,
      totalCents: 100 * quantity,
      shippingAddress: {},
      idempotencyKey: `k-${Math.random()}`,
    },
  });
  const shipment = await t.db.shipment.create({ data: { orderId: order.id, sellerId, subtotalCents: 100 * quantity, totalCents: 100 * quantity } });
  const item = await t.db.orderItem.create({
    data: {
      orderId: order.id,
      shipmentId: shipment.id,
      productId,
      variantId,
      sellerId,
      sku: "S",
      name: "P",
      quantity,
      unitPriceCents: 100,
      subtotalCents: 100 * quantity,
      currency: "USD",
    },
  });
  return { order, item };
}

describe("stock holds through a cart and an order", () => {
  it("holds, hardens, sells and restocks exactly once, across warehouses", async () => {
    const { seller, warehouse } = await createSeller(t.db);
    const second = await createWarehouse(t.db, seller.id);
    const { product, variant } = await createProduct(t.db, seller.id, { stock: { [warehouse.id]: 4, [second.id]: 3 }, name: "Lamp" });
    const { buyer, cart, item } = await cartWithLine(product.id, variant.id, seller.id, 6);

    await setCartItemReservation(t.db, {
      cartId: cart.id,
      cartItemId: item.id,
      productId: product.id,
      variantId: variant.id,
      productName: "Lamp",
      quantity: 6,
    });
    expect(await stockOf(product.id)).toEqual([
      { onHand: 4, reserved: 4, allocated: 0 },
      { onHand: 3, reserved: 2, allocated: 0 },
    ]);
    await expect(
      setCartItemReservation(t.db, { cartId: cart.id, cartItemId: item.id, productId: product.id, variantId: variant.id, productName: "Lamp", quantity: 8 }),
    ).rejects.toThrow(/Only 7 of "Lamp" available/);

    await setCartItemReservation(t.db, {
      cartId: cart.id,
      cartItemId: item.id,
      productId: product.id,
      variantId: variant.id,
      productName: "Lamp",
      quantity: 5,
    });
    expect((await stockOf(product.id)).reduce((sum, row) => sum + row.reserved, 0)).toBe(5);

    const { order, item: orderItem } = await orderFor(buyer.id, cart.id, seller.id, product.id, variant.id, 5);
    await t.db.$transaction((tx) =>
      hardenCartReservations(tx, {
        cartId: cart.id,
        orderId: order.id,
        lines: [{ cartItemId: item.id, orderItemId: orderItem.id, productId: product.id, variantId: variant.id, productName: "Lamp", quantity: 5 }],
      }),
    );
    expect((await stockOf(product.id)).map((row) => row.reserved)).toEqual([0, 0]);
    expect((await stockOf(product.id)).reduce((sum, row) => sum + row.allocated, 0)).toBe(5);

    expect(await sellOrderStock(t.db, order.id)).toEqual({ units: 5 });
    expect(await sellOrderStock(t.db, order.id)).toEqual({ units: 0 });
    expect(await releaseOrderStock(t.db, order.id, "RELEASED")).toEqual({ units: 0 });
    expect((await stockOf(product.id)).reduce((sum, row) => sum + row.onHand + row.allocated, 0)).toBe(2);
    expect((await t.db.product.findUniqueOrThrow({ where: { id: product.id } })).salesCount).toBe(5);

    expect(await restockOrder(t.db, { orderId: order.id, sellerId: "someone-else" })).toEqual({ units: 0 });
    expect(await restockOrder(t.db, { orderId: order.id })).toEqual({ units: 5 });
    expect(await restockOrder(t.db, { orderId: order.id })).toEqual({ units: 0 });
    expect(await stockOf(product.id)).toEqual([
      { onHand: 4, reserved: 0, allocated: 0 },
      { onHand: 3, reserved: 0, allocated: 0 },
    ]);
  });

  it("undoes a checkout's holds and releases an unpaid order once", async () => {
    const { seller } = await createSeller(t.db);
    const { product, variant } = await createProduct(t.db, seller.id, { stock: 5 });
    const { buyer, cart, item } = await cartWithLine(product.id, variant.id, seller.id, 2);
    const { order, item: orderItem } = await orderFor(buyer.id, cart.id, seller.id, product.id, variant.id, 2);
    const lines = [{ cartItemId: item.id, orderItemId: orderItem.id, productId: product.id, variantId: variant.id, productName: "P", quantity: 2 }];
    // No SOFT hold yet (as after a failed payment): checkout reserves it on the spot.
    await t.db.$transaction((tx) => hardenCartReservations(tx, { cartId: cart.id, orderId: order.id, lines }));
    expect(await stockOf(product.id)).toEqual([{ onHand: 5, reserved: 0, allocated: 2 }]);
    await t.db.$transaction((tx) => restoreCartReservations(tx, order.id));
    expect(await stockOf(product.id)).toEqual([{ onHand: 5, reserved: 2, allocated: 0 }]);
    expect(await t.db.reservation.count({ where: { cartItemId: item.id, type: "SOFT", status: "ACTIVE" } })).toBe(1);

    await t.db.$transaction((tx) => hardenCartReservations(tx, { cartId: cart.id, orderId: order.id, lines }));
    expect(await releaseOrderStock(t.db, order.id, "EXPIRED")).toEqual({ units: 2 });
    expect(await releaseOrderStock(t.db, order.id, "EXPIRED")).toEqual({ units: 0 });
    expect(await stockOf(product.id)).toEqual([{ onHand: 5, reserved: 0, allocated: 0 }]);
  });

  it("sweeps expired cart holds once, leaving fresh ones", async () => {
    const { seller } = await createSeller(t.db);
    const { product, variant } = await createProduct(t.db, seller.id, { stock: 10 });
    const old = await cartWithLine(product.id, variant.id, seller.id, 3);
    const fresh = await cartWithLine(product.id, variant.id, seller.id, 2);
    const past = new Date(Date.now() - 2 * SOFT_RESERVATION_MS);
    await setCartItemReservation(t.db, {
      cartId: old.cart.id,
      cartItemId: old.item.id,
      productId: product.id,
      variantId: variant.id,
      productName: "P",
      quantity: 3,
      now: past,
    });
    await setCartItemReservation(t.db, {
      cartId: fresh.cart.id,
      cartItemId: fresh.item.id,
      productId: product.id,
      variantId: variant.id,
      productName: "P",
      quantity: 2,
    });
    expect(await releaseExpiredCartReservations(t.db)).toBe(1);
    expect(await releaseExpiredCartReservations(t.db)).toBe(0);
    expect(await stockOf(product.id)).toEqual([{ onHand: 10, reserved: 2, allocated: 0 }]);
  });
});
