// The demo seed on a fresh database: what the foundation issue promises is there, consistent,
// the same on every run, and never written over existing data.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData, type SeedResult } from ".";

const now = new Date("2026-11-25T12:00:00Z");
let t: TestDatabase;
let mediaDir: string;
let result: SeedResult | null;
let seconds: number;

beforeAll(async () => {
  t = await createTestDatabase();
  mediaDir = await mkdtemp(path.join(tmpdir(), "bazaar-seed-"));
  const started = performance.now();
  result = await seedDemoData(t.db, { now, mediaDir });
  seconds = (performance.now() - started) / 1000;
});

afterAll(async () => {
  await rm(mediaDir, { recursive: true, force: true });
  await t.drop();
});

const available = (rows: Array<{ onHand: number; reserved: number; allocated: number }>) =>
  rows.reduce((sum, r) => sum + r.onHand - r.reserved - r.allocated, 0);

describe("the demo seed", () => {
  it("runs in well under 10 seconds", () => {
    expect(result).not.toBeNull();
    expect(seconds).toBeLessThan(10);
  });

  it("creates the demo logins of the brief, all with the password bazaar123", async () => {
    const users = await t.db.user.findMany({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } });
    expect(users).toHaveLength(DEMO_LOGINS.length);
    for (const login of DEMO_LOGINS) {
      const user = users.find((u) => u.email === login.email);
      expect(user?.role, login.email).toBe(login.role);
      expect(user?.status).toBe("ACTIVE");
      expect(await bcrypt.compare(DEMO_PASSWORD, user?.passwordHash ?? ""), login.email).toBe(true);
      expect(await bcrypt.compare("wrong-password", user?.passwordHash ?? "")).toBe(false);
    }
    expect(bcrypt.getRounds(users[0]?.passwordHash ?? "")).toBe(10);
  });

  it("has three approved shops and one awaiting approval, with shipping settings", async () => {
    const sellers = await t.db.seller.findMany({ include: { user: true }, orderBy: { slug: "asc" } });
    expect(sellers.map((s) => [s.user.email, s.shopName, s.slug, s.status])).toEqual([
      ["audio@bazaar.test", "Northwind Audio", "northwind-audio", "APPROVED"],
      ["home@bazaar.test", "Oak & Ember Home", "oak-and-ember", "APPROVED"],
      ["pending@bazaar.test", "Pixel Print Co", "pixel-print", "PENDING"],
      ["outdoor@bazaar.test", "Summit Outfitters", "summit-outfitters", "APPROVED"],
    ]);
    for (const seller of sellers) {
      expect(seller.shippingFlatCents).toBeGreaterThan(0);
      expect(seller.approvedAt === null).toBe(seller.status === "PENDING");
    }
  });

  it("has a category tree of at least 8 categories, products only in leaves", async () => {
    const categories = await t.db.category.findMany({ include: { children: true, _count: { select: { products: true } } } });
    expect(categories.length).toBeGreaterThanOrEqual(8);
    expect(
      categories
        .filter((c) => c.parentId === null)
        .map((c) => c.slug)
        .sort(),
    ).toEqual(["electronics", "home", "outdoor"]);
    for (const c of categories) {
      if (c.children.length > 0) expect(c._count.products, c.slug).toBe(0);
      else expect(c._count.products, c.slug).toBeGreaterThan(0);
    }
  });

  it("has 84 products over the approved shops, with real descriptions and 1 to 3 pictures each", async () => {
    const products = await t.db.product.findMany({ include: { images: { orderBy: { position: "asc" } }, seller: true } });
    expect(products).toHaveLength(84);
    expect(new Set(products.map((p) => p.seller.slug))).toEqual(new Set(["northwind-audio", "oak-and-ember", "summit-outfitters"]));
    expect(products.filter((p) => p.status === "DRAFT").length).toBeGreaterThan(0);
    expect(products.filter((p) => p.status === "ACTIVE").length).toBeGreaterThanOrEqual(70);
    expect(new Set(products.map((p) => p.slug)).size).toBe(84);
    for (const p of products) {
      expect(p.description.split("\n\n").length, p.name).toBeGreaterThanOrEqual(3);
      expect(p.priceCents).toBeGreaterThan(0);
      expect(p.currency).toBe("USD");
      expect(p.publishedAt === null).toBe(p.status === "DRAFT");
      expect(p.images.length, p.name).toBeGreaterThanOrEqual(1);
      expect(p.images.length, p.name).toBeLessThanOrEqual(3);
      expect(p.images.map((i) => i.position)).toEqual(p.images.map((_, i) => i));
      for (const image of p.images) {
        expect(image.url).toBe(`/media/${image.storageKey}`);
        expect(image.alt).toContain(p.name);
        const svg = await readFile(path.join(mediaDir, image.storageKey), "utf8");
        expect(svg.startsWith("<svg")).toBe(true);
        expect(svg).toContain("</svg>");
      }
    }
  });

  it("stocks two warehouses per approved shop, with some products low and some out of stock", async () => {
    const warehouses = await t.db.warehouse.groupBy({ by: ["sellerId"], _count: true });
    expect(warehouses.map((w) => w._count)).toEqual([2, 2, 2]);
    const products = await t.db.product.findMany({ include: { stockLevels: true, _count: { select: { options: true } } } });
    const out = products.filter((p) => available(p.stockLevels) === 0);
    const low = products.filter((p) => {
      const a = available(p.stockLevels);
      return a > 0 && a < Math.max(...p.stockLevels.map((s) => s.lowStockThreshold));
    });
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(low.length).toBeGreaterThanOrEqual(3);
    expect(out.map((p) => p.sku).sort()).toEqual([...(result?.skus.out ?? [])].sort());
    expect(low.map((p) => p.sku).sort()).toEqual([...(result?.skus.low ?? [])].sort());
    for (const p of products.filter((p) => !out.includes(p) && !low.includes(p) && p.sku !== "DEMO-5" && p._count.options === 0)) {
      expect(p.stockLevels).toHaveLength(2);
      for (const row of p.stockLevels) expect(row.onHand, p.sku).toBeGreaterThanOrEqual(row.lowStockThreshold);
    }
  });

  it("gives a third of the products real options, each combination its own SKU, price and stock, some sold out", async () => {
    const products = await t.db.product.findMany({
      include: { options: { orderBy: { position: "asc" } }, variants: { include: { stockLevels: true } } },
    });
    const withOptions = products.filter((p) => p.options.length > 0);
    expect(withOptions.length).toBeGreaterThanOrEqual(Math.ceil(products.length / 3));
    expect(result?.products.withOptions).toBe(withOptions.length);
    expect(products.every((p) => p.variants.length >= 1)).toBe(true);
    for (const p of products.filter((p) => p.options.length === 0)) expect(p.variants.map((v) => v.optionValues)).toEqual([[]]);
    for (const p of withOptions) {
      expect(p.variants.length, p.name).toBeGreaterThanOrEqual(2);
      for (const v of p.variants) {
        expect(v.optionValues, p.name).toHaveLength(p.options.length);
        expect(v.title).toBe(v.optionValues.join(" / "));
        expect(v.stockLevels.length, v.sku).toBe(2);
      }
      expect(p.priceCents).toBe(Math.min(...p.variants.map((v) => v.priceCents)));
      expect(p.priceMaxCents).toBe(Math.max(...p.variants.map((v) => v.priceCents)));
    }
    const sofa = withOptions.find((p) => p.name === "Haven Three-Seat Sofa");
    expect(sofa?.options.map((o) => o.name)).toEqual(["Fabric"]);
    expect(sofa?.variants).toHaveLength(3);
    const soldOut = withOptions.flatMap((p) => p.variants).filter((v) => v.stockLevels.every((row) => row.onHand === 0));
    expect(soldOut.length).toBeGreaterThanOrEqual(5);
    const skus = products.flatMap((p) => p.variants.map((v) => `${v.sellerId}:${v.sku}`));
    expect(new Set(skus).size).toBe(skus.length);
  });

  it("has DEMO-5 with exactly 5 in stock in one warehouse", async () => {
    const product = await t.db.product.findFirstOrThrow({ where: { sku: "DEMO-5" }, include: { stockLevels: true, seller: true } });
    expect(product).toMatchObject({ name: "Limited Edition Walnut Desk Speaker", status: "ACTIVE", seller: { slug: "northwind-audio" } });
    expect(product.stockLevels).toHaveLength(1);
    expect(product.stockLevels[0]).toMatchObject({ onHand: 5, reserved: 0, allocated: 0 });
  });

  it("keeps each product's rating aggregate equal to its reviews", async () => {
    const products = await t.db.product.findMany({ include: { reviews: true } });
    expect(products.reduce((n, p) => n + p.reviews.length, 0)).toBeGreaterThanOrEqual(20);
    for (const p of products) {
      const sum = p.reviews.reduce((a, r) => a + r.rating, 0);
      expect([p.ratingCount, p.ratingSum], p.name).toEqual([p.reviews.length, sum]);
      expect(p.ratingAvg).toBeCloseTo(p.reviews.length ? sum / p.reviews.length : 0);
    }
    const buyer = await t.db.user.findUniqueOrThrow({ where: { email: "buyer@bazaar.test" }, include: { reviews: true, addresses: true } });
    expect(buyer.reviews).toHaveLength(0);
    expect(buyer.addresses.filter((a) => a.isDefault)).toHaveLength(1);
  });

  it("sets up tax rates, platform settings, promo codes and ledger accounts", async () => {
    expect(await t.db.taxRate.findUnique({ where: { country: "US" } })).toMatchObject({ rateBps: 800 });
    expect((await t.db.platformSetting.findUniqueOrThrow({ where: { key: "commission.defaultBps" } })).value).toBe(1000);
    expect((await t.db.platformSetting.findUniqueOrThrow({ where: { key: "stock.lowThresholdDefault" } })).value).toBe(5);
    expect(await t.db.promoCode.findUnique({ where: { code: "WELCOME10" } })).toMatchObject({ type: "PERCENT", value: 1000, sellerId: null, active: true });
    expect(await t.db.promoCode.findUnique({ where: { code: "SAVE5" } })).toMatchObject({ type: "FIXED", value: 500, minSubtotalCents: 3000 });
    const accounts = await t.db.ledgerAccount.findMany();
    const approved = await t.db.seller.findMany({ where: { status: "APPROVED" } });
    expect(accounts.map((a) => a.code).sort()).toEqual(
      [
        "buyer:external:USD",
        "platform:clearing:USD",
        "platform:revenue:USD",
        ...approved.flatMap((s) => [`seller:${s.id}:payable:USD`, `seller:${s.id}:payouts:USD`]),
      ].sort(),
    );
  });

  it("makes products findable by full-text search", async () => {
    const rows = await t.db.$queryRaw<Array<{ name: string }>>`select name from "Product" where "searchVector" @@ plainto_tsquery('english', 'walnut speaker')`;
    expect(rows.map((r) => r.name)).toContain("Limited Edition Walnut Desk Speaker");
  });

  it("does nothing on a database that already has users", async () => {
    const before = await t.db.product.count();
    expect(await seedDemoData(t.db, { now, mediaDir })).toBeNull();
    expect(await t.db.product.count()).toBe(before);
    expect(await t.db.user.count()).toBe(result?.users);
  });

  it("is deterministic: a second fresh database gets the same rows and pictures", async () => {
    const other = await createTestDatabase();
    const otherDir = await mkdtemp(path.join(tmpdir(), "bazaar-seed-"));
    try {
      await seedDemoData(other.db, { now, mediaDir: otherDir, bcryptCost: 4 });
      const pick = (db: TestDatabase["db"]) =>
        db.product.findMany({
          orderBy: { id: "asc" },
          select: {
            id: true,
            sku: true,
            slug: true,
            name: true,
            priceCents: true,
            description: true,
            createdAt: true,
            stockLevels: { select: { onHand: true }, orderBy: { id: "asc" } },
            images: { select: { storageKey: true }, orderBy: { position: "asc" } },
          },
        });
      const [mine, theirs] = await Promise.all([pick(t.db), pick(other.db)]);
      expect(theirs).toEqual(mine);
      const key = mine[0]?.images[0]?.storageKey ?? "";
      expect(await readFile(path.join(otherDir, key), "utf8")).toBe(await readFile(path.join(mediaDir, key), "utf8"));
    } finally {
      await rm(otherDir, { recursive: true, force: true });
      await other.drop();
    }
  });
});
