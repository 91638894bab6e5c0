import { Prisma, type Tx } from "@bazaar/db";
import { listCategoryTree } from "../categories/list-categories";
import { listProductCards, type ProductCard } from "./search-products";
import { buyerVisibleSql } from "./visibility";
import { listBestSellers } from "./best-sellers";

const SHELF_SIZE = 8;
const FEATURED_CATEGORIES = 6;

export interface FeaturedCategory {
  slug: string;
  name: string;
  parentName: string | null;
  productCount: number;
  cover: { url: string; alt: string } | null;
}

export interface HomePage {
  featuredCategories: FeaturedCategory[];
  newArrivals: ProductCard[];
  bestSellers: ProductCard[];
}

/**
 * The home page's shelves, in parallel: the fullest leaf categories (each with the picture of its
 * best-rated product), the newest products and the best sellers.
 */
export async function getHomePage(db: Tx): Promise<HomePage> {
  const [tree, newest, bestSellers, covers] = await Promise.all([
    listCategoryTree(db),
    listProductCards(db, { sort: "newest", limit: SHELF_SIZE }),
    listBestSellers(db, SHELF_SIZE),
    db.$queryRaw<{ categoryId: string; url: string; alt: string }[]>(Prisma.sql`
      SELECT DISTINCT ON (p."categoryId") p."categoryId", i."url", i."alt"
        FROM "Product" p
        JOIN "Seller" s ON s."id" = p."sellerId"
        JOIN LATERAL (
          SELECT x."url", x."alt" FROM "ProductImage" x WHERE x."productId" = p."id" ORDER BY x."position", x."id" LIMIT 1
        ) i ON true
       WHERE ${buyerVisibleSql} AND p."categoryId" IS NOT NULL
       ORDER BY p."categoryId", p."ratingAvg" DESC, p."id"`),
  ]);
  const coverOf = new Map(covers.map((row) => [row.categoryId, { url: row.url, alt: row.alt }]));
  const leaves: (FeaturedCategory & { id: string })[] = [];
  const walk = (nodes: typeof tree, parentName: string | null) => {
    for (const node of nodes) {
      if (node.children.length > 0) walk(node.children, node.name);
      else
        leaves.push({ id: node.id, slug: node.slug, name: node.name, parentName, productCount: node.totalProductCount, cover: coverOf.get(node.id) ?? null });
    }
  };
  walk(tree, null);
  const featuredCategories = leaves
    .filter((category) => category.productCount > 0)
    .sort((a, b) => b.productCount - a.productCount || a.name.localeCompare(b.name))
    .slice(0, FEATURED_CATEGORIES)
    .map(({ id: _id, ...category }) => category);
  return { featuredCategories, newArrivals: newest.items, bestSellers };
}
