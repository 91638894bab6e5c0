import type { Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { productStock, variantStock } from "./availability";
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
      priceMaxCents: true,
      seller: { select: { id: true, shopName: true, slug: true, description: true, shippingFlatCents: true, freeShippingOverCents: true } },
      options: { select: { name: true, values: true }, orderBy: { position: "asc" } },
      variants: {
        where: { status: "ACTIVE" },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          sku: true,
          optionValues: true,
          title: true,
          priceCents: true,
          compareAtPriceCents: true,
          imageId: true,
          stockLevels: { select: { onHand: true, reserved: true, allocated: true, lowStockThreshold: true } },
        },
      },
    },
  });
  if (!product) throw new DomainError("NOT_FOUND", "This product is not available. It may have been removed, or its shop is closed.");
  const { variants: variantRows, ...rest } = product;
  const variants = variantRows.map(({ stockLevels, ...variant }) => ({ ...variant, ...variantStock(variant.id, stockLevels) }));
  const { available, availability } = productStock(variants);
  const [categoryPath, related] = await Promise.all([
    product.categoryId ? categoryAncestors(db, product.categoryId) : Promise.resolve([]),
    listProductCards(db, {
      ...(product.categoryId ? { categoryId: product.categoryId } : { seller: product.seller.slug }),
      excludeId: product.id,
      sort: "rating",
      limit: RELATED_PRODUCTS,
    }),
  ]);
  return { ...rest, variants, available, availability, categoryPath, related: related.items };
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
