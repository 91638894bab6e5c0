// The sitemap lists exactly what a buyer may see: no drafts, no unlisted products, nothing of a
// suspended or pending shop, and the categories and shops that hold visible products.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createAdmin, createCategory, createProduct, createSeller } from "../../testing/factories";
import { SITEMAP_PAGE_SIZE } from "./sitemap";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const paths = async (kind: "products" | "categories" | "shops") =>
  (await (await callerFor(t.db, null)).catalog.sitemap({ kind, page: 0 })).map((entry) => entry.path);

describe("sitemap", () => {
  it("lists only what buyers see, and drops a shop the moment it is suspended", async () => {
    const admin = await callerFor(t.db, (await createAdmin(t.db)).id);
    const lamps = await createCategory(t.db, { name: "Sitemap Lamps" });
    const empty = await createCategory(t.db, { name: "Sitemap Empty" });
    const open = await createSeller(t.db);
    const closing = await createSeller(t.db);
    const pending = await createSeller(t.db, { status: "PENDING" });
    const { product: shown } = await createProduct(t.db, open.seller.id, { name: "Sitemap Lamp", categoryId: lamps.id, stock: 2 });
    const { product: draft } = await createProduct(t.db, open.seller.id, { name: "Sitemap Draft", status: "DRAFT" });
    const { product: unlisted } = await createProduct(t.db, open.seller.id, { name: "Sitemap Fake" });
    const { product: ofClosing } = await createProduct(t.db, closing.seller.id, { name: "Sitemap Closing", categoryId: lamps.id });
    const { product: ofPending } = await createProduct(t.db, pending.seller.id, { name: "Sitemap Pending" });
    await admin.catalog.unlist({ id: unlisted.id, reason: "Counterfeit goods reported" });

    const products = await paths("products");
    expect(products).toEqual(expect.arrayContaining([`/products/${shown.slug}`, `/products/${ofClosing.slug}`]));
    for (const hidden of [draft, unlisted, ofPending]) expect(products).not.toContain(`/products/${hidden.slug}`);
    expect(await paths("categories")).toEqual(expect.arrayContaining([`/c/${lamps.slug}`]));
    expect(await paths("categories")).not.toContain(`/c/${empty.slug}`);
    expect(await paths("shops")).toEqual(expect.arrayContaining([`/shops/${open.seller.slug}`, `/shops/${closing.seller.slug}`]));
    expect(await paths("shops")).not.toContain(`/shops/${pending.seller.slug}`);

    await admin.admin.sellers.suspend({ sellerId: closing.seller.id, reason: "Repeated late shipments" });
    expect(await paths("products")).not.toContain(`/products/${ofClosing.slug}`);
    expect(await paths("shops")).not.toContain(`/shops/${closing.seller.slug}`);
  });

  it("indexes one file per kind while each holds fewer than a page of entries, with the newest change", async () => {
    const index = await (await callerFor(t.db, null)).catalog.sitemapIndex();
    expect(index.map((file) => `${file.kind}-${file.page}`)).toEqual(["products-0", "categories-0", "shops-0"]);
    const newest = await t.db.product.findFirstOrThrow({
      where: { status: "ACTIVE", unlistedAt: null, seller: { status: "APPROVED" } },
      orderBy: { updatedAt: "desc" },
    });
    expect(index[0]?.lastModified).toEqual(newest.updatedAt);
    expect(SITEMAP_PAGE_SIZE).toBeLessThanOrEqual(50_000);
  });

  it("refuses a page number out of range with a 400, not a 500", async () => {
    await expect((await callerFor(t.db, null)).catalog.sitemap({ kind: "products", page: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
