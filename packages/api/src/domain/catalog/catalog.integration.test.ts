import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlOn } from "@bazaar/db";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createCategory, createProduct, createProductWithVariants, createSeller, createWarehouse } from "../../testing/factories";
import { SEARCH_MATCHES, searchProducts } from "./search-products";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const guest = () => callerFor(t.db, null);

describe("search", () => {
  it("finds 'headphnes' (typo), counts facets for the query, and suggests a spelling when nothing matches", async () => {
    const audio = await createCategory(t.db, { name: "Audio" });
    const home = await createCategory(t.db, { name: "Kitchen" });
    const one = await createSeller(t.db, { shopName: "Northwind Sound" });
    const two = await createSeller(t.db, { shopName: "Oakwood Goods" });
    await createProduct(t.db, one.seller.id, {
      name: "Wireless Headphones",
      categoryId: audio.id,
      priceCents: 7999,
      stock: 5,
      description: "Over-ear, noise cancelling",
    });
    await createProduct(t.db, two.seller.id, { name: "Studio Headphones Pro", categoryId: audio.id, priceCents: 19999, stock: 0 });
    await createProduct(t.db, two.seller.id, { name: "Copper Kettle", categoryId: home.id, priceCents: 3999, stock: 2, description: "Whistles when ready" });
    const api = await guest();

    const typo = await api.catalog.search({ q: "headphnes" });
    expect(typo.items.map((p) => p.name).sort()).toEqual(["Studio Headphones Pro", "Wireless Headphones"]);
    expect(typo.facets?.sellers.map((s) => [s.shopName, s.count]).sort()).toEqual([
      ["Northwind Sound", 1],
      ["Oakwood Goods", 1],
    ]);
    expect(typo.facets?.categories).toEqual([{ id: audio.id, name: "Audio", slug: audio.slug, count: 2 }]);
    expect(typo.facets?.priceBands.filter((b) => b.count > 0).map((b) => [b.key, b.count])).toEqual([
      ["50-100", 1],
      ["100-250", 1],
    ]);
    expect(typo.didYouMean).toBeNull();

    const fullText = await api.catalog.search({ q: "whistles" });
    expect(fullText.items.map((p) => p.name)).toEqual(["Copper Kettle"]);
    const bySeller = await api.catalog.search({ q: "oakwood" });
    expect(bySeller.items).toHaveLength(2);

    // A facet ignores its own filter: choosing one seller still counts the other.
    const filtered = await api.catalog.search({ q: "headphones", seller: one.seller.slug });
    expect(filtered.items.map((p) => p.name)).toEqual(["Wireless Headphones"]);
    expect(filtered.facets?.sellers).toHaveLength(2);
    expect(filtered.facets?.categories[0]?.count).toBe(1);

    expect((await api.catalog.search({ q: "kettel copperr" })).items.map((p) => p.name)).toEqual(["Copper Kettle"]);
    const nothing = await api.catalog.search({ q: "kittle cupper" });
    expect(nothing.items).toEqual([]);
    expect(nothing.didYouMean).toBe("kettle copper");

    // The API plans a search once per connection (readSearchPage): it answers as the same search planned for its values.
    const inputs = [{ q: "headphnes" }, { q: "headphones", seller: one.seller.slug }, { q: "headphones", inStock: true }, { q: "kittle cupper" }];
    for (const input of inputs) expect(await api.catalog.search(input)).toEqual(await searchProducts(sqlOn(t.db, { prepared: false }), input));
    // Its next pages too (no facets; the matches found again in the page's statement).
    const first = await api.catalog.search({ q: "headphones", limit: 1 });
    const second = await api.catalog.search({ q: "headphones", limit: 1, cursor: first.nextCursor ?? "" });
    expect([...first.items, ...second.items].map((p) => p.name).sort()).toEqual(["Studio Headphones Pro", "Wireless Headphones"]);
    expect(second.facets).toBeNull();
  });

  it("takes near spellings (trigram) only while the full-text matches are short of their limit", async () => {
    const lamps = await createCategory(t.db, { name: "Lamps" });
    const stands = await createCategory(t.db, { name: "Stands" });
    const { seller } = await createSeller(t.db, { shopName: "Lumen Works" });
    const { product } = await createProduct(t.db, seller.id, { name: "Brass Lantern", categoryId: lamps.id });
    // "lanterna" is no full-text match for "lantern" (another stem); its trigrams hold all of lantern's.
    await createProduct(t.db, seller.id, { name: "Lanterna Stand", categoryId: stands.id });
    const api = await guest();
    const categoriesOf = async () => (await api.catalog.search({ q: "lantern" })).facets?.categories.map((c) => [c.name, c.count]);

    expect(await categoriesOf()).toEqual([
      ["Lamps", 1],
      ["Stands", 1],
    ]);
    // Full-text matches up to the limit: copies of the lantern, each its own slug and SKU.
    await t.db.$executeRaw`
      INSERT INTO "Product"
      SELECT (jsonb_populate_record(p, jsonb_build_object('id', 'copy_' || n, 'slug', p."slug" || '-' || n, 'sku', p."sku" || '-' || n))).*
        FROM "Product" p, generate_series(1, ${SEARCH_MATCHES - 1}) n WHERE p."id" = ${product.id}`;
    expect(await categoriesOf()).toEqual([["Lamps", SEARCH_MATCHES]]);
  });
});

describe("browsing", () => {
  it("filters by category with sub-categories, price, seller and stock, and pages stably by keyset", async () => {
    const root = await createCategory(t.db, { name: "Outdoor" });
    const child = await createCategory(t.db, { name: "Tents", parentId: root.id });
    const grandchild = await createCategory(t.db, { name: "Ultralight Tents", parentId: child.id });
    const { seller, warehouse } = await createSeller(t.db);
    const second = await createWarehouse(t.db, seller.id);
    const made: { product: { id: string } }[] = [];
    for (let i = 0; i < 7; i++) {
      made.push(
        await createProduct(t.db, seller.id, {
          name: `Tent ${i}`,
          categoryId: [root.id, child.id, grandchild.id][i % 3],
          priceCents: 1000 + (i % 4) * 1000,
          stock: i === 6 ? {} : { [warehouse.id]: i % 2, [second.id]: 1 },
          createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
        }),
      );
    }
    const api = await guest();
    expect((await api.catalog.list({ category: root.slug, limit: 60 })).items).toHaveLength(7);
    expect((await api.catalog.list({ category: child.slug, limit: 60 })).items.map((p) => p.name).sort()).toEqual(["Tent 1", "Tent 2", "Tent 4", "Tent 5"]);
    expect((await api.catalog.list({ category: root.slug, inStock: true, limit: 60 })).items).toHaveLength(6);
    expect(
      (await api.catalog.list({ category: root.slug, minPriceCents: 2000, maxPriceCents: 3000, limit: 60 })).items.every(
        (p) => p.priceCents >= 2000 && p.priceCents <= 3000,
      ),
    ).toBe(true);
    const tent1 = (await api.catalog.list({ category: root.slug, limit: 60 })).items.find((p) => p.name === "Tent 1");
    expect(tent1).toMatchObject({ available: 2, availability: "low", seller: { id: seller.id } });

    for (const sort of ["newest", "price_asc", "price_desc", "rating"] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let first = true;
      while (first || cursor) {
        first = false;
        const page: { items: { id: string; priceCents: number }[]; nextCursor: string | null } = await api.catalog.list({
          category: root.slug,
          sort,
          limit: 3,
          cursor,
        });
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
        // A product published mid-browse never shifts the pages (keyset, not offset).
        if (seen.length === 3 && sort === "newest") await createProduct(t.db, seller.id, { name: "Tent late", categoryId: root.id, stock: 1 });
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => made.some((m) => m.product.id === id))).toHaveLength(7);
    }
    const byPrice = (await api.catalog.list({ category: root.slug, sort: "price_asc", limit: 60 })).items.map((p) => p.priceCents);
    expect(byPrice).toEqual([...byPrice].sort((a, b) => a - b));
    const newest = (await api.catalog.list({ seller: seller.slug, sort: "newest", limit: 2 })).items.map((p) => p.name);
    expect(newest).toEqual(["Tent late", "Tent 6"]);
  });

  it("refuses a tampered cursor and bad filters with a message, never a 500", async () => {
    const api = await guest();
    await expect(api.catalog.list({ cursor: "garbage" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/first page/) as unknown,
    });
    await expect(api.catalog.list({ minPriceCents: -5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.catalog.list({ minPriceCents: 500, maxPriceCents: 100 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.catalog.list({ limit: 10_000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.catalog.product({ id: "does-not-exist" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.catalog.shop({ slug: "no-such-shop" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a product page with availability over warehouses, category path and related products", async () => {
    const root = await createCategory(t.db, { name: "Home" });
    const lamps = await createCategory(t.db, { name: "Lamps", parentId: root.id });
    const { seller, warehouse } = await createSeller(t.db);
    const second = await createWarehouse(t.db, seller.id);
    const { product } = await createProduct(t.db, seller.id, { name: "Desk Lamp", categoryId: lamps.id, stock: { [warehouse.id]: 3, [second.id]: 4 } });
    const { product: other } = await createProduct(t.db, seller.id, { name: "Floor Lamp", categoryId: lamps.id, stock: 1 });
    await t.db.productImage.create({ data: { productId: product.id, storageKey: "k", url: "/media/k.jpg", alt: "Lamp on a desk" } });
    const detail = await (await guest()).catalog.product({ slug: product.slug });
    expect(detail).toMatchObject({ id: product.id, available: 7, availability: "in_stock", seller: { id: seller.id }, images: [{ url: "/media/k.jpg" }] });
    // The written-out read gives what Prisma's did: the same fields, types and nulls.
    const stored = await t.db.product.findUniqueOrThrow({
      where: { id: product.id },
      select: {
        sku: true,
        priceCents: true,
        publishedAt: true,
        seller: { select: { id: true, shopName: true, slug: true, description: true, shippingFlatCents: true, freeShippingOverCents: true } },
        variants: { select: { id: true, sku: true } },
      },
    });
    expect(detail.publishedAt).toEqual(stored.publishedAt);
    expect(detail.seller).toEqual(stored.seller);
    expect(detail.images).toEqual([{ id: expect.any(String) as unknown, url: "/media/k.jpg", alt: "Lamp on a desk", width: null, height: null }]);
    expect(detail.options).toEqual([]);
    expect(detail.variants).toEqual([
      {
        id: stored.variants[0]!.id,
        sku: stored.variants[0]!.sku,
        optionValues: [],
        title: expect.any(String) as unknown,
        priceCents: stored.priceCents,
        compareAtPriceCents: null,
        imageId: null,
        available: 7,
        availability: "in_stock",
        variantId: stored.variants[0]!.id,
      },
    ]);
    expect(detail.categoryPath.map((c) => c.name)).toEqual(["Home", "Lamps"]);
    expect(detail.related.map((p) => p.id)).toEqual([other.id]);
    const tree = await (await guest()).catalog.categories();
    expect(tree.find((c) => c.id === root.id)).toMatchObject({
      productCount: 0,
      totalProductCount: 2,
      children: [{ name: "Lamps", productCount: 2, totalProductCount: 2 }],
    });
  });
});

describe("moderation", () => {
  it("finds any shop's product by name, SKU, a variant's SKU or id, within the filters, newest first, a page at a time", async () => {
    const admin = await createAdmin(t.db);
    const one = await createSeller(t.db);
    const two = await createSeller(t.db);
    const make = async (sellerId: string, name: string, sku: string, minutesAgo: number, status: "ACTIVE" | "DRAFT" = "ACTIVE") => {
      const { product } = await createProduct(t.db, sellerId, { name, sku, status });
      return t.db.product.update({ where: { id: product.id }, data: { createdAt: new Date(Date.now() - minutesAgo * 60_000) } });
    };
    const quilt = await make(one.seller.id, "Patchwork Quilt", "QLT-7", 5);
    await make(two.seller.id, "Quilted Jacket", "JKT-1", 4);
    await make(one.seller.id, "Quilt Hanger", "HNG-2", 3, "DRAFT");
    const tee = await createProductWithVariants(t.db, two.seller.id, {
      name: "Plain Tee",
      options: [{ name: "Size", values: ["M"] }],
      variants: [{ values: ["M"], stock: 1 }],
    });
    const variantSku = tee.variants[0]!.sku;
    const api = await callerFor(t.db, admin.id);
    const names = (found: { items: { name: string }[] }) => found.items.map((item) => item.name);

    const first = await api.admin.catalog.search({ q: "quilt", limit: 2 });
    expect(names(first)).toEqual(["Quilt Hanger", "Quilted Jacket"]);
    expect(names(await api.admin.catalog.search({ q: "quilt", limit: 2, cursor: first.nextCursor }))).toEqual(["Patchwork Quilt"]);
    expect(names(await api.admin.catalog.search({ q: "QUILT", status: "ACTIVE", sellerId: one.seller.id }))).toEqual(["Patchwork Quilt"]);
    expect(names(await api.admin.catalog.search({ q: "qlt-7" }))).toEqual(["Patchwork Quilt"]);
    expect(names(await api.admin.catalog.search({ q: variantSku.toLowerCase() }))).toEqual(["Plain Tee"]);
    expect(names(await api.admin.catalog.search({ q: quilt.id }))).toEqual(["Patchwork Quilt"]);
    expect(names(await api.admin.catalog.search({ q: "quilt", unlisted: true }))).toEqual([]);
    expect(names(await api.admin.catalog.search({ q: "qu_lt" }))).toEqual([]);
    // Two letters: the names with a word they start, not the same letters inside a word.
    expect(names(await api.admin.catalog.search({ q: "QU" }))).toEqual(["Quilt Hanger", "Quilted Jacket", "Patchwork Quilt"]);
    expect(names(await api.admin.catalog.search({ q: "ja" }))).toEqual(["Quilted Jacket"]);
    expect(names(await api.admin.catalog.search({ q: "ui" }))).toEqual([]);
    await expect((await callerFor(t.db, one.user.id)).admin.catalog.search({ q: "quilt" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("what buyers never see", () => {
  it("hides suspended and pending shops, drafts and unlisted products everywhere", async () => {
    const admin = await createAdmin(t.db);
    const shown = await createSeller(t.db, { shopName: "Visible Vinyl" });
    const suspended = await createSeller(t.db, { shopName: "Gone Vinyl" });
    const pending = await createSeller(t.db, { shopName: "Pending Vinyl", status: "PENDING" });
    const { product: ok } = await createProduct(t.db, shown.seller.id, { name: "Vinyl Record Blue", stock: 3 });
    const { product: draft } = await createProduct(t.db, shown.seller.id, { name: "Vinyl Record Draft", status: "DRAFT", stock: 3 });
    const { product: unlisted } = await createProduct(t.db, shown.seller.id, { name: "Vinyl Record Fake", stock: 3 });
    const { product: ofSuspended } = await createProduct(t.db, suspended.seller.id, { name: "Vinyl Record Red", stock: 3 });
    await createProduct(t.db, pending.seller.id, { name: "Vinyl Record Green", stock: 3 });
    const buyer = await createBuyer(t.db);
    const buyerApi = await callerFor(t.db, buyer.id);
    await buyerApi.cart.add({ productId: ofSuspended.id, quantity: 1 });

    // The seller is suspended and an admin unlists a product, with a reason.
    await t.db.seller.update({ where: { id: suspended.seller.id }, data: { status: "SUSPENDED", suspendedAt: new Date() } });
    const adminApi = await callerFor(t.db, admin.id);
    await adminApi.catalog.unlist({ id: unlisted.id, reason: "Counterfeit listing reported" });
    expect(await t.db.auditLog.count({ where: { entityId: unlisted.id, action: "product.unlist" } })).toBe(1);
    await expect((await callerFor(t.db, shown.user.id)).catalog.unlist({ id: ok.id, reason: "I am not an admin" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const api = await guest();
    const names = (await api.catalog.search({ q: "vinyl record" })).items.map((p) => p.name);
    expect(names).toEqual(["Vinyl Record Blue"]);
    expect((await api.catalog.list({ limit: 60 })).items.map((p) => p.id)).not.toContain(ofSuspended.id);
    for (const id of [draft.id, unlisted.id, ofSuspended.id]) await expect(api.catalog.product({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.catalog.shop({ slug: suspended.seller.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.catalog.shop({ slug: pending.seller.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.catalog.shop({ slug: shown.seller.slug })).seller.productCount).toBe(1);
    await expect(buyerApi.cart.add({ productId: unlisted.id, quantity: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A line already in a cart turns into a warning and blocks checkout.
    const cart = await buyerApi.cart.get();
    expect(cart.warnings).toEqual(['"Vinyl Record Red" is no longer available. Remove it to check out.']);
    expect(cart.canCheckout).toBe(false);

    await adminApi.catalog.relist({ id: unlisted.id });
    expect((await api.catalog.search({ q: "vinyl record" })).items).toHaveLength(2);
  });
});

describe("sellers' products", () => {
  it("creates drafts, keeps SKUs unique per shop, publishes and archives", async () => {
    const { user, seller } = await createSeller(t.db);
    const other = await createSeller(t.db);
    await createProduct(t.db, other.seller.id, { sku: "MUG-1" });
    const api = await callerFor(t.db, user.id);
    const created = await api.catalog.create({ name: "Stoneware Mug", sku: "MUG-1", priceCents: 1800, description: "Holds 350 ml" });
    expect(created).toMatchObject({ status: "DRAFT", slug: "stoneware-mug", currency: "USD" });
    await expect(api.catalog.create({ name: "Another Mug", sku: "MUG-1", priceCents: 1800 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'You already have a product with SKU MUG-1 ("Stoneware Mug"). SKUs must be unique in your shop.',
    });
    const twin = await api.catalog.create({ name: "Stoneware Mug", sku: "MUG-2", priceCents: 1800 });
    expect(twin.slug).toBe("stoneware-mug-2");
    await expect(api.catalog.update({ id: twin.id, sku: "MUG-1" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await (await guest()).catalog.list({ seller: (await t.db.seller.findUniqueOrThrow({ where: { id: seller.id } })).slug })).items).toHaveLength(0);

    const published = await api.catalog.publish({ id: created.id });
    expect(published).toMatchObject({ status: "ACTIVE" });
    expect(published.publishedAt).not.toBeNull();
    await expect(api.catalog.publish({ id: created.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already published/) as unknown,
    });
    expect((await (await guest()).catalog.product({ id: created.id })).name).toBe("Stoneware Mug");
    const renamed = await api.catalog.update({ id: created.id, name: "Stoneware Mug, Blue", priceCents: 2000 });
    expect(renamed).toMatchObject({ slug: "stoneware-mug", priceCents: 2000 });
    await api.catalog.archive({ id: created.id });
    await expect((await guest()).catalog.product({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.seller.products()).items.map((p) => p.status).sort()).toEqual(["ARCHIVED", "DRAFT"]);
  });

  it("finds a seller's own products by name or SKU, literally, newest change first, a page at a time", async () => {
    const mine = await createSeller(t.db);
    const theirs = await createSeller(t.db);
    const make = (name: string, sku: string, minutesAgo: number, status: "ACTIVE" | "DRAFT" = "ACTIVE") =>
      createProduct(t.db, mine.seller.id, { name, sku, status }).then(({ product }) =>
        t.db.product.update({ where: { id: product.id }, data: { updatedAt: new Date(Date.now() - minutesAgo * 60_000) } }),
      );
    await make("Brass Lamp", "LMP-1", 5);
    await make("Desk lamp, 50% off", "DSK-9", 4);
    await make("Oak Table", "TBL-LAMPSHADE", 3);
    await make("Lamp Shade", "SHD_2", 2, "DRAFT");
    await make("Wool Rug", "RUG-1", 1);
    await createProduct(t.db, theirs.seller.id, { name: "Their Lamp", sku: "LMP-1" });
    const api = await callerFor(t.db, mine.user.id);
    const names = (page: { items: { name: string }[] }) => page.items.map((item) => item.name);

    // By name or SKU, any case; the newest change first, pages chained by their cursor.
    const first = await api.seller.products({ q: "lamp", limit: 2 });
    expect([names(first), first.total]).toEqual([["Lamp Shade", "Oak Table"], 4]);
    const second = await api.seller.products({ q: "lamp", limit: 2, cursor: first.nextCursor });
    expect([names(second), second.total, second.nextCursor]).toEqual([["Desk lamp, 50% off", "Brass Lamp"], 4, null]);
    expect(names(await api.seller.products({ q: "LAMP", status: "ACTIVE" }))).toEqual(["Oak Table", "Desk lamp, 50% off", "Brass Lamp"]);
    // % and _ are what they say, not wildcards.
    expect(names(await api.seller.products({ q: "50%" }))).toEqual(["Desk lamp, 50% off"]);
    expect(names(await api.seller.products({ q: "shd_" }))).toEqual(["Lamp Shade"]);
    expect((await api.seller.products({ q: "rug_1" })).total).toBe(0);
    expect(await api.seller.products({ q: "nothing like it" })).toEqual({ items: [], nextCursor: null, total: 0 });
    // Two letters find the words they start, in the name or the SKU (after its dash too), not
    // the same letters inside a word: an index finds those, where every product was read.
    const la = await api.seller.products({ q: "La" });
    expect([names(la), la.total]).toEqual([["Lamp Shade", "Oak Table", "Desk lamp, 50% off", "Brass Lamp"], 4]);
    expect(names(await api.seller.products({ q: "ru" }))).toEqual(["Wool Rug"]);
    expect((await api.seller.products({ q: "mp" })).total).toBe(0);
    // Without a text: every product of the shop, the same order.
    expect(names(await api.seller.products())).toEqual(["Wool Rug", "Lamp Shade", "Oak Table", "Desk lamp, 50% off", "Brass Lamp"]);
  });

  it("never lets a seller read or change another shop's product", async () => {
    const mine = await createSeller(t.db);
    const theirs = await createSeller(t.db);
    const { product } = await createProduct(t.db, theirs.seller.id, { name: "Their Lamp", status: "DRAFT" });
    const api = await callerFor(t.db, mine.user.id);
    await expect(api.catalog.mineById({ id: product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.catalog.update({ id: product.id, name: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.catalog.publish({ id: product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.catalog.archive({ id: product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.seller.products()).items).toEqual([]);
    expect(await t.db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ name: "Their Lamp", status: "DRAFT" });
    const buyer = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(buyer.catalog.create({ name: "Nope", sku: "X", priceCents: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers bad product input with field messages", async () => {
    const { user } = await createSeller(t.db);
    const api = await callerFor(t.db, user.id);
    const attempt = (input: Record<string, unknown>) => api.catalog.create({ name: "Good name", sku: "OK-1", priceCents: 100, ...input });
    await expect(attempt({ priceCents: -1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Price cannot be negative/) as unknown,
    });
    await expect(attempt({ priceCents: 10.5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(attempt({ priceCents: 1e15 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(attempt({ currency: "XYZ" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Currency must be one of/) as unknown,
    });
    await expect(attempt({ sku: "has space" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(attempt({ categoryId: "nope" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/category does not exist/) as unknown,
    });
    await expect(attempt({ images: [{ key: "products/x/y.jpg", url: "https://evil.example/y.jpg", alt: "" }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/not uploaded from your shop/) as unknown,
    });
  });
});
