import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@bazaar/db";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor, callerWithCookies } from "../../testing";
import {
  createAddress,
  createBuyer,
  createProduct,
  createPromo,
  createSeller,
  createWarehouse,
  setTaxRate,
  shippingAddressInput,
} from "../../testing/factories";
import { SOFT_RESERVATION_MS } from "../inventory/constants";
import { releaseExpiredCartReservations } from "../inventory/order-reservations";
import { lockCartForChange, lockCartForCheckout } from "./cart-owner";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const withCookies = (userId: string | null, guestCartToken?: string) => callerWithCookies(t.db, userId, { guestCartToken });

const reserved = async (productId: string) => (await t.db.stockLevel.aggregate({ where: { productId }, _sum: { reserved: true } }))._sum.reserved ?? 0;

describe("guest carts", () => {
  it("opens a cart under a cookie on the first add, and merges it into the buyer's cart at sign-in within stock", async () => {
    const { seller } = await createSeller(t.db);
    const { product: mug } = await createProduct(t.db, seller.id, { name: "Mug", stock: 5, priceCents: 1200 });
    const { product: plate } = await createProduct(t.db, seller.id, { name: "Plate", stock: 4 });
    const anonymous = await withCookies(null);
    expect((await anonymous.api.cart.get()).itemCount).toBe(0);
    expect(await anonymous.api.cart.count()).toBe(0);
    const first = await anonymous.api.cart.add({ productId: mug.id, quantity: 3 });
    const token = anonymous.cookies.get("bazaar_cart");
    expect(token).toMatch(/^[\w-]{20,}$/);
    expect(first.itemCount).toBe(3);

    const { api: guest, cookies: guestCookies } = await withCookies(null, token);
    await guest.cart.add({ productId: plate.id, quantity: 1 });
    expect(guestCookies.size).toBe(0);
    expect((await guest.cart.get()).itemCount).toBe(4);
    expect(await guest.cart.count()).toBe(4);

    const buyer = await createBuyer(t.db);
    const { api: signedIn, cookies: signedInCookies } = await withCookies(buyer.id, token);
    const buyerCart = await (await callerFor(t.db, buyer.id)).cart.add({ productId: mug.id, quantity: 1 });
    // The buyer's own hold lapses and another shopper takes the last 2 mugs: together the two
    // carts want 4, but only the guest's 3 held mugs remain for them.
    await t.db.reservation.updateMany({ where: { cartItemId: buyerCart.line.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await releaseExpiredCartReservations(t.db)).toBe(1);
    await (await callerFor(t.db, (await createBuyer(t.db)).id)).cart.add({ productId: mug.id, quantity: 2 });
    const merged = await signedIn.cart.mergeGuest();
    expect(merged.merged).toBe(true);
    expect(merged.notes).toEqual(['Only 3 of "Mug" could be kept in your cart.']);
    expect(merged.cart.groups[0]?.lines.map((line) => [line.name, line.quantity, line.heldQuantity]).sort()).toEqual([
      ["Mug", 3, 3],
      ["Plate", 1, 1],
    ]);
    expect(signedInCookies.get("bazaar_cart")).toBe("");
    expect(await reserved(mug.id)).toBe(5);
    expect(await reserved(plate.id)).toBe(1);
    expect((await guest.cart.get()).itemCount).toBe(0);
    expect(await guest.cart.count()).toBe(0);
    expect(await signedIn.cart.count()).toBe(merged.cart.itemCount);
    expect((await signedIn.cart.mergeGuest()).merged).toBe(false);
  });
});

describe("a buyer's first adds", () => {
  it("open one cart between them when they arrive at once, holding every line", async () => {
    const { seller } = await createSeller(t.db);
    const products = await Promise.all(Array.from({ length: 6 }, () => createProduct(t.db, seller.id, { stock: 3 })));
    const buyer = await createBuyer(t.db);
    const api = await callerFor(t.db, buyer.id);
    const added = await Promise.all(products.map(({ product }) => api.cart.add({ productId: product.id, quantity: 2 })));
    expect(new Set(added.map((answer) => answer.line.id)).size).toBe(6);
    const carts = await t.db.cart.findMany({ where: { buyerId: buyer.id }, include: { items: true } });
    expect(carts).toHaveLength(1);
    expect(carts[0]?.items).toHaveLength(6);
    for (const { product } of products) expect(await reserved(product.id)).toBe(2);
    expect((await api.cart.get()).itemCount).toBe(12);
  });
});

describe("cart changes", () => {
  it("adds of one product to one cart at once each land on its one line, all held", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 40 });
    const api = await callerFor(t.db, (await createBuyer(t.db)).id);
    await api.cart.add({ productId: product.id, quantity: 1 });
    // A double click times ten: each add reads the line after the cart's lock, so none misses another's units.
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.cart.add({ productId: product.id, quantity: 2 })));
    expect(answers.map((answer) => answer.line.quantity).sort((a, b) => a - b)).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 19, 21]);
    expect((await api.cart.get()).groups[0]?.lines.map((line) => [line.quantity, line.heldQuantity])).toEqual([[21, 21]]);
    expect(await reserved(product.id)).toBe(21);
  });

  it("holds an add over two warehouses when neither has it all, and refuses one that stock cannot cover, changing nothing", async () => {
    const { seller, warehouse } = await createSeller(t.db);
    const second = await createWarehouse(t.db, seller.id);
    const { product } = await createProduct(t.db, seller.id, { name: "Lamp", stock: { [warehouse.id]: 4, [second.id]: 3 } });
    const api = await callerFor(t.db, (await createBuyer(t.db)).id);
    // One row covers 3 (the one with the most, 4, as planAllocation picks); the next 3 need both rows.
    expect(await api.cart.add({ productId: product.id, quantity: 3 })).toMatchObject({ line: { quantity: 3 }, itemCount: 3 });
    expect(await api.cart.add({ productId: product.id, quantity: 3 })).toMatchObject({ line: { quantity: 6 }, itemCount: 6 });
    const holds = await t.db.reservation.findMany({ where: { productId: product.id, status: "ACTIVE" }, select: { stockLevelId: true, quantity: true } });
    expect(holds.reduce((sum, hold) => sum + hold.quantity, 0)).toBe(6);
    expect(new Set(holds.map((hold) => hold.stockLevelId)).size).toBe(2);
    await expect(api.cart.add({ productId: product.id, quantity: 2 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'Only 7 of "Lamp" available. Lower the quantity to 7 or less.',
    });
    // The refused add rolled back whole: the line, its holds and the stock rows are as they were.
    expect((await api.cart.get()).groups[0]?.lines.map((line) => [line.quantity, line.heldQuantity])).toEqual([[6, 6]]);
    expect(await reserved(product.id)).toBe(6);
  });

  it("groups lines by seller, shows the hold expiry and totals, and gives stock back when lowered or removed", async () => {
    const one = await createSeller(t.db, { shopName: "A Shop", shippingFlatCents: 500, freeShippingOverCents: 3000 });
    const two = await createSeller(t.db, { shopName: "B Shop", shippingFlatCents: 400, freeShippingOverCents: null });
    const { product: p1 } = await createProduct(t.db, one.seller.id, { priceCents: 1000, stock: 10 });
    const { product: p2 } = await createProduct(t.db, two.seller.id, { priceCents: 2500, stock: 10 });
    const buyer = await createBuyer(t.db);
    await createAddress(t.db, buyer.id, { country: "GB" });
    await setTaxRate(t.db, "GB", 2000);
    const api = await callerFor(t.db, buyer.id);
    const before = Date.now();
    await api.cart.add({ productId: p1.id, quantity: 2 });
    // More of a line the cart has: the reply counts the line at its new quantity, once.
    expect(await api.cart.add({ productId: p1.id, quantity: 1 })).toMatchObject({ line: { quantity: 3 }, itemCount: 3, subtotalCents: 3000 });
    // Adding answers with a summary (the line, the badge's count, the subtotal at the prices added); the cart page reads the view.
    const added = await api.cart.add({ productId: p2.id, quantity: 1 });
    expect(added).toEqual({
      line: { id: expect.any(String) as unknown, variantId: expect.any(String) as unknown, quantity: 1 },
      itemCount: 4,
      subtotalCents: 5500,
      currency: "USD",
    });
    const view = await api.cart.get();
    expect(view.groups.map((g) => [g.seller.shopName, g.lines.map((l) => l.quantity), g.totals?.shippingCents])).toEqual([
      ["A Shop", [3], 0],
      ["B Shop", [1], 400],
    ]);
    expect(view.totals).toEqual({
      subtotalCents: 5500,
      discountCents: 0,
      tierDiscountCents: 0,
      shippingDiscountCents: 0,
      shippingCents: 400,
      taxCents: 1100,
      totalCents: 7000,
      taxCalculated: true,
    });
    expect(view.reservationExpiresAt!.getTime()).toBeGreaterThanOrEqual(before + SOFT_RESERVATION_MS - 1000);
    // Every change notes the activity the abandoned-cart scan reads.
    expect((await t.db.cart.findFirstOrThrow({ where: { buyerId: buyer.id } })).lastActivityAt.getTime()).toBeGreaterThanOrEqual(before);

    await api.cart.setQuantity({ productId: p1.id, quantity: 1 });
    expect(await reserved(p1.id)).toBe(1);
    await api.cart.setQuantity({ productId: p1.id, quantity: 0 });
    expect(await reserved(p1.id)).toBe(0);
    const afterRemove = await api.cart.remove({ productId: p2.id });
    expect(afterRemove.itemCount).toBe(0);
    expect(await reserved(p2.id)).toBe(0);
    await expect(api.cart.remove({ productId: p2.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("applies and removes promo codes with reasons when they do not apply", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { priceCents: 1000, stock: 10 });
    await createPromo(t.db, { code: "SAVE5X", type: "FIXED", value: 500, minSubtotalCents: 3000 });
    await createPromo(t.db, { code: "OLD10", expiresAt: new Date("2020-01-01T00:00:00Z") });
    const api = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(api.cart.applyPromo({ code: "SAVE5X" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Your cart is empty. Add a product first." });
    await api.cart.add({ productId: product.id, quantity: 2 });
    await expect(api.cart.applyPromo({ code: "save5x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Promo code SAVE5X needs a subtotal of at least $30.00 (yours: $20.00).",
    });
    await expect(api.cart.applyPromo({ code: "OLD10" })).rejects.toThrow("Promo code OLD10 expired on 2020-01-01.");
    await expect(api.cart.applyPromo({ code: "NOPE" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Promo code NOPE does not exist. Check the spelling.",
    });
    await api.cart.setQuantity({ productId: product.id, quantity: 3 });
    const applied = await api.cart.applyPromo({ code: " save5x " });
    expect(applied.promo).toEqual({ code: "SAVE5X", applied: true, reason: null, discountCents: 500 });
    // Going under the minimum keeps the code but says why it no longer applies.
    const lowered = await api.cart.setQuantity({ productId: product.id, quantity: 2 });
    expect(lowered.promo).toMatchObject({ applied: false, discountCents: 0 });
    expect(lowered.warnings).toContain("Promo code SAVE5X needs a subtotal of at least $30.00 (yours: $20.00).");
    expect((await api.cart.removePromo()).promo).toBeNull();
  });

  it("answers bad quantities, unknown products and a foreign currency with typed, actionable errors", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 200, name: "Pen" });
    const { product: euro } = await createProduct(t.db, seller.id, { stock: 5, currency: "EUR", name: "Euro Pen" });
    const api = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(api.cart.add({ productId: product.id, quantity: -1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Add at least 1/) as unknown,
    });
    await expect(api.cart.add({ productId: product.id, quantity: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.cart.add({ productId: product.id, quantity: 1e9 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/at most 99/) as unknown,
    });
    await expect(api.cart.add({ productId: product.id, quantity: 1.5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.cart.add({ productId: "no-such-product", quantity: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.cart.add({ productId: "", quantity: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await api.cart.add({ productId: product.id, quantity: 98 });
    await expect(api.cart.add({ productId: product.id, quantity: 2 })).rejects.toThrow('You can have at most 99 of "Pen" in your cart (you have 98).');
    await expect(api.cart.setQuantity({ productId: product.id, quantity: -3 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.cart.add({ productId: euro.id, quantity: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'Your cart is in USD and "Euro Pen" is priced in EUR. Check out your cart first, then add it.',
    });
    await expect(api.checkout.start({ idempotencyKey: "short", shippingAddress: shippingAddressInput() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.checkout.start({ idempotencyKey: "key-12345678", shippingAddress: { ...shippingAddressInput(), country: "USA" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/two-letter country code/) as unknown,
    });
  });
});

describe("ownership", () => {
  it("keeps each buyer's cart and addresses their own", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 5 });
    const alice = await createBuyer(t.db);
    const bob = await createBuyer(t.db);
    const aliceApi = await callerFor(t.db, alice.id);
    const bobApi = await callerFor(t.db, bob.id);
    await aliceApi.cart.add({ productId: product.id, quantity: 2 });
    expect((await bobApi.cart.get()).itemCount).toBe(0);
    await expect(bobApi.cart.remove({ productId: product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const address = await aliceApi.address.create({ fullName: "Alice", line1: "1 Road", city: "Town", postalCode: "1", country: "de" });
    expect(address).toMatchObject({ country: "DE", isDefault: true });
    expect(await bobApi.address.list()).toEqual([]);
    await expect(bobApi.address.update({ id: address.id, city: "Elsewhere" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bobApi.address.delete({ id: address.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await bobApi.cart.add({ productId: product.id, quantity: 1 });
    await expect(bobApi.checkout.start({ idempotencyKey: "bob-checkout-1", addressId: address.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That address is not in your address book. Choose another or enter one.",
    });
    const placed = await aliceApi.checkout.start({ idempotencyKey: "alice-checkout-1", addressId: address.id });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).shippingAddress).toMatchObject({ fullName: "Alice", country: "DE" });
    const second = await aliceApi.address.create({ fullName: "Alice", line1: "2 Road", city: "Town", postalCode: "2", country: "FR", isDefault: true });
    expect((await aliceApi.address.list()).map((a) => [a.id, a.isDefault])).toEqual([
      [second.id, true],
      [address.id, false],
    ]);
    await aliceApi.address.delete({ id: second.id });
    expect((await aliceApi.address.list()).map((a) => a.isDefault)).toEqual([true]);
    const guest = await callerFor(t.db, null);
    await expect(guest.checkout.start({ idempotencyKey: "guest-checkout", shippingAddress: shippingAddressInput() })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(guest.address.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("hold renewal", () => {
  it("renews, on a change and at checkout, the holds with less than 10 minutes left and leaves fresher ones alone", async () => {
    const { seller } = await createSeller(t.db);
    const products = await Promise.all(["Old", "Fresh", "Third"].map(async (name) => (await createProduct(t.db, seller.id, { name, stock: 5 })).product));
    const [old, fresh, third] = products as [(typeof products)[number], (typeof products)[number], (typeof products)[number]];
    const buyer = await createBuyer(t.db);
    const api = await callerFor(t.db, buyer.id);
    const oldLine = await api.cart.add({ productId: old.id, quantity: 1 });
    const freshLine = await api.cart.add({ productId: fresh.id, quantity: 2 });
    const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    const expiryOf = async (cartItemId: string) =>
      (await t.db.reservation.findMany({ where: { cartItemId, type: "SOFT", status: "ACTIVE" }, select: { expiresAt: true } })).map((hold) =>
        hold.expiresAt.getTime(),
      );
    await t.db.reservation.updateMany({ where: { cartItemId: oldLine.line.id }, data: { expiresAt: minutesFromNow(9) } });
    const freshExpiry = minutesFromNow(11);
    await t.db.reservation.updateMany({ where: { cartItemId: freshLine.line.id }, data: { expiresAt: freshExpiry } });

    const before = Date.now();
    await api.cart.add({ productId: third.id, quantity: 1 });
    const [renewed] = await expiryOf(oldLine.line.id);
    expect(renewed).toBeGreaterThanOrEqual(before + SOFT_RESERVATION_MS - 1000);
    expect(await expiryOf(freshLine.line.id)).toEqual([freshExpiry.getTime()]);
    // The cart shows the earliest expiry: what the buyer can count on.
    expect((await api.cart.get()).reservationExpiresAt).toEqual(freshExpiry);

    // Checkout's lock renews by the same rule (in a transaction rolled back here: the cart stays as it was).
    await t.db.reservation.updateMany({ where: { cartItemId: freshLine.line.id }, data: { expiresAt: minutesFromNow(2) } });
    const untouched = await expiryOf(oldLine.line.id);
    const checkoutAt = new Date();
    await expect(
      t.db.$transaction(async (tx) => {
        await lockCartForCheckout(tx, { buyerId: buyer.id }, checkoutAt);
        const holds = async (cartItemId: string) =>
          (await tx.reservation.findMany({ where: { cartItemId, status: "ACTIVE" }, select: { expiresAt: true } })).map((hold) => hold.expiresAt.getTime());
        expect(await holds(freshLine.line.id)).toEqual([checkoutAt.getTime() + SOFT_RESERVATION_MS]);
        expect(await holds(oldLine.line.id)).toEqual(untouched);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
  });
});

describe("commit durability", () => {
  it("commits a cart change without waiting for the WAL flush, and nothing else: checkout's transaction stays synchronous", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 5 });
    const buyer = await createBuyer(t.db);
    await (await callerFor(t.db, buyer.id)).cart.add({ productId: product.id, quantity: 1 });
    const now = new Date();
    // Each lock runs in a transaction that reads the setting and is then rolled back (the cart stays as it was).
    const settingAfter = async (lock: (tx: Tx) => Promise<unknown>) => {
      let setting = "";
      await expect(
        t.db.$transaction(async (tx) => {
          await lock(tx);
          const [row] = await tx.$queryRaw<{ setting: string }[]>`SELECT current_setting('synchronous_commit') AS "setting"`;
          setting = row?.setting ?? "";
          throw new Rollback();
        }),
      ).rejects.toBeInstanceOf(Rollback);
      return setting;
    };
    expect(await settingAfter((tx) => lockCartForChange(tx, { buyerId: buyer.id }, now))).toBe("off");
    expect(await settingAfter((tx) => lockCartForCheckout(tx, { buyerId: buyer.id }, now))).toBe("on");
  });
});

class Rollback extends Error {}
