// A product's options and variants: what a buyer actually buys is a variant (one combination of
// option values with its own SKU, price, picture and stock). A product without options has one
// variant with no option values. The product row keeps a summary of its variants (lowest and
// highest price, every option value for search) so listings never join them.
import { Prisma, type PrismaClient, type Tx } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { DomainError } from "../../errors";
import { publish } from "../../events/publish";
import { variantProblems, variantTitle, type SaveVariantsInput, type VariantInput } from "../../validators/variants";
import { inTransaction } from "../transaction";

export const sellerVariantSelect = {
  id: true,
  sku: true,
  optionValues: true,
  title: true,
  priceCents: true,
  compareAtPriceCents: true,
  weightGrams: true,
  imageId: true,
  position: true,
  status: true,
} satisfies Prisma.ProductVariantSelect;

/**
 * Recomputes the product's price range and option text from its variants and options: called in
 * the transaction of every change to them. A product whose variants are all archived keeps its
 * last prices (it cannot be bought anyway).
 */
export async function syncVariantSummary(tx: Tx, productId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Product" p
       SET "priceCents" = v.lo, "priceMaxCents" = v.hi, "optionText" = coalesce(o.text, ''), "updatedAt" = now()
      FROM (SELECT min("priceCents") AS lo, max("priceCents") AS hi FROM "ProductVariant" WHERE "productId" = ${productId} AND "status" = 'ACTIVE') v,
           (SELECT string_agg(array_to_string("values", ' '), ' ' ORDER BY "position") AS text FROM "ProductOption" WHERE "productId" = ${productId}) o
     WHERE p."id" = ${productId} AND v.lo IS NOT NULL`;
}

/** The variant a product without options is bought as; null when the buyer must choose. */
export async function soleVariantOf(tx: Tx, productId: string): Promise<{ id: string } | null> {
  const variants = await tx.productVariant.findMany({ where: { productId, status: "ACTIVE" }, select: { id: true }, take: 2 });
  return variants.length === 1 ? variants[0]! : null;
}

export async function getSellerVariants(db: Tx, actor: Actor, productId: string) {
  const { sellerId } = requireSeller(actor);
  const product = await db.product.findFirst({
    where: { id: productId, sellerId },
    select: {
      id: true,
      sku: true,
      priceCents: true,
      options: { select: { id: true, name: true, position: true, values: true }, orderBy: { position: "asc" } },
      variants: { select: sellerVariantSelect, orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
  if (!product) throw new DomainError("NOT_FOUND", "That product is not in your shop.");
  return product;
}

const sameValues = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Replaces a product's options and variants with what the seller's matrix shows, in one
 * transaction. Variants are matched by id, else by their option values, so their stock, holds
 * and order history stay attached. A variant left out is deleted, or archived when a cart or an
 * order refers to it (history keeps pointing at it; buyers can no longer pick it).
 */
export async function saveProductVariants(db: PrismaClient, actor: Actor, input: SaveVariantsInput) {
  const { sellerId } = requireSeller(actor);
  const problems = variantProblems(input);
  if (problems.length) throw new DomainError("BAD_REQUEST", problems[0]!, { problems, field: "variants" });
  try {
    await inTransaction(db, async (tx) => {
      // Locks the product: two tabs saving the matrix at once apply one after the other.
      const [product] = await tx.$queryRaw<{ id: string; status: string }[]>`
        SELECT "id", "status"::text AS "status" FROM "Product" WHERE "id" = ${input.productId} AND "sellerId" = ${sellerId} FOR UPDATE`;
      if (!product) throw new DomainError("NOT_FOUND", "That product is not in your shop.");
      const [existing, images] = await Promise.all([
        tx.productVariant.findMany({ where: { productId: product.id }, select: { id: true, sku: true, optionValues: true } }),
        tx.productImage.findMany({ where: { productId: product.id }, select: { id: true } }),
      ]);
      const imageIds = new Set(images.map((image) => image.id));
      for (const variant of input.variants) {
        if (variant.imageId && !imageIds.has(variant.imageId)) {
          throw new DomainError("BAD_REQUEST", "A variant's picture must be one of the product's pictures.", { field: "imageId" });
        }
      }
      if (product.status === "ACTIVE") {
        const active = input.variants.filter((variant) => variant.status === "ACTIVE");
        if (active.length === 0) throw new DomainError("BAD_REQUEST", "A published product needs at least one active variant. Unpublish it first.");
        if (active.some((variant) => variant.priceCents === 0))
          throw new DomainError("BAD_REQUEST", "Every variant of a published product needs a price above zero.");
      }

      const matched = new Map<VariantInput, string>();
      const used = new Set<string>();
      for (const variant of input.variants) {
        const found = variant.id
          ? existing.find((row) => row.id === variant.id)
          : existing.find((row) => !used.has(row.id) && sameValues(row.optionValues, variant.optionValues));
        if (variant.id && !found) throw new DomainError("NOT_FOUND", "One of these variants is not part of this product. Reload the page.");
        if (found) {
          if (used.has(found.id)) throw new DomainError("BAD_REQUEST", "A variant is listed twice. Reload the page.");
          used.add(found.id);
          matched.set(variant, found.id);
        }
      }

      // Left-out variants: archived when anything refers to them, deleted otherwise.
      const leftOut = existing.filter((row) => !used.has(row.id)).map((row) => row.id);
      if (leftOut.length) {
        const referenced = await tx.$queryRaw<{ id: string }[]>`
          SELECT v."id" FROM "ProductVariant" v
           WHERE v."id" IN (${Prisma.join(leftOut)})
             AND (EXISTS (SELECT 1 FROM "CartItem" c WHERE c."variantId" = v."id")
               OR EXISTS (SELECT 1 FROM "OrderItem" o WHERE o."variantId" = v."id")
               OR EXISTS (SELECT 1 FROM "Reservation" r WHERE r."variantId" = v."id"))`;
        const keep = new Set(referenced.map((row) => row.id));
        const archive = leftOut.filter((id) => keep.has(id));
        const remove = leftOut.filter((id) => !keep.has(id));
        if (remove.length) await tx.productVariant.deleteMany({ where: { id: { in: remove } } });
        // Archived rows step aside: their SKU and combination become free for the new matrix.
        for (const id of archive) {
          await tx.productVariant.update({ where: { id }, data: { status: "ARCHIVED", sku: `${id}~archived`, optionValues: [`~${id}`] } });
        }
      }
      // Kept variants whose SKU or combination changes move out of the way first, so swapping two
      // SKUs (or two colours) does not trip the unique indexes halfway.
      for (const [variant, id] of matched) {
        const row = existing.find((candidate) => candidate.id === id)!;
        if (row.sku !== variant.sku || !sameValues(row.optionValues, variant.optionValues)) {
          await tx.productVariant.update({ where: { id }, data: { sku: `${id}~moving`, optionValues: [`~${id}`] } });
        }
      }

      await tx.productOption.deleteMany({ where: { productId: product.id } });
      if (input.options.length) {
        await tx.productOption.createMany({
          data: input.options.map((option, position) => ({ productId: product.id, name: option.name, position, values: option.values })),
        });
      }
      const fields = (variant: VariantInput, position: number) => ({
        sku: variant.sku,
        optionValues: variant.optionValues,
        title: variantTitle(variant.optionValues),
        priceCents: variant.priceCents,
        compareAtPriceCents: variant.compareAtPriceCents ?? null,
        weightGrams: variant.weightGrams ?? null,
        imageId: variant.imageId ?? null,
        position,
        status: variant.status,
      });
      const created = [];
      for (const [position, variant] of input.variants.entries()) {
        const id = matched.get(variant);
        if (id) await tx.productVariant.update({ where: { id }, data: fields(variant, position) });
        else created.push({ productId: product.id, sellerId, ...fields(variant, position) });
      }
      if (created.length) await tx.productVariant.createMany({ data: created });
      // A product without options keeps its base SKU in step with its one variant.
      if (input.options.length === 0) await tx.product.update({ where: { id: product.id }, data: { sku: input.variants[0]!.sku } });
      await syncVariantSummary(tx, product.id);
      await publish(tx, "product/updated", { productId: product.id, sellerId });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("CONFLICT", "One of these SKUs is already used by another of your products. SKUs must be unique in your shop.", {
        field: "sku",
      });
    }
    throw error;
  }
  return getSellerVariants(db, actor, input.productId);
}
