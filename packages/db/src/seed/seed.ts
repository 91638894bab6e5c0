// Turns the demo catalogue into rows, in one transaction of bulk inserts (a fresh database is
// seeded in a few seconds), and draws the product pictures into the local media directory.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import bcrypt from "bcryptjs";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { localMediaDir } from "../media-dir";
import {
  CATEGORIES,
  DEMO_PASSWORD,
  PLATFORM_SETTINGS,
  PRODUCTS,
  REVIEWS,
  SELLERS,
  TAX_RATES,
  USERS,
  VARIANTS,
  type DemoProduct,
  type DemoVariants,
  type StockProfile,
} from "./catalog";
import { productImageSvg, VARIANT_ALT } from "./images";
import { createRandom } from "./random";

export interface SeedOptions {
  /** Timestamps are spread over the days before this. */
  now?: Date;
  /** Where the product pictures are written; defaults to localMediaDir(). */
  mediaDir?: string;
  /** bcrypt cost of the demo password hash (10, as at sign-up; tests may lower it). */
  bcryptCost?: number;
}

export interface SeedResult {
  users: number;
  sellers: { approved: number; pending: number };
  categories: number;
  products: { total: number; active: number; draft: number; withOptions: number };
  variants: number;
  images: number;
  warehouses: number;
  stockLevels: number;
  reviews: number;
  /** SKUs of the products tests look for, by their stock situation. */
  skus: { exactlyFive: string; low: string[]; out: string[]; draft: string[] };
}

const DAY = 86_400_000;
const CURRENCY = "USD";

export const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

function describe(product: DemoProduct, categoryNote: string, signOff: string): string {
  return [product.blurb, `Highlights:\n${product.features.map((f) => `• ${f}`).join("\n")}`, categoryNote, signOff].filter(Boolean).join("\n\n");
}

/** Mirrors `ledgerAccountCode` in packages/api/src/domain/ledger/accounts.ts (the db package cannot import the api). */
const ledgerCodes = {
  buyerExternal: (currency: string) => `buyer:external:${currency}`,
  clearing: (currency: string) => `platform:clearing:${currency}`,
  revenue: (currency: string) => `platform:revenue:${currency}`,
  sellerPayable: (sellerId: string, currency: string) => `seller:${sellerId}:payable:${currency}`,
  sellerPayouts: (sellerId: string, currency: string) => `seller:${sellerId}:payouts:${currency}`,
};

interface VariantRow {
  optionValues: string[];
  title: string;
  priceCents: number;
  soldOut: boolean;
}

/** A product's variants: every combination of its options the seller offers, or one default variant. */
function variantRowsOf(basePriceCents: number, spec: DemoVariants | undefined): VariantRow[] {
  if (!spec) return [{ optionValues: [], title: "", priceCents: basePriceCents, soldOut: false }];
  const combos = spec.options.reduce<string[][]>((acc, option) => acc.flatMap((combo) => option.values.map((value) => [...combo, value])), [[]]);
  return combos
    .map((optionValues) => ({
      optionValues,
      title: optionValues.join(" / "),
      priceCents: basePriceCents + optionValues.reduce((sum, value) => sum + (spec.upcharge?.[value] ?? 0), 0),
      soldOut: false,
    }))
    .filter((row) => !spec.skip?.includes(row.title))
    .map((row) => ({ ...row, soldOut: spec.soldOut?.includes(row.title) ?? false }));
}

const skuPart = (value: string) =>
  value
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "")
    .toUpperCase()
    .slice(0, 12);

const required = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`seed data is inconsistent: ${what}`);
  return value;
};

/**
 * Seeds the demo marketplace into an empty database. Returns null, changing nothing, when the
 * database already has users: demo data never mixes with real data.
 */
export async function seedDemoData(db: PrismaClient, options: SeedOptions = {}): Promise<SeedResult | null> {
  const now = options.now ?? new Date();
  const mediaDir = options.mediaDir ?? localMediaDir();
  const ids = createRandom(20261125);
  const rand = createRandom(7);
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * 3_600_000);

  if ((await db.user.count()) > 0) return null;

  // One hash for every demo account: they share the password, and bcrypt is the slow part.
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, options.bcryptCost ?? 10);

  const users: Prisma.UserCreateManyInput[] = USERS.map((u, i) => ({
    id: ids.id(),
    email: u.email,
    name: u.name,
    role: u.role,
    passwordHash,
    emailVerified: ago(200 - i),
    createdAt: ago(200 - i),
  }));
  const userIdOf = (key: string) => required(users[USERS.findIndex((u) => u.key === key)]?.id, `user ${key}`);

  const sellers = SELLERS.map((s, i) => {
    const user = required(
      USERS.find((u) => u.key === s.userKey),
      `user of ${s.slug}`,
    );
    return {
      def: s,
      row: {
        id: ids.id(),
        userId: userIdOf(s.userKey),
        shopName: s.shopName,
        slug: s.slug,
        contactEmail: user.email,
        description: s.description,
        status: s.status,
        shippingFlatCents: s.shippingFlatCents,
        freeShippingOverCents: s.freeShippingOverCents,
        approvedAt: s.status === "APPROVED" ? ago(180 - i * 10) : null,
        createdAt: s.status === "APPROVED" ? ago(190 - i * 10) : ago(2),
      } satisfies Prisma.SellerCreateManyInput,
    };
  });
  const sellerBySlug = new Map(sellers.map((s) => [s.def.slug, s]));

  const categoryIds = new Map(CATEGORIES.map((c) => [c.slug, ids.id()]));
  const categoryRow = (c: (typeof CATEGORIES)[number], position: number): Prisma.CategoryCreateManyInput => ({
    id: required(categoryIds.get(c.slug), c.slug),
    name: c.name,
    slug: c.slug,
    parentId: c.parent ? required(categoryIds.get(c.parent), c.parent) : null,
    position,
    createdAt: ago(220),
  });
  const topCategories = CATEGORIES.filter((c) => !c.parent).map((c, i) => categoryRow(c, i));
  const childCategories = CATEGORIES.filter((c) => c.parent).map((c) => {
    const siblings = CATEGORIES.filter((s) => s.parent === c.parent);
    return categoryRow(c, siblings.indexOf(c));
  });

  const warehouses = sellers.flatMap((s) =>
    s.def.warehouses.map((w) => ({
      sellerId: s.row.id,
      row: { id: ids.id(), sellerId: s.row.id, code: w.code, name: w.name, country: w.country, createdAt: ago(185) },
    })),
  );

  const products: Prisma.ProductCreateManyInput[] = [];
  const images: Prisma.ProductImageCreateManyInput[] = [];
  const stockLevels: Prisma.StockLevelCreateManyInput[] = [];
  const productOptions: Prisma.ProductOptionCreateManyInput[] = [];
  const variants: Prisma.ProductVariantCreateManyInput[] = [];
  // Variant stock has its own stream, so products without options keep the numbers they always had.
  const variantRand = createRandom(13);
  const files: Array<{ file: string; svg: string }> = [];
  const skus: SeedResult["skus"] = { exactlyFive: "", low: [], out: [], draft: [] };
  const slugs = new Set<string>();
  const counters = new Map<string, number>();
  const productIdByName = new Map<string, string>();

  for (const def of PRODUCTS) {
    const seller = required(sellerBySlug.get(def.seller), `seller ${def.seller}`);
    const category = required(
      CATEGORIES.find((c) => c.slug === def.category),
      `category ${def.category}`,
    );
    const counterKey = `${seller.def.skuPrefix}-${category.skuCode}`;
    const n = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, n);
    const sku = def.sku ?? `${counterKey}-${String(n).padStart(3, "0")}`;
    let slug = slugify(def.name);
    while (slugs.has(slug)) slug = `${slug}-${rand.int(2, 99)}`;
    slugs.add(slug);

    const id = ids.id();
    productIdByName.set(def.name, id);
    const createdAt = ago(rand.int(3, 120), rand.int(0, 23));
    const status = def.status ?? "ACTIVE";
    const spec = VARIANTS[def.name];
    const variantRows = variantRowsOf(def.priceCents, spec);
    const variantIds = variantRows.map(() => ids.id());
    spec?.options.forEach((option, position) => productOptions.push({ id: ids.id(), productId: id, name: option.name, position, values: option.values }));
    variantRows.forEach((row, position) =>
      variants.push({
        id: variantIds[position]!,
        productId: id,
        sellerId: seller.row.id,
        sku: row.optionValues.length ? [sku, ...row.optionValues.map(skuPart)].join("-") : sku,
        optionValues: row.optionValues,
        title: row.title,
        priceCents: row.priceCents,
        position,
        createdAt,
        updatedAt: createdAt,
      }),
    );
    const prices = variantRows.map((row) => row.priceCents);
    products.push({
      id,
      sellerId: seller.row.id,
      categoryId: required(categoryIds.get(category.slug), category.slug),
      sku,
      name: def.name,
      slug,
      description: describe(def, category.note ?? "", seller.def.signOff),
      priceCents: Math.min(...prices),
      priceMaxCents: Math.max(...prices),
      optionText: spec ? spec.options.flatMap((option) => option.values).join(" ") : "",
      currency: CURRENCY,
      status,
      publishedAt: status === "ACTIVE" ? new Date(createdAt.getTime() + 3_600_000) : null,
      createdAt,
      updatedAt: createdAt,
    });
    if (status === "DRAFT") skus.draft.push(sku);

    // Pictures: 1 to 3 per product, drawn in the category's colours.
    const palette = required(category.palette, `palette of ${category.slug}`);
    const hueShift = rand.int(-14, 14);
    const count = def.stock === "exactly-five" ? 2 : rand.pick([1, 2, 2, 3, 3]);
    for (let position = 0; position < count; position++) {
      const variant = position as 0 | 1 | 2;
      const storageKey = `seed/${seller.def.slug}/${sku.toLowerCase()}-${position + 1}.svg`;
      files.push({
        file: path.join(mediaDir, storageKey),
        svg: productImageSvg({ name: def.name, shopName: seller.def.shopName, icon: def.icon, palette, hueShift, variant }),
      });
      images.push({
        id: ids.id(),
        productId: id,
        storageKey,
        url: `/media/${storageKey}`,
        alt: `${def.name}, ${VARIANT_ALT[variant]}`,
        position,
        width: 800,
        height: 800,
        createdAt,
      });
    }

    // Stock: both warehouses hold every product, except the ones with a story to tell.
    const profile: StockProfile = def.stock ?? "normal";
    const [primary, secondary] = warehouses.filter((w) => w.sellerId === seller.row.id);
    if (!primary || !secondary) throw new Error(`seed data is inconsistent: ${seller.def.slug} needs two warehouses`);
    const onHand: Record<StockProfile, [number, number] | [number]> = {
      normal: [rand.int(18, 140), rand.int(8, 80)],
      low: [2, 1],
      out: [0, 0],
      // One row, so a test racing buyers for the last units has exactly 5 to fight over.
      "exactly-five": [5],
    };
    if (spec) {
      // Each combination has its own shelf: a few dozen of most, none of the sold-out ones.
      variantRows.forEach((row, i) => {
        const quantities = row.soldOut ? [0, 0] : [variantRand.int(3, 40), variantRand.int(0, 20)];
        quantities.forEach((quantity, w) => {
          const warehouse = w === 0 ? primary : secondary;
          stockLevels.push({
            id: ids.id(),
            productId: id,
            variantId: variantIds[i]!,
            warehouseId: warehouse.row.id,
            onHand: quantity,
            lowStockThreshold: 3,
            updatedAt: createdAt,
          });
        });
      });
    } else {
      onHand[profile].forEach((quantity, i) => {
        const warehouse = i === 0 ? primary : secondary;
        stockLevels.push({
          id: ids.id(),
          productId: id,
          variantId: variantIds[0]!,
          warehouseId: warehouse.row.id,
          onHand: quantity,
          lowStockThreshold: 5,
          updatedAt: createdAt,
        });
      });
    }
    if (profile === "low") skus.low.push(sku);
    if (profile === "out") skus.out.push(sku);
    if (profile === "exactly-five") skus.exactlyFive = sku;
  }

  const reviews: Prisma.ReviewCreateManyInput[] = REVIEWS.map((r) => ({
    id: ids.id(),
    productId: required(productIdByName.get(r.product), `reviewed product ${r.product}`),
    buyerId: userIdOf(r.reviewer),
    rating: r.rating,
    title: r.title,
    body: r.body,
    verifiedPurchase: false,
    createdAt: ago(rand.int(1, 60), rand.int(0, 23)),
  }));
  for (const product of products) {
    const ratings = reviews.filter((r) => r.productId === product.id).map((r) => r.rating);
    product.ratingCount = ratings.length;
    product.ratingSum = ratings.reduce((a, b) => a + b, 0);
    product.ratingAvg = ratings.length ? product.ratingSum / ratings.length : 0;
  }

  const addresses: Prisma.AddressCreateManyInput[] = [
    {
      id: ids.id(),
      userId: userIdOf("buyer"),
      label: "Home",
      fullName: "Jordan Rivera",
      line1: "1200 Market Street",
      line2: "Apt 4B",
      city: "San Francisco",
      region: "CA",
      postalCode: "94102",
      country: "US",
      phone: "+1 415 555 0134",
      isDefault: true,
    },
    {
      id: ids.id(),
      userId: userIdOf("buyer"),
      label: "Parents",
      fullName: "Jordan Rivera",
      line1: "55 Queen Street West",
      city: "Toronto",
      region: "ON",
      postalCode: "M5H 2M9",
      country: "CA",
      phone: "+1 416 555 0188",
      isDefault: false,
    },
    {
      id: ids.id(),
      userId: userIdOf("buyer2"),
      label: "Home",
      fullName: "Casey Morgan",
      line1: "410 Atlantic Avenue",
      city: "Brooklyn",
      region: "NY",
      postalCode: "11217",
      country: "US",
      phone: "+1 718 555 0102",
      isDefault: true,
    },
  ];

  const approved = sellers.filter((s) => s.def.status === "APPROVED");
  const ledgerAccounts: Prisma.LedgerAccountCreateManyInput[] = [
    { id: ids.id(), code: ledgerCodes.buyerExternal(CURRENCY), kind: "BUYER_EXTERNAL", currency: CURRENCY, name: `Buyers (external, ${CURRENCY})` },
    { id: ids.id(), code: ledgerCodes.clearing(CURRENCY), kind: "PAYMENT_CLEARING", currency: CURRENCY, name: `Payment clearing (${CURRENCY})` },
    { id: ids.id(), code: ledgerCodes.revenue(CURRENCY), kind: "PLATFORM_REVENUE", currency: CURRENCY, name: `Platform commission revenue (${CURRENCY})` },
    ...approved.flatMap((s) => [
      {
        id: ids.id(),
        code: ledgerCodes.sellerPayable(s.row.id, CURRENCY),
        kind: "SELLER_PAYABLE" as const,
        sellerId: s.row.id,
        currency: CURRENCY,
        name: `Seller payable (${CURRENCY})`,
      },
      {
        id: ids.id(),
        code: ledgerCodes.sellerPayouts(s.row.id, CURRENCY),
        kind: "SELLER_PAYOUTS" as const,
        sellerId: s.row.id,
        currency: CURRENCY,
        name: `Seller payouts (${CURRENCY})`,
      },
    ]),
  ];

  // Pictures first: if the database part fails, the files are harmless and rewritten next time.
  await Promise.all([...new Set(files.map((f) => path.dirname(f.file)))].map((dir) => mkdir(dir, { recursive: true })));
  await Promise.all(files.map((f) => writeFile(f.file, f.svg)));

  return db.$transaction(
    async (tx) => {
      // Checked again inside the transaction, so two seeds started together cannot both write.
      if ((await tx.user.count()) > 0) return null;
      await tx.user.createMany({ data: users });
      await tx.seller.createMany({ data: sellers.map((s) => s.row) });
      await tx.category.createMany({ data: topCategories });
      await tx.category.createMany({ data: childCategories });
      await tx.warehouse.createMany({ data: warehouses.map((w) => w.row) });
      await tx.product.createMany({ data: products });
      await tx.productImage.createMany({ data: images });
      await tx.productOption.createMany({ data: productOptions });
      await tx.productVariant.createMany({ data: variants });
      await tx.stockLevel.createMany({ data: stockLevels });
      await tx.review.createMany({ data: reviews });
      await tx.address.createMany({ data: addresses });
      await tx.taxRate.createMany({ data: TAX_RATES });
      await tx.platformSetting.createMany({ data: PLATFORM_SETTINGS });
      await tx.promoCode.createMany({
        data: [
          { id: ids.id(), code: "WELCOME10", description: "10% off your order", type: "PERCENT", value: 1000, currency: CURRENCY },
          { id: ids.id(), code: "SAVE5", description: "$5 off orders of $30 or more", type: "FIXED", value: 500, currency: CURRENCY, minSubtotalCents: 3000 },
        ],
      });
      await tx.ledgerAccount.createMany({ data: ledgerAccounts });
      return {
        users: users.length,
        sellers: { approved: approved.length, pending: sellers.length - approved.length },
        categories: CATEGORIES.length,
        products: {
          total: products.length,
          active: products.filter((p) => p.status === "ACTIVE").length,
          draft: skus.draft.length,
          withOptions: new Set(productOptions.map((o) => o.productId)).size,
        },
        variants: variants.length,
        images: images.length,
        warehouses: warehouses.length,
        stockLevels: stockLevels.length,
        reviews: reviews.length,
        skus,
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
