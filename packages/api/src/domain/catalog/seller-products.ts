// Sellers manage their own products; every lookup is scoped to the seller, so another shop's
// product id is "not found", never someone else's data.
import { Prisma, type PrismaClient, type Tx } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { DomainError } from "../../errors";
import { publish } from "../../events/publish";
import { isGenuineUpload } from "../../media";
import type { ProductForm, UpdateProduct } from "../../validators/catalog";
import { slugify } from "../slug";
import { inTransaction } from "../transaction";
import { nextProductStatus, type ProductAction } from "./product-status";
import { sellerVariantSelect, syncVariantSummary } from "./variants";

const sellerProductSelect = {
  id: true,
  sku: true,
  name: true,
  slug: true,
  description: true,
  priceCents: true,
  priceMaxCents: true,
  currency: true,
  status: true,
  categoryId: true,
  unlistedAt: true,
  unlistedReason: true,
  publishedAt: true,
  ratingAvg: true,
  ratingCount: true,
  salesCount: true,
  createdAt: true,
  updatedAt: true,
  images: { select: { id: true, storageKey: true, url: true, alt: true, position: true }, orderBy: { position: "asc" } },
  options: { select: { id: true, name: true, position: true, values: true }, orderBy: { position: "asc" } },
  variants: { select: sellerVariantSelect, orderBy: [{ position: "asc" }, { id: "asc" }] },
  stockLevels: {
    select: { id: true, variantId: true, warehouseId: true, onHand: true, reserved: true, allocated: true, lowStockThreshold: true, version: true },
    orderBy: { warehouseId: "asc" },
  },
} satisfies Prisma.ProductSelect;

export async function getSellerProduct(db: Tx, actor: Actor, id: string) {
  const { sellerId } = requireSeller(actor);
  const product = await db.product.findFirst({ where: { id, sellerId }, select: sellerProductSelect });
  if (!product) throw new DomainError("NOT_FOUND", "That product is not in your shop.");
  return product;
}

/** A readable slug nobody else uses: `desk-lamp`, else `desk-lamp-2`, `desk-lamp-3`... */
async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name) || "product";
  const taken = new Set((await tx.product.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function assertCategory(tx: Tx, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const category = await tx.category.findUnique({ where: { id: categoryId }, select: { id: true } });
  if (!category) throw new DomainError("BAD_REQUEST", "That category does not exist. Pick one from the list.", { field: "categoryId" });
}

async function assertSkuFree(tx: Tx, sellerId: string, sku: string, exceptId?: string) {
  const clash = await tx.product.findFirst({ where: { sellerId, sku, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { name: true } });
  if (clash) throw skuTaken(sku, clash.name);
}

const skuTaken = (sku: string, name?: string) =>
  new DomainError("CONFLICT", `You already have a product with SKU ${sku}${name ? ` ("${name}")` : ""}. SKUs must be unique in your shop.`, { field: "sku" });

/** Two requests racing for one SKU: the unique index decides, and the loser gets the same message. */
function mapUniqueViolation(error: unknown, sku: string | undefined): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && sku) throw skuTaken(sku);
  throw error;
}

/**
 * Replaces the product's images: kept ones by key (so variants keep their pictures), new ones only
 * with a genuine upload receipt for this seller.
 */
async function replaceImages(tx: Tx, sellerId: string, productId: string, images: NonNullable<ProductForm["images"]>) {
  const existing = await tx.productImage.findMany({ where: { productId }, select: { id: true, storageKey: true } });
  const known = new Map(existing.map((image) => [image.storageKey, image.id]));
  for (const image of images) {
    if (known.has(image.key)) continue;
    if (!image.receipt || !isGenuineUpload({ ownerId: sellerId, key: image.key, url: image.url, receipt: image.receipt })) {
      throw new DomainError("BAD_REQUEST", "One of the images was not uploaded from your shop. Upload it again.", { field: "images" });
    }
  }
  const wanted = new Set(images.map((image) => image.key));
  await tx.productImage.deleteMany({ where: { productId, storageKey: { notIn: [...wanted] } } });
  for (const [position, image] of images.entries()) {
    const id = known.get(image.key);
    if (id) await tx.productImage.update({ where: { id }, data: { alt: image.alt, position } });
    else await tx.productImage.create({ data: { productId, storageKey: image.key, url: image.url, alt: image.alt, position } });
  }
}

/** A new product, as a draft (publishing is a separate step). */
export async function createSellerProduct(db: PrismaClient, actor: Actor, input: ProductForm) {
  const { sellerId } = requireSeller(actor);
  try {
    const id = await inTransaction(db, async (tx) => {
      await assertCategory(tx, input.categoryId);
      await assertSkuFree(tx, sellerId, input.sku);
      const product = await tx.product.create({
        data: {
          sellerId,
          sku: input.sku,
          name: input.name,
          slug: await uniqueSlug(tx, input.name),
          description: input.description,
          priceCents: input.priceCents,
          currency: input.currency,
          categoryId: input.categoryId ?? null,
          status: "DRAFT",
          priceMaxCents: input.priceCents,
          // Every product starts as one variant; options and more variants come from the variants editor.
          variants: { create: { sellerId, sku: input.sku, priceCents: input.priceCents, optionValues: [] } },
        },
        select: { id: true },
      });
      if (input.images) await replaceImages(tx, sellerId, product.id, input.images);
      await publish(tx, "product/created", { productId: product.id, sellerId });
      return product.id;
    });
    return getSellerProduct(db, actor, id);
  } catch (error) {
    mapUniqueViolation(error, input.sku);
  }
}

export async function updateSellerProduct(db: PrismaClient, actor: Actor, input: UpdateProduct) {
  const { sellerId } = requireSeller(actor);
  const { id, images, ...fields } = input;
  try {
    await inTransaction(db, async (tx) => {
      const current = await tx.product.findFirst({ where: { id, sellerId }, select: { id: true, status: true, _count: { select: { options: true } } } });
      if (!current) throw new DomainError("NOT_FOUND", "That product is not in your shop.");
      if (fields.categoryId !== undefined) await assertCategory(tx, fields.categoryId);
      if (fields.sku !== undefined) await assertSkuFree(tx, sellerId, fields.sku, id);
      if (current.status === "ACTIVE" && fields.priceCents === 0) {
        throw new DomainError("BAD_REQUEST", "A published product needs a price above zero.", { field: "priceCents" });
      }
      const hasOptions = current._count.options > 0;
      // With options, prices live on the variants (the product shows their range); without, the
      // form's SKU and price are its one variant's.
      const { priceCents, ...rest } = fields;
      // The slug stays as it was: links people shared keep working after a rename.
      await tx.product.update({ where: { id }, data: { ...rest, categoryId: fields.categoryId === undefined ? undefined : (fields.categoryId ?? null) } });
      if (!hasOptions && (priceCents !== undefined || fields.sku !== undefined)) {
        await tx.productVariant.updateMany({ where: { productId: id }, data: { priceCents, sku: fields.sku } });
        await syncVariantSummary(tx, id);
      }
      if (images) await replaceImages(tx, sellerId, id, images);
      await publish(tx, "product/updated", { productId: id, sellerId });
    });
  } catch (error) {
    mapUniqueViolation(error, fields.sku);
  }
  return getSellerProduct(db, actor, id);
}

/** publish (DRAFT -> ACTIVE), unpublish, archive, restore. */
export async function changeProductStatus(db: PrismaClient, actor: Actor, input: { id: string; action: ProductAction }) {
  const { sellerId } = requireSeller(actor);
  await inTransaction(db, async (tx) => {
    const product = await tx.product.findFirst({
      where: { id: input.id, sellerId },
      select: { id: true, status: true, priceCents: true, name: true, publishedAt: true },
    });
    if (!product) throw new DomainError("NOT_FOUND", "That product is not in your shop.");
    const next = nextProductStatus(product.status, input.action);
    if (!next.ok) throw new DomainError("CONFLICT", next.reason);
    if (next.status === "ACTIVE" && product.priceCents <= 0) {
      throw new DomainError("BAD_REQUEST", `Set a price for "${product.name}" before publishing it.`, { field: "priceCents" });
    }
    // Guarded on the status we read, so two tabs cannot both move it.
    const { count } = await tx.product.updateMany({
      where: { id: product.id, status: product.status },
      data: { status: next.status, ...(next.status === "ACTIVE" && !product.publishedAt ? { publishedAt: new Date() } : {}) },
    });
    if (count !== 1) throw new DomainError("CONFLICT", "This product was changed in another window. Reload and try again.");
    await publish(tx, "product/updated", { productId: product.id, sellerId });
  });
  return getSellerProduct(db, actor, input.id);
}
