import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createBuyer, createCategory, createProduct, createProductWithVariants, createSeller } from "../../testing/factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe("storefront read models", () => {
  it("suggests products as the buyer types, typos included, and only what buyers may see", async () => {
    const { seller } = await createSeller(t.db);
    const { seller: suspended } = await createSeller(t.db, { status: "SUSPENDED" });
    const audio = await createCategory(t.db, { name: "Studio Audio" });
    await createProduct(t.db, seller.id, { name: "Aria Wireless Headphones", stock: 4, categoryId: audio.id });
    await createProduct(t.db, seller.id, { name: "Draft Headphones", status: "DRAFT", stock: 4 });
    await createProduct(t.db, suspended.id, { name: "Hidden Headphones", stock: 4 });
    const guest = await callerFor(t.db, null);

    const typo = await guest.storefront.suggest({ q: "headphnes" });
    expect(typo.products.map((p) => p.name)).toEqual(["Aria Wireless Headphones"]);
    expect(typo.products[0]?.image).toBeNull();

    const prefix = await guest.storefront.suggest({ q: "studio" });
    expect(prefix.categories).toEqual([{ slug: audio.slug, name: "Studio Audio" }]);

    // Two letters suggest the names with a word starting with them, not every name holding them.
    expect((await guest.storefront.suggest({ q: "wi" })).products.map((p) => p.name)).toEqual(["Aria Wireless Headphones"]);
    expect((await guest.storefront.suggest({ q: "ir" })).products).toEqual([]);
    expect(await guest.storefront.suggest({ q: "a" })).toEqual({ products: [], categories: [] });
    expect((await guest.storefront.suggest({ q: "100%_off" })).products).toEqual([]);
  });

  it("reads a product's stock live: carts' holds count, and an unknown or hidden product has none", async () => {
    const { seller } = await createSeller(t.db);
    const { product, variant } = await createProduct(t.db, seller.id, { name: "Last Lamp", stock: 3, lowStockThreshold: 5 });
    const guest = await callerFor(t.db, null);
    expect(await guest.storefront.availability({ slug: product.slug })).toEqual({
      productId: product.id,
      available: 3,
      availability: "low",
      variants: [{ variantId: variant.id, available: 3, availability: "low" }],
    });

    const buyer = await callerFor(t.db, (await createBuyer(t.db)).id);
    await buyer.cart.add({ productId: product.id, quantity: 3 });
    expect(await guest.storefront.availability({ slug: product.slug })).toMatchObject({ available: 0, availability: "out" });

    // Per variant: a sold-out size is "out" while its product is in stock.
    const { product: tee, variants } = await createProductWithVariants(t.db, seller.id, {
      options: [{ name: "Size", values: ["M", "L"] }],
      variants: [
        { values: ["M"], stock: 2 },
        { values: ["L"], stock: 0 },
      ],
      lowStockThreshold: 1,
    });
    expect(await guest.storefront.availability({ slug: tee.slug })).toEqual({
      productId: tee.id,
      available: 2,
      availability: "in_stock",
      variants: [
        { variantId: variants[0]!.id, available: 2, availability: "in_stock" },
        { variantId: variants[1]!.id, available: 0, availability: "out" },
      ],
    });

    const { product: draft } = await createProduct(t.db, seller.id, { status: "DRAFT", stock: 3 });
    expect(await guest.storefront.availability({ slug: draft.slug })).toBeNull();
    expect(await guest.storefront.availability({ slug: "no-such-product" })).toBeNull();
  });

  it("builds the home page's shelves: fullest leaf categories with a cover, newest, best sellers", async () => {
    const { seller } = await createSeller(t.db);
    const parent = await createCategory(t.db, { name: "Outdoor Things" });
    const tents = await createCategory(t.db, { name: "Tents", parentId: parent.id });
    const { product: tent } = await createProduct(t.db, seller.id, { name: "Ridge Tent", stock: 2, categoryId: tents.id });
    await t.db.productImage.create({ data: { productId: tent.id, storageKey: "k", url: "/media/k.svg", alt: "A tent", position: 0 } });
    await t.db.product.update({ where: { id: tent.id }, data: { salesCount: 1000 } });
    const home = await (await callerFor(t.db, null)).storefront.home();

    expect(home.featuredCategories).toContainEqual({
      slug: tents.slug,
      name: "Tents",
      parentName: "Outdoor Things",
      productCount: 1,
      cover: { url: "/media/k.svg", alt: "A tent" },
    });
    expect(home.featuredCategories.map((c) => c.slug)).not.toContain(parent.slug);
    expect(home.bestSellers[0]).toMatchObject({ id: tent.id, available: 2, availability: "low", image: { url: "/media/k.svg", alt: "A tent" } });
    expect(home.newArrivals.length).toBeGreaterThan(0);
    expect(home.newArrivals.length).toBeLessThanOrEqual(8);
  });
});
