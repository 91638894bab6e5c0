import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../../events/drain";
import { callerFor } from "../../testing";
import { createBuyer, createCategory, createProduct, createSeller } from "../../testing/factories";

// Each test builds its shops with a word of its own in their names, and searches by it, so the
// shops of the other tests in this file never show up in its answers.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe("shop directory", () => {
  it("lists open shops with something on sale, by rating, newest and sales; suspended and empty shops are not listed", async () => {
    const lamps = await createCategory(t.db, { name: "Lamps", slug: "dir-lamps" });
    const desk = await createCategory(t.db, { name: "Desk lamps", slug: "dir-desk-lamps", parentId: lamps.id });
    const rated = await createSeller(t.db, { shopName: "Zephyr Rated" });
    const busy = await createSeller(t.db, { shopName: "Zephyr Busy" });
    const fresh = await createSeller(t.db, { shopName: "Zephyr Fresh" });
    const suspended = await createSeller(t.db, { shopName: "Zephyr Suspended", status: "SUSPENDED" });
    const empty = await createSeller(t.db, { shopName: "Zephyr Empty" });
    await createProduct(t.db, rated.seller.id, { ratingAvg: 5, ratingCount: 2, categoryId: desk.id });
    await createProduct(t.db, rated.seller.id, { ratingAvg: 4, ratingCount: 2 });
    const { product: bestSeller } = await createProduct(t.db, busy.seller.id, { ratingAvg: 3, ratingCount: 1 });
    await t.db.product.update({ where: { id: bestSeller.id }, data: { salesCount: 40 } });
    await createProduct(t.db, fresh.seller.id);
    await createProduct(t.db, suspended.seller.id, { ratingAvg: 5, ratingCount: 9 });
    await createProduct(t.db, empty.seller.id, { status: "DRAFT" });
    await t.db.seller.update({ where: { id: fresh.seller.id }, data: { approvedAt: new Date(Date.now() + 60_000) } });

    const api = await callerFor(t.db, null);
    const byRating = await api.shops.directory({ q: "zephyr" });
    expect(byRating.items.map((shop) => shop.shopName)).toEqual(["Zephyr Rated", "Zephyr Busy", "Zephyr Fresh"]);
    expect(byRating.items[0]).toMatchObject({ productCount: 2, ratingCount: 4, ratingAvg: 4.5 });
    expect(byRating).toMatchObject({ total: 3, page: 1, pageCount: 1, sort: "rating" });
    expect((await api.shops.directory({ q: "zephyr", sort: "sales" })).items[0]?.shopName).toBe("Zephyr Busy");
    expect((await api.shops.directory({ q: "zephyr", sort: "newest" })).items[0]?.shopName).toBe("Zephyr Fresh");
    // A category finds shops selling in it or under it.
    expect((await api.shops.directory({ q: "zephyr", category: "dir-lamps" })).items.map((shop) => shop.shopName)).toEqual(["Zephyr Rated"]);
    // LIKE's wildcards are searched for as themselves.
    expect((await api.shops.directory({ q: "zephyr%" })).items).toEqual([]);
    await expect(api.shops.directory({ page: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("shop profile", () => {
  it("a seller edits their shop's face and policies; the shop page shows them", async () => {
    const { user, seller } = await createSeller(t.db, { shopName: "Quill Paper" });
    await createProduct(t.db, seller.id);
    const api = await callerFor(t.db, user.id);
    const saved = await api.seller.updateProfile({
      shopName: "Quill & Paper Co.",
      description: "Stationery made by hand.",
      contactEmail: "Hello@Quill.example",
      shippingFlatCents: 450,
      freeShippingOverCents: null,
      shippingPolicy: "Ships in 2 working days from Lisbon.",
      returnPolicy: "Returns within 30 days, unused.",
    });
    expect(saved).toMatchObject({ slug: seller.slug, shopName: "Quill & Paper Co.", contactEmail: "hello@quill.example", freeShippingOverCents: null });
    expect(await api.seller.profile()).toEqual(saved);
    const page = await (await callerFor(t.db, null)).catalog.shop({ slug: seller.slug });
    expect(page.seller).toMatchObject({
      shopName: "Quill & Paper Co.",
      shippingPolicy: "Ships in 2 working days from Lisbon.",
      returnPolicy: "Returns within 30 days, unused.",
    });

    await expect(api.seller.updateProfile({ ...saved, shopName: "Q" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.seller.updateProfile({ ...saved, freeShippingOverCents: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Free shipping over $0.00 is free shipping on everything: set the flat rate to $0.00 instead.",
    });
    const buyer = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(buyer.seller.updateProfile(saved)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("contact the seller", () => {
  it("reaches the seller's notifications and email once, and is limited per buyer", async () => {
    const { user: sellerUser, seller } = await createSeller(t.db, { shopName: "Birch Works" });
    const buyer = await createBuyer(t.db);
    const api = await callerFor(t.db, buyer.id);
    const sent = await api.shops.contact({ slug: seller.slug, subject: "Custom size?", message: "Could you make the shelf 90 cm wide?" });
    expect(sent).toMatchObject({ sent: true, shopName: "Birch Works" });
    await drainOutbox(t.db);
    const [note] = await t.db.notification.findMany({ where: { userId: sellerUser.id, type: "SHOP_MESSAGE" } });
    expect(note).toMatchObject({ body: "Could you make the shelf 90 cm wide?" });
    expect(note?.title).toContain("Custom size?");
    const mails = await t.db.email.findMany({ where: { to: seller.contactEmail, template: "shop-message" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(buyer.email);

    await expect((await callerFor(t.db, null)).shops.contact({ slug: seller.slug, subject: "Hi", message: "Anyone there at all?" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(api.shops.contact({ slug: "no-such-shop", subject: "Hi", message: "Anyone there at all?" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.shops.contact({ slug: seller.slug, subject: "Hi", message: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Five an hour, counted once the form is valid: the message sent and the one to a shop that does
    // not exist (the limit stops probing too) leave three of the next five, sent in parallel.
    const more = await Promise.allSettled(
      Array.from({ length: 5 }, (_, index) => api.shops.contact({ slug: seller.slug, subject: `Question ${index}`, message: "Another question for you." })),
    );
    expect(more.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    expect(more.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "TOO_MANY_REQUESTS" } });
  });
});
