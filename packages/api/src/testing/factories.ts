// Test data builders shared by every integration test: each call makes fresh, unique rows,
// so tests in one file never collide. They write straight to the database (no domain rules),
// which is what a test's "given" needs; the "when" goes through the domain or a tRPC caller.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient, ProductStatus, Role, SellerStatus } from "@bazaar/db";

let counter = 0;
/** A short token unique within the process run (and random across runs). */
export const uniqueSuffix = () => `${(++counter).toString(36)}${randomBytes(3).toString("hex")}`;

export interface UserOverrides {
  email?: string;
  name?: string;
  role?: Role;
  status?: "ACTIVE" | "SUSPENDED";
  /** Hashed with a low bcrypt cost: tests that sign in need a real hash, fast. */
  password?: string;
  /** When the email was confirmed; confirmed now unless a test says null. */
  emailVerified?: Date | null;
}

export async function createUser(db: PrismaClient, overrides: UserOverrides = {}) {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      email: overrides.email ?? `user-${suffix}@test.bazaar`,
      name: overrides.name ?? `User ${suffix}`,
      role: overrides.role ?? "BUYER",
      status: overrides.status ?? "ACTIVE",
      passwordHash: overrides.password ? bcrypt.hashSync(overrides.password, 4) : null,
      emailVerified: overrides.emailVerified === undefined ? new Date() : overrides.emailVerified,
    },
  });
}

export const createBuyer = (db: PrismaClient, overrides: Omit<UserOverrides, "role"> = {}) => createUser(db, { ...overrides, role: "BUYER" });

export const createAdmin = (db: PrismaClient, overrides: Omit<UserOverrides, "role"> = {}) => createUser(db, { ...overrides, role: "ADMIN" });

export interface SellerOverrides {
  shopName?: string;
  slug?: string;
  status?: SellerStatus;
  commissionBps?: number | null;
  shippingFlatCents?: number;
  freeShippingOverCents?: number | null;
  stripeAccountId?: string | null;
  email?: string;
  password?: string;
}

/** A seller user, its shop (APPROVED unless told) and one warehouse "MAIN". */
export async function createSeller(db: PrismaClient, overrides: SellerOverrides = {}) {
  const suffix = uniqueSuffix();
  const user = await createUser(db, { role: "SELLER", email: overrides.email, password: overrides.password });
  const status = overrides.status ?? "APPROVED";
  const seller = await db.seller.create({
    data: {
      userId: user.id,
      shopName: overrides.shopName ?? `Shop ${suffix}`,
      slug: overrides.slug ?? `shop-${suffix}`,
      contactEmail: user.email,
      status,
      commissionBps: overrides.commissionBps ?? null,
      shippingFlatCents: overrides.shippingFlatCents ?? 599,
      freeShippingOverCents: overrides.freeShippingOverCents === undefined ? 5000 : overrides.freeShippingOverCents,
      stripeAccountId: overrides.stripeAccountId ?? null,
      approvedAt: status === "APPROVED" ? new Date() : null,
      suspendedAt: status === "SUSPENDED" ? new Date() : null,
    },
  });
  const warehouse = await db.warehouse.create({ data: { sellerId: seller.id, name: "Main warehouse", code: "MAIN" } });
  return { user, seller, warehouse };
}

export async function createWarehouse(db: PrismaClient, sellerId: string, overrides: { code?: string; name?: string; country?: string } = {}) {
  const code = overrides.code ?? `WH-${uniqueSuffix()}`.toUpperCase();
  return db.warehouse.create({ data: { sellerId, code, name: overrides.name ?? `Warehouse ${code}`, country: overrides.country ?? "US" } });
}

export async function createCategory(db: PrismaClient, overrides: { name?: string; slug?: string; parentId?: string | null } = {}) {
  const suffix = uniqueSuffix();
  const name = overrides.name ?? `Category ${suffix}`;
  return db.category.create({
    data: { name, slug: overrides.slug ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}`, parentId: overrides.parentId ?? null },
  });
}

export interface ProductOverrides {
  sku?: string;
  name?: string;
  slug?: string;
  description?: string;
  priceCents?: number;
  currency?: string;
  status?: ProductStatus;
  categoryId?: string | null;
  ratingAvg?: number;
  ratingCount?: number;
  createdAt?: Date;
  /**
   * On-hand units: a number puts them in `warehouseId` (or the seller's first warehouse);
   * an object maps warehouse ids to units. Omit for a product with no stock rows.
   */
  stock?: number | Record<string, number>;
  warehouseId?: string;
  lowStockThreshold?: number;
}

/** A product (ACTIVE unless told) with its stock rows. */
export async function createProduct(db: PrismaClient, sellerId: string, overrides: ProductOverrides = {}) {
  const suffix = uniqueSuffix();
  const name = overrides.name ?? `Product ${suffix}`;
  const status = overrides.status ?? "ACTIVE";
  const product = await db.product.create({
    data: {
      sellerId,
      sku: overrides.sku ?? `SKU-${suffix}`.toUpperCase(),
      name,
      slug: overrides.slug ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}`,
      description: overrides.description ?? "",
      priceCents: overrides.priceCents ?? 2500,
      currency: overrides.currency ?? "USD",
      status,
      categoryId: overrides.categoryId ?? null,
      ratingAvg: overrides.ratingAvg ?? 0,
      ratingCount: overrides.ratingCount ?? 0,
      ratingSum: Math.round((overrides.ratingAvg ?? 0) * (overrides.ratingCount ?? 0)),
      publishedAt: status === "ACTIVE" ? new Date() : null,
      createdAt: overrides.createdAt,
      priceMaxCents: overrides.priceCents ?? 2500,
    },
  });
  const variant = await db.productVariant.create({
    data: { productId: product.id, sellerId, sku: product.sku, priceCents: product.priceCents, optionValues: [] },
  });
  let perWarehouse: Record<string, number> = {};
  if (typeof overrides.stock === "number") {
    const warehouseId = overrides.warehouseId ?? (await db.warehouse.findFirstOrThrow({ where: { sellerId }, orderBy: { createdAt: "asc" } })).id;
    perWarehouse = { [warehouseId]: overrides.stock };
  } else if (overrides.stock) {
    perWarehouse = overrides.stock;
  }
  const stockLevels = [];
  for (const [warehouseId, onHand] of Object.entries(perWarehouse)) {
    stockLevels.push(
      await db.stockLevel.create({
        data: { productId: product.id, variantId: variant.id, warehouseId, onHand, lowStockThreshold: overrides.lowStockThreshold ?? 5 },
      }),
    );
  }
  return { product, variant, stockLevels };
}

export interface VariantSpec {
  values: string[];
  priceCents?: number;
  /** On-hand units in the seller's first warehouse (or `warehouseId`). */
  stock?: number;
}

/**
 * A product with options (e.g. Size x Colour) and one variant per spec, each with its own stock
 * row; `variants` in the specs' order.
 */
export async function createProductWithVariants(
  db: PrismaClient,
  sellerId: string,
  spec: { options: { name: string; values: string[] }[]; variants: VariantSpec[] } & Omit<ProductOverrides, "stock">,
) {
  const { product } = await createProduct(db, sellerId, spec);
  await db.productVariant.deleteMany({ where: { productId: product.id } });
  await db.productOption.createMany({
    data: spec.options.map((option, position) => ({ productId: product.id, name: option.name, position, values: option.values })),
  });
  const warehouseId = spec.warehouseId ?? (await db.warehouse.findFirstOrThrow({ where: { sellerId }, orderBy: { createdAt: "asc" } })).id;
  const variants = [];
  const stockLevels = [];
  for (const [position, v] of spec.variants.entries()) {
    const variant = await db.productVariant.create({
      data: {
        productId: product.id,
        sellerId,
        sku: `${product.sku}-${v.values.join("-")}`.toUpperCase().replace(/[^A-Z0-9-]/g, ""),
        optionValues: v.values,
        title: v.values.join(" / "),
        priceCents: v.priceCents ?? product.priceCents,
        position,
      },
    });
    variants.push(variant);
    if (v.stock !== undefined) {
      stockLevels.push(
        await db.stockLevel.create({
          data: { productId: product.id, variantId: variant.id, warehouseId, onHand: v.stock, lowStockThreshold: spec.lowStockThreshold ?? 5 },
        }),
      );
    }
  }
  const prices = variants.map((variant) => variant.priceCents);
  const updated = await db.product.update({
    where: { id: product.id },
    data: {
      priceCents: Math.min(...prices),
      priceMaxCents: Math.max(...prices),
      optionText: spec.options.flatMap((option) => option.values).join(" "),
    },
  });
  return { product: updated, variants, stockLevels };
}

export async function createAddress(db: PrismaClient, userId: string, overrides: { country?: string; isDefault?: boolean } = {}) {
  return db.address.create({
    data: {
      userId,
      fullName: "Test Buyer",
      line1: "1 Market Street",
      city: "Springfield",
      postalCode: "12345",
      country: overrides.country ?? "US",
      isDefault: overrides.isDefault ?? true,
    },
  });
}

/** A shipping address as checkout takes it inline. */
export const shippingAddressInput = (country = "US") => ({
  fullName: "Test Buyer",
  line1: "1 Market Street",
  city: "Springfield",
  postalCode: "12345",
  country,
});

export async function createPromo(
  db: PrismaClient,
  overrides: Partial<{
    code: string;
    type: "PERCENT" | "FIXED";
    value: number;
    minSubtotalCents: number;
    expiresAt: Date | null;
    startsAt: Date | null;
    usageLimit: number | null;
    usageCount: number;
    sellerId: string | null;
    active: boolean;
    currency: string;
  }> = {},
) {
  return db.promoCode.create({
    data: {
      code: overrides.code ?? `PROMO${uniqueSuffix()}`.toUpperCase(),
      type: overrides.type ?? "PERCENT",
      value: overrides.value ?? 1000,
      minSubtotalCents: overrides.minSubtotalCents ?? 0,
      expiresAt: overrides.expiresAt ?? null,
      startsAt: overrides.startsAt ?? null,
      usageLimit: overrides.usageLimit ?? null,
      usageCount: overrides.usageCount ?? 0,
      sellerId: overrides.sellerId ?? null,
      active: overrides.active ?? true,
      currency: overrides.currency ?? "USD",
    },
  });
}

export async function setTaxRate(db: PrismaClient, country: string, rateBps: number) {
  return db.taxRate.upsert({ where: { country }, create: { country, rateBps }, update: { rateBps } });
}
