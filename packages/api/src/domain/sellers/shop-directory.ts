import { Prisma, type Tx } from "@bazaar/db";
import { buyerVisibleSql, visibleShopSql } from "../catalog/visibility";
import { likeLiteral } from "../like-pattern";

export type ShopSort = "rating" | "newest" | "sales";
export const SHOP_PAGE_SIZE = 24;

export interface ShopCard {
  id: string;
  slug: string;
  shopName: string;
  description: string | null;
  approvedAt: Date | null;
  productCount: number;
  ratingCount: number;
  ratingAvg: number;
  salesCount: number;
  /** Up to three product pictures, for the card's strip. */
  pictures: { url: string; alt: string }[];
}

const ORDER: Record<ShopSort, Prisma.Sql> = {
  // Shops without reviews go after the rated ones, and more reviews break a tie.
  rating: Prisma.sql`"ratingAvg" DESC, "ratingCount" DESC, "shopName" ASC, "id" ASC`,
  newest: Prisma.sql`"approvedAt" DESC NULLS LAST, "id" DESC`,
  sales: Prisma.sql`"salesCount" DESC, "shopName" ASC, "id" ASC`,
};

/**
 * The /shops directory: open shops with something on sale, found by name or description, or by a
 * category they sell in (its subcategories included), sorted by rating, newest or sales. The
 * figures are summed over each shop's visible products in one grouped pass; the page is cached
 * by the storefront, so that pass runs once per change rather than once per visit.
 */
export async function listShops(db: Tx, input: { q?: string; category?: string; sort?: ShopSort; page?: number } = {}) {
  const sort = input.sort ?? "rating";
  const page = input.page ?? 1;
  const q = input.q?.trim();
  const pattern = q ? `%${likeLiteral(q)}%` : null;
  const categoryTree = input.category
    ? Prisma.sql`, cat_tree AS (
        SELECT "id" FROM "Category" WHERE "slug" = ${input.category}
        UNION ALL
        SELECT c."id" FROM "Category" c JOIN cat_tree t ON c."parentId" = t."id")`
    : Prisma.empty;
  const inCategory = input.category
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Product" cp WHERE cp."sellerId" = s."id" AND cp."status" = 'ACTIVE' AND cp."unlistedAt" IS NULL AND cp."categoryId" IN (SELECT "id" FROM cat_tree))`
    : Prisma.empty;
  const rows = await db.$queryRaw<(Omit<ShopCard, "pictures"> & { total: number })[]>`
    WITH RECURSIVE shops AS (
      SELECT s."id", s."slug", s."shopName", s."description", s."approvedAt",
             COUNT(p."id")::int AS "productCount",
             COALESCE(SUM(p."ratingCount"), 0)::int AS "ratingCount",
             CASE WHEN SUM(p."ratingCount") > 0 THEN ROUND(SUM(p."ratingSum")::numeric / SUM(p."ratingCount"), 2)::float8 ELSE 0 END AS "ratingAvg",
             COALESCE(SUM(p."salesCount"), 0)::int AS "salesCount"
        FROM "Seller" s JOIN "Product" p ON p."sellerId" = s."id"
       WHERE ${visibleShopSql} AND ${buyerVisibleSql}
         ${pattern ? Prisma.sql`AND (s."shopName" ILIKE ${pattern} OR s."description" ILIKE ${pattern})` : Prisma.empty}
       GROUP BY s."id"
    ) ${categoryTree}
    SELECT s.*, COUNT(*) OVER ()::int AS "total"
      FROM shops s
     WHERE TRUE ${inCategory}
     ORDER BY ${ORDER[sort]}
     LIMIT ${SHOP_PAGE_SIZE} OFFSET ${(page - 1) * SHOP_PAGE_SIZE}`;
  const pictures = rows.length
    ? await db.$queryRaw<{ sellerId: string; url: string; alt: string }[]>`
        SELECT x."sellerId", x."url", x."alt" FROM unnest(${rows.map((row) => row.id)}::text[]) AS shop("id")
          CROSS JOIN LATERAL (
            SELECT p."sellerId", img."url", img."alt"
              FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId"
              JOIN LATERAL (SELECT i."url", i."alt" FROM "ProductImage" i WHERE i."productId" = p."id" ORDER BY i."position", i."id" LIMIT 1) img ON TRUE
             WHERE p."sellerId" = shop."id" AND ${buyerVisibleSql}
             ORDER BY p."salesCount" DESC, p."id" LIMIT 3) x`
    : [];
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _total, ...row }) => ({
      ...row,
      pictures: pictures.filter((picture) => picture.sellerId === row.id).map(({ url, alt }) => ({ url, alt })),
    })) satisfies ShopCard[],
    page,
    pageCount: Math.max(1, Math.ceil(total / SHOP_PAGE_SIZE)),
    total,
    sort,
  };
}
