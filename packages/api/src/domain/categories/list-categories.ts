import type { Tx } from "@bazaar/db";
import { buyerVisibleSql } from "../catalog/visibility";
import { buildCategoryTree, type CategoryNode } from "./tree";

export type { CategoryNode } from "./tree";

/**
 * The storefront's category tree: `productCount` counts the products buyers can see in the
 * category itself, `totalProductCount` those in it and every sub-category (two queries; the tree is small).
 */
export async function listCategoryTree(db: Tx): Promise<CategoryNode[]> {
  const [categories, counts] = await Promise.all([
    db.category.findMany({ select: { id: true, name: true, slug: true, parentId: true, position: true } }),
    db.$queryRaw<{ categoryId: string; count: number }[]>`
      SELECT p."categoryId", count(*)::int AS "count"
        FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId"
       WHERE ${buyerVisibleSql} AND p."categoryId" IS NOT NULL
       GROUP BY p."categoryId"`,
  ]);
  const countOf = new Map(counts.map((row) => [row.categoryId, row.count]));
  return buildCategoryTree(categories.map((category) => ({ ...category, productCount: countOf.get(category.id) ?? 0 })));
}
