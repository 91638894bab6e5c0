import type { Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { availabilityOf } from "../inventory/constants";
import { listProductCards } from "./search-products";
import { buyerVisibleProduct } from "./visibility";

export const RELATED_PRODUCTS = 8;

/** A product page: images, shop, category path, rating, availability and related products. */
export async function getProductDetail(db: Tx, input: { id: string } | { slug: string }) {
  const product = await db.product.findFirst({
    where: { ...("id" in input ? { id: input.id } : { slug: input.slug }), ...buyerVisibleProduct },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      slug: true,
      sku: true,
      name: true,
      description: true,
      priceCents: true,
      currency: true,
      ratingAvg: true,
      ratingCount: true,
      salesCount: true,
      publishedAt: true,
      categoryId: true,
      images: { select: { id: true, url: true, alt: true, width: true, height: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
      seller: { select: { id: true, shopName: true, slug: true, description: true, shippingFlatCents: true, freeShippingOverCents: true } },
      stockLevels: { select: { onHand: true, reserved: true, allocated: true, lowStockThreshold: true } },
    },
  });
  if (!product) throw new DomainError("NOT_FOUND", "This product is not available. It may have been removed, or its shop is closed.");
  const { stockLevels, ...rest } = product;
  const available = Math.max(
    0,
    stockLevels.reduce((sum, row) => sum + row.onHand - row.reserved - row.allocated, 0),
  );
  const threshold = Math.max(0, ...stockLevels.map((row) => row.lowStockThreshold));
  const [categoryPath, related] = await Promise.all([
    product.categoryId ? categoryAncestors(db, product.categoryId) : Promise.resolve([]),
    listProductCards(db, {
      ...(product.categoryId ? { categoryId: product.categoryId } : { seller: product.seller.slug }),
      excludeId: product.id,
      sort: "rating",
      limit: RELATED_PRODUCTS,
    }),
  ]);
  return { ...rest, available, availability: availabilityOf(available, threshold), categoryPath, related: related.items };
}

/** Root first, the category itself last. */
export async function categoryAncestors(db: Tx, categoryId: string) {
  return db.$queryRaw<{ id: string; name: string; slug: string }[]>`
    WITH RECURSIVE path AS (
      SELECT "id", "name", "slug", "parentId", 0 AS depth FROM "Category" WHERE "id" = ${categoryId}
      UNION ALL
      SELECT c."id", c."name", c."slug", c."parentId", p.depth + 1 FROM "Category" c JOIN path p ON c."id" = p."parentId" WHERE p.depth < 20
    )
    SELECT "id", "name", "slug" FROM path ORDER BY depth DESC`;
}
