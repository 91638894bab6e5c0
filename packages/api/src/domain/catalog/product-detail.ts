import { Prisma, sqlOn, type PrismaClient, type SqlTx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { productStock, variantStock } from "./availability";
import { listProductCards } from "./search-products";
import { buyerVisibleSql } from "./visibility";

export const RELATED_PRODUCTS = 8;

interface DetailRow {
  id: string;
  slug: string;
  sku: string;
  name: string;
  description: string;
  priceCents: number;
  currency: string;
  ratingAvg: number;
  ratingCount: number;
  salesCount: number;
  publishedAt: Date | null;
  categoryId: string | null;
  images: { id: string; url: string; alt: string; width: number | null; height: number | null }[];
  priceMaxCents: number;
  seller: { id: string; shopName: string; slug: string; description: string | null; shippingFlatCents: number; freeShippingOverCents: number | null };
  options: { name: string; values: string[] }[];
  variants: {
    id: string;
    sku: string;
    optionValues: string[];
    title: string;
    priceCents: number;
    compareAtPriceCents: number | null;
    imageId: string | null;
    stockLevels: { onHand: number; reserved: number; allocated: number; lowStockThreshold: number }[];
  }[];
  categoryPath: { id: string; name: string; slug: string }[];
}

/**
 * A buyer's product read (catalog.product, the product page): its two statements with plans made
 * once per connection (sqlOn's genericPlans). Planned for each call's values they cost ~0.8 ms more
 * of database CPU than they take to run (bench/README.md, session 14); by id or slug, the same plan
 * is right for every product. No transaction around them: the related products need no snapshot
 * in common with the product, and its BEGIN and COMMIT were half the read's round trips.
 */
export function readProductDetail(db: PrismaClient, input: { id: string } | { slug: string }) {
  return getProductDetail(sqlOn(db, { genericPlans: true }), input);
}

/**
 * A product page: images, shop, category path, rating, availability and related products.
 * Two statements, written out (each an index read bounded by the product, whatever the
 * catalogue's size): the product with its pictures, options, active variants and their stock and
 * its category path in one; then its related products. Written out rather than through Prisma,
 * whose query compiler cost more CPU than PostgreSQL did (bench/README.md).
 */
export async function getProductDetail(db: SqlTx, input: { id: string } | { slug: string }) {
  const [product] = await db.$queryRaw<DetailRow[]>`
    SELECT p."id", p."slug", p."sku", p."name", p."description", p."priceCents", p."currency", p."ratingAvg", p."ratingCount",
           p."salesCount", p."publishedAt", p."categoryId", p."priceMaxCents",
           COALESCE((SELECT json_agg(json_build_object('id', i."id", 'url', i."url", 'alt', i."alt", 'width', i."width", 'height', i."height")
                                      ORDER BY i."position", i."id")
                       FROM "ProductImage" i WHERE i."productId" = p."id"), '[]') AS "images",
           json_build_object('id', s."id", 'shopName', s."shopName", 'slug', s."slug", 'description', s."description",
                             'shippingFlatCents', s."shippingFlatCents", 'freeShippingOverCents', s."freeShippingOverCents") AS "seller",
           COALESCE((SELECT json_agg(json_build_object('name', o."name", 'values', o."values") ORDER BY o."position")
                       FROM "ProductOption" o WHERE o."productId" = p."id"), '[]') AS "options",
           COALESCE((SELECT json_agg(json_build_object(
                              'id', v."id", 'sku', v."sku", 'optionValues', v."optionValues", 'title', v."title", 'priceCents', v."priceCents",
                              'compareAtPriceCents', v."compareAtPriceCents", 'imageId', v."imageId",
                              'stockLevels', COALESCE((SELECT json_agg(json_build_object('onHand', sl."onHand", 'reserved', sl."reserved",
                                                                                         'allocated', sl."allocated", 'lowStockThreshold', sl."lowStockThreshold"))
                                                         FROM "StockLevel" sl WHERE sl."variantId" = v."id"), '[]'))
                                      ORDER BY v."position", v."id")
                       FROM "ProductVariant" v WHERE v."productId" = p."id" AND v."status" = 'ACTIVE'), '[]') AS "variants",
           -- The category path, root first, the product's own category last.
           COALESCE((WITH RECURSIVE path AS (
                       SELECT c."id", c."name", c."slug", c."parentId", 0 AS depth FROM "Category" c WHERE c."id" = p."categoryId"
                       UNION ALL
                       SELECT c."id", c."name", c."slug", c."parentId", path.depth + 1 FROM "Category" c JOIN path ON c."id" = path."parentId" WHERE path.depth < 20
                     )
                     SELECT json_agg(json_build_object('id', path."id", 'name', path."name", 'slug', path."slug") ORDER BY path.depth DESC) FROM path), '[]') AS "categoryPath"
      FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId"
     WHERE ${"id" in input ? Prisma.sql`p."id" = ${input.id}` : Prisma.sql`p."slug" = ${input.slug}`} AND ${buyerVisibleSql}
     ORDER BY p."createdAt" ASC
     LIMIT 1`;
  if (!product) throw new DomainError("NOT_FOUND", "This product is not available. It may have been removed, or its shop is closed.");
  const { variants: variantRows, ...rest } = product;
  const variants = variantRows.map(({ stockLevels, ...variant }) => ({ ...variant, ...variantStock(variant.id, stockLevels) }));
  const { available, availability } = productStock(variants);
  const related = await listProductCards(db, {
    ...(product.categoryId ? { categoryId: product.categoryId } : { seller: product.seller.slug }),
    excludeId: product.id,
    sort: "rating",
    limit: RELATED_PRODUCTS,
  });
  return { ...rest, variants, available, availability, related: related.items };
}
