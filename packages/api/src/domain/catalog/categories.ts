import type { Tx } from "@bazaar/db";
import { buyerVisibleSql } from "./visibility";

export interface CategoryNode {
  id: string;
  name: string;
  slug: string;
  /** Products buyers can see here and in every sub-category. */
  productCount: number;
  children: CategoryNode[];
}

/** The whole category tree with product counts rolled up (two queries; the tree is small). */
export async function listCategoryTree(db: Tx): Promise<CategoryNode[]> {
  const [categories, counts] = await Promise.all([
    db.category.findMany({ select: { id: true, name: true, slug: true, parentId: true }, orderBy: [{ position: "asc" }, { name: "asc" }] }),
    db.$queryRaw<{ categoryId: string; count: number }[]>`
      SELECT p."categoryId", count(*)::int AS "count"
        FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId"
       WHERE ${buyerVisibleSql} AND p."categoryId" IS NOT NULL
       GROUP BY p."categoryId"`,
  ]);
  const direct = new Map(counts.map((row) => [row.categoryId, row.count]));
  const nodes = new Map<string, CategoryNode & { parentId: string | null }>(
    categories.map((c) => [c.id, { id: c.id, name: c.name, slug: c.slug, parentId: c.parentId, productCount: 0, children: [] }]),
  );
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const total = (node: CategoryNode): number => (node.productCount = (direct.get(node.id) ?? 0) + node.children.reduce((sum, child) => sum + total(child), 0));
  roots.forEach(total);
  const strip = ({ id, name, slug, productCount, children }: CategoryNode): CategoryNode => ({ id, name, slug, productCount, children: children.map(strip) });
  return roots.map(strip);
}
