// The catalogue's summary (CatalogFacetCount, CatalogOptionCount, CatalogValueCount, CatalogWord: migration
// 20261215000000_catalog_summary) against the products themselves: a listing's facet counts read
// from it equal counting the products, for each filter combination, after every kind of change
// (made through the domain functions, read right after they return); the triggers keep exactly
// what a full recount gives; and "did you mean" never suggests a word only hidden products have.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowseProductsInput } from "../../validators/catalog";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { recountedSummaryRows, summaryRows } from "../../testing/catalog-summary";
import { createAdmin, createBuyer, createCategory, createProduct, createProductWithVariants, createSeller } from "../../testing/factories";
import { loadActor } from "../../trpc";
import { reinstateUser, suspendUser } from "../accounts/manage-users";
import { addToCart } from "../cart/change-cart";
import { setStockOnHand } from "../inventory/seller-stock";
import { reinstateSeller, suspendSeller } from "../sellers/manage-sellers";
import { updateShopProfile } from "../sellers/shop-profile";
import { countProductFacets, didYouMean, productFacets, searchProducts } from "./search-products";
import { changeProductStatus, updateSellerProduct } from "./seller-products";
import { relistProduct, unlistProduct } from "./unlist-product";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const actorOf = async (userId: string) => (await loadActor(t.db, userId))!;

/** What the triggers kept equals counting everything again. */
async function expectSummaryEqualsRecount() {
  expect(await summaryRows(t.db)).toEqual(await recountedSummaryRows(t.db));
}

let combinations: BrowseProductsInput[] = [];

/** Every combination's facets from the summary equal the products counted. */
async function expectFacetsAsCounted() {
  for (const input of combinations) {
    expect({ input, facets: await productFacets(t.db, input) }).toEqual({ input, facets: await countProductFacets(t.db, input) });
  }
}

describe("the catalogue's summary", () => {
  it("counts a listing's facets as counting the products would, for every filter combination, through every change", async () => {
    const outdoor = await createCategory(t.db, { name: "Outdoor" });
    const tents = await createCategory(t.db, { name: "Tents", parentId: outdoor.id });
    const kitchen = await createCategory(t.db, { name: "Kitchen" });
    const north = await createSeller(t.db, { shopName: "North Camp" });
    const oak = await createSeller(t.db, { shopName: "Oak Kitchen" });
    const admin = await actorOf((await createAdmin(t.db)).id);
    await createProduct(t.db, north.seller.id, { name: "Trail Tent", categoryId: tents.id, priceCents: 19_999, stock: 2 });
    const { product: stove, stockLevels: stoveStock } = await createProduct(t.db, north.seller.id, {
      name: "Camp Stove",
      categoryId: outdoor.id,
      priceCents: 4_999,
      stock: 0,
    });
    const { product: jacket, variants: jacketVariants } = await createProductWithVariants(t.db, north.seller.id, {
      name: "Rain Jacket",
      categoryId: outdoor.id,
      options: [
        { name: "Size", values: ["S", "M"] },
        { name: "Colour", values: ["Blue", "Black"] },
      ],
      variants: [
        { values: ["S", "Blue"], priceCents: 8_000, stock: 1 },
        { values: ["M", "Black"], priceCents: 9_000 },
      ],
    });
    const { variants: mugVariants } = await createProductWithVariants(t.db, oak.seller.id, {
      name: "Enamel Mug",
      categoryId: kitchen.id,
      options: [{ name: "Color", values: ["Blue", "Red"] }],
      variants: [
        { values: ["Blue"], priceCents: 1_200, stock: 3 },
        { values: ["Red"], priceCents: 1_200 },
      ],
    });
    const { product: kettle, variant: kettleVariant } = await createProduct(t.db, oak.seller.id, {
      name: "Copper Kettle",
      categoryId: kitchen.id,
      priceCents: 3_999,
      stock: 1,
    });
    await createProduct(t.db, oak.seller.id, { name: "Loose Spoon", priceCents: 300 });
    await createProduct(t.db, oak.seller.id, { name: "Draft Pan", categoryId: kitchen.id, status: "DRAFT" });
    await createProduct(t.db, oak.seller.id, { name: "Old Pan", categoryId: kitchen.id, status: "ARCHIVED" });
    combinations = [
      {},
      { category: outdoor.slug },
      { category: tents.slug },
      { category: kitchen.slug, seller: oak.seller.slug },
      { seller: north.seller.slug },
      { minPriceCents: 2_500, maxPriceCents: 9_999 },
      { category: outdoor.slug, seller: north.seller.slug, minPriceCents: 5_000 },
      { category: "no-such-category" },
      { inStock: true },
      { category: outdoor.slug, inStock: true, minPriceCents: 2_500, maxPriceCents: 9_999 },
      { category: kitchen.slug, seller: oak.seller.slug, inStock: true },
      { options: ["Colour:Blue"] },
      { category: outdoor.slug, options: ["Size:M"], minPriceCents: 5_000, maxPriceCents: 9_999 },
      { options: ["Color:Red"], inStock: true },
      // Several values: the option facet from the summary (it counts without the option filter),
      // the others counted from the products the filter keeps (the summary has no intersections).
      { options: ["Colour:Blue", "Colour:Red"] },
      { category: outdoor.slug, options: ["Colour:Blue", "Colour:Red"], inStock: true },
      { seller: north.seller.slug, options: ["Colour:Blue", "Size:M"], minPriceCents: 5_000 },
      { options: ["Colour:Blue", "Colour:Red", "Size:M", "Size:L"], minPriceCents: 2_500, maxPriceCents: 9_999 },
      // A price that cuts a band: all four counted from the products.
      { options: ["Colour:Blue", "Colour:Red"], minPriceCents: 3_000 },
    ];

    const outdoorFacets = await productFacets(t.db, { category: outdoor.slug });
    expect(outdoorFacets.sellers.map((s) => [s.shopName, s.count])).toEqual([["North Camp", 3]]);
    expect(outdoorFacets.categories.map((c) => [c.name, c.count])).toEqual([
      ["Kitchen", 2],
      ["Outdoor", 2],
      ["Tents", 1],
      ["Uncategorised", 1],
    ]);
    expect(outdoorFacets.options).toEqual([
      {
        name: "Size",
        values: [
          { value: "S", count: 1 },
          { value: "M", count: 1 },
        ],
      },
      {
        name: "Colour",
        values: [
          { value: "Black", count: 1 },
          { value: "Blue", count: 1 },
        ],
      },
    ]);
    expect((await productFacets(t.db, {})).options.find((o) => o.name === "Colour")?.values).toEqual([
      { value: "Blue", count: 2 },
      { value: "Black", count: 1 },
      { value: "Red", count: 1 },
    ]);
    await expectFacetsAsCounted();
    await expectSummaryEqualsRecount();

    const northActor = await actorOf(north.user.id);
    const oakActor = await actorOf(oak.user.id);
    const changes: [string, () => Promise<unknown>, (facets: Awaited<ReturnType<typeof productFacets>>) => unknown][] = [
      [
        "shop suspended",
        () => suspendSeller(t.db, admin, { sellerId: north.seller.id, reason: "Counterfeit goods reported." }),
        (facets) => expect(facets.sellers.map((s) => s.shopName)).toEqual(["Oak Kitchen"]),
      ],
      ["shop reinstated", () => reinstateSeller(t.db, admin, { sellerId: north.seller.id }), (facets) => expect(facets.sellers).toHaveLength(2)],
      [
        "owner's account suspended",
        () => suspendUser(t.db, admin, { userId: oak.user.id, reason: "Chargebacks under review." }),
        (facets) => expect(facets.sellers.map((s) => s.shopName)).toEqual(["North Camp"]),
      ],
      ["owner's account reinstated", () => reinstateUser(t.db, admin, { userId: oak.user.id }), (facets) => expect(facets.sellers).toHaveLength(2)],
      [
        "product unlisted",
        () => unlistProduct(t.db, admin, { id: kettle.id, reason: "Listing under review." }),
        (facets) => expect(facets.sellers.find((s) => s.shopName === "Oak Kitchen")?.count).toBe(2),
      ],
      [
        "product relisted",
        () => relistProduct(t.db, admin, { id: kettle.id }),
        (facets) => expect(facets.sellers.find((s) => s.shopName === "Oak Kitchen")?.count).toBe(3),
      ],
      [
        "the kettle's last unit held by a buyer's cart",
        async () => addToCart(t.db, { buyerId: (await createBuyer(t.db)).id }, { variantId: kettleVariant.id, quantity: 1 }),
        async () => expect((await productFacets(t.db, { inStock: true })).sellers.find((s) => s.shopName === "Oak Kitchen")?.count).toBe(1),
      ],
      [
        "the mug's three blue units held by a buyer's cart (its red has none)",
        async () => addToCart(t.db, { buyerId: (await createBuyer(t.db)).id }, { variantId: mugVariants[0]!.id, quantity: 3 }),
        async () =>
          expect((await productFacets(t.db, { inStock: true })).options.find((o) => o.name === "Colour")?.values).toEqual([
            { value: "Black", count: 1 },
            { value: "Blue", count: 1 },
          ]),
      ],
      [
        "the stove restocked by its seller",
        () => setStockOnHand(t.db, northActor, { productId: stove.id, warehouseId: stoveStock[0]!.warehouseId, onHand: 4, version: stoveStock[0]!.version }),
        async () => expect((await productFacets(t.db, { inStock: true })).sellers.find((s) => s.shopName === "North Camp")?.count).toBe(3),
      ],
      [
        "the jacket's blue variant archived",
        () => t.db.productVariant.update({ where: { id: jacketVariants[0]!.id }, data: { status: "ARCHIVED" } }),
        async () => expect((await productFacets(t.db, { options: ["Colour:Blue"] })).sellers.map((s) => [s.shopName, s.count])).toEqual([["Oak Kitchen", 1]]),
      ],
      [
        "product archived",
        () => changeProductStatus(t.db, northActor, { id: jacket.id, action: "archive" }),
        (facets) => expect(facets.options.find((o) => o.name === "Size")).toBeUndefined(),
      ],
      [
        "product moved to another category and price band",
        () => updateSellerProduct(t.db, oakActor, { id: kettle.id, categoryId: tents.id, priceCents: 30_000 }),
        (facets) => expect(facets.priceBands.find((b) => b.key === "250-plus")?.count).toBe(1),
      ],
    ];
    for (const [, change, check] of changes) {
      await change();
      await check(await productFacets(t.db, {}));
      await expectFacetsAsCounted();
      await expectSummaryEqualsRecount();
    }
  });

  it("counts a listing the summary cannot answer from bounded samples, and says when a sample was cut", async () => {
    const lamps = await createCategory(t.db, { name: "Sample Lamps" });
    const desk = await createCategory(t.db, { name: "Sample Desk Lamps", parentId: lamps.id });
    const glow = await createSeller(t.db, { shopName: "Sample Glow" });
    const beam = await createSeller(t.db, { shopName: "Sample Beam" });
    for (const [index, seller] of [glow, glow, glow, beam, beam].entries()) {
      await createProductWithVariants(t.db, seller.seller.id, {
        name: `Sample Lamp ${index}`,
        categoryId: index % 2 === 0 ? lamps.id : desk.id,
        priceCents: 2_000 + index * 2_000,
        options: [{ name: "Colour", values: ["Black", "White"] }],
        variants: [
          { values: ["Black"], stock: 1 },
          { values: ["White"], stock: 1 },
        ],
      });
    }
    const total = (counts: { count: number }[]) => counts.reduce((sum, { count }) => sum + count, 0);
    // Several option values, and a price that cuts a band: neither is in the summary.
    for (const input of [
      { category: lamps.slug, options: ["Colour:Black", "Colour:White"] },
      { category: lamps.slug, minPriceCents: 3_000 },
      { seller: glow.seller.slug, options: ["Colour:Black", "Colour:White"], minPriceCents: 1_000, maxPriceCents: 7_000 },
    ]) {
      // Within its sample, a listing's facets are what counting every product gives.
      expect({ input, facets: await productFacets(t.db, input, { sample: 50 }) }).toEqual({ input, facets: await countProductFacets(t.db, input) });
    }

    // Five lamps in the tree, each in Black and White (a product counts once): a sample of three counts three.
    const sampled = await productFacets(t.db, { category: lamps.slug, options: ["Colour:Black", "Colour:White"] }, { sample: 3 });
    expect(sampled.sampled).toBe(true);
    expect(total(sampled.sellers)).toBe(3);
    expect(total(sampled.priceBands)).toBe(3);
    // The category facet counts without the category filter: three of the catalogue's products in Black or White.
    expect(total(sampled.categories)).toBe(3);
    // The option facet still comes from the summary, whole: every lamp is in both colours.
    expect(sampled.options.find((o) => o.name === "Colour")?.values).toEqual([
      { value: "Black", count: 5 },
      { value: "White", count: 5 },
    ]);
    // A seller's sample is read within the category tree: Sample Beam's two lamps ($80, $100),
    // both found, and the price facet counts them without the price filter.
    const beamOnly = await productFacets(t.db, { category: lamps.slug, seller: beam.seller.slug, minPriceCents: 3_000 }, { sample: 2 });
    expect(beamOnly.sampled).toBe(true);
    expect(beamOnly.priceBands.filter((b) => b.count > 0).map((b) => [b.key, b.count])).toEqual([
      ["50-100", 1],
      ["100-250", 1],
    ]);
    // Each facet with fewer products than the sample (the category's: Sample Beam's two from $30;
    // the shop's: the desk lamps' two from $30; the price's: one): exact, and not marked.
    const exact = { category: desk.slug, seller: beam.seller.slug, minPriceCents: 3_000 };
    expect(await productFacets(t.db, exact, { sample: 3 })).toEqual(await countProductFacets(t.db, exact));
    expect((await productFacets(t.db, exact, { sample: 2 })).sampled).toBe(true);

    // With option values, a sample reads at most `walk` products, and skips the categories the
    // summary says hold none of them: here the tree's root, whose five products have no colour.
    const rooms = await createCategory(t.db, { name: "Sample Rooms" });
    const sconces = await createCategory(t.db, { name: "Sample Sconces", parentId: rooms.id });
    for (const index of [0, 1, 2, 3, 4]) await createProduct(t.db, glow.seller.id, { name: `Sample Shade ${index}`, categoryId: rooms.id, priceCents: 900 });
    for (const index of [0, 1]) {
      await createProductWithVariants(t.db, beam.seller.id, {
        name: `Sample Sconce ${index}`,
        categoryId: sconces.id,
        priceCents: 6_000,
        options: [{ name: "Colour", values: ["Black", "White"] }],
        variants: [{ values: ["Black"], stock: 1 }, { values: ["White"] }],
      });
    }
    const walked = await productFacets(t.db, { category: rooms.slug, options: ["Colour:Black", "Colour:White"] }, { sample: 50, walk: 3 });
    expect(walked.sellers.map((s) => [s.shopName, s.count])).toEqual([["Sample Beam", 2]]);
    expect(walked.priceBands.filter((b) => b.count > 0).map((b) => [b.key, b.count])).toEqual([["50-100", 2]]);
    // The category facet's sample (the whole catalogue in Black or White) stopped after three products.
    expect(total(walked.categories)).toBeLessThanOrEqual(3);
    expect(walked.sampled).toBe(true);
    // Read far enough, the same listing is exact.
    const rested = { category: rooms.slug, options: ["Colour:Black", "Colour:White"] };
    expect(await productFacets(t.db, rested, { sample: 50, walk: 1_000 })).toEqual(await countProductFacets(t.db, rested));
  });

  it("never suggests a word only a hidden product has: draft, archived, unlisted, or its shop or owner suspended", async () => {
    const shop = await createSeller(t.db, { shopName: "Harbour Lights" });
    const admin = await actorOf((await createAdmin(t.db)).id);
    const { product: lantern } = await createProduct(t.db, shop.seller.id, { name: "Zanzibar Lantern", priceCents: 4_500, stock: 3 });
    await createProduct(t.db, shop.seller.id, { name: "Quokkaesque Mug", status: "DRAFT" });
    await createProduct(t.db, shop.seller.id, { name: "Marmalade Tray", status: "ARCHIVED" });

    expect(await didYouMean(t.db, "zanzibr lantrn")).toBe("zanzibar lantern");
    expect(await didYouMean(t.db, "harbor")).toBe("harbour");
    expect(await didYouMean(t.db, "quokkaesqu")).toBeNull();
    expect(await didYouMean(t.db, "marmalad")).toBeNull();
    // The search page asks only when nothing matched.
    expect((await searchProducts(t.db, { q: "xqzanzibr" })).didYouMean).toBe("zanzibar");

    await suspendSeller(t.db, admin, { sellerId: shop.seller.id, reason: "Counterfeit goods reported." });
    expect(await didYouMean(t.db, "zanzibr")).toBeNull();
    expect(await didYouMean(t.db, "harbor")).toBeNull();
    await reinstateSeller(t.db, admin, { sellerId: shop.seller.id });
    expect(await didYouMean(t.db, "zanzibr")).toBe("zanzibar");

    await suspendUser(t.db, admin, { userId: shop.user.id, reason: "Chargebacks under review." });
    expect(await didYouMean(t.db, "zanzibr")).toBeNull();
    await reinstateUser(t.db, admin, { userId: shop.user.id });

    await unlistProduct(t.db, admin, { id: lantern.id, reason: "Listing under review." });
    expect(await didYouMean(t.db, "zanzibr")).toBeNull();
    await relistProduct(t.db, admin, { id: lantern.id });
    expect(await didYouMean(t.db, "zanzibr")).toBe("zanzibar");

    // A renamed shop's old name is no longer suggested, its new one is.
    await updateShopProfile(t.db, await actorOf(shop.user.id), {
      shopName: "Lighthouse Lamps",
      description: "",
      contactEmail: "lamps@example.test",
      shippingFlatCents: 599,
      freeShippingOverCents: null,
      shippingPolicy: "",
      returnPolicy: "",
    });
    expect(await didYouMean(t.db, "harbor")).toBeNull();
    expect(await didYouMean(t.db, "lighthous")).toBe("lighthouse");

    await changeProductStatus(t.db, await actorOf(shop.user.id), { id: lantern.id, action: "archive" });
    expect(await didYouMean(t.db, "zanzibr")).toBeNull();
    await expectSummaryEqualsRecount();
  });

  it("keeps the counts a recount gives when a suspension, product edits and carts taking last units run at once", async () => {
    const category = await createCategory(t.db, { name: "Lamps" });
    const shop = await createSeller(t.db, { shopName: "Busy Lamps" });
    const admin = await actorOf((await createAdmin(t.db)).id);
    const seller = await actorOf(shop.user.id);
    const products = [];
    for (let i = 0; i < 6; i++) {
      products.push(await createProduct(t.db, shop.seller.id, { name: `Desk Lamp ${i}`, categoryId: category.id, priceCents: 2_000 + i * 1_000, stock: 1 }));
    }
    const buyers = await Promise.all(products.map(() => createBuyer(t.db)));
    const results = await Promise.allSettled([
      suspendSeller(t.db, admin, { sellerId: shop.seller.id, reason: "Checking a complaint." }),
      ...products.map(({ product }, i) => updateSellerProduct(t.db, seller, { id: product.id, priceCents: 30_000 + i })),
      ...products.map(({ variant }, i) => addToCart(t.db, { buyerId: buyers[i]!.id }, { variantId: variant.id, quantity: 1 })),
    ]);
    // The shop's products may leave carts' reach as it is suspended: only a refusal is allowed, never an inconsistency.
    for (const result of results) if (result.status === "rejected") expect(typeof (result.reason as { code?: unknown }).code).toBe("string");
    await expectSummaryEqualsRecount();
    await reinstateSeller(t.db, admin, { sellerId: shop.seller.id });
    await expectSummaryEqualsRecount();
    expect(await productFacets(t.db, { category: category.slug })).toEqual(await countProductFacets(t.db, { category: category.slug }));
  });
});
