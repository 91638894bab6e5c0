import { Prisma, type Tx } from "@bazaar/db";
import { buyerVisibleSql } from "./visibility";

export interface Suggestions {
  products: { id: string; slug: string; name: string; priceCents: number; currency: string; image: string | null }[];
  categories: { slug: string; name: string }[];
}

const MAX_PRODUCTS = 6;
const MAX_CATEGORIES = 3;

/**
 * What the header's search box offers while the buyer types: products whose name starts with,
 * contains or resembles the text (pg_trgm word similarity, `<%`, so typos still match), and matching
 * categories. Uses the name trigram index; two queries.
 */
export async function suggest(db: Tx, text: string): Promise<Suggestions> {
  const q = text.trim().slice(0, 100);
  if (q.length < 2) return { products: [], categories: [] };
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const [products, categories] = await Promise.all([
    db.$queryRaw<Suggestions["products"]>(Prisma.sql`
      SELECT p."id", p."slug", p."name", p."priceCents", p."currency",
             (SELECT i."url" FROM "ProductImage" i WHERE i."productId" = p."id" ORDER BY i."position" LIMIT 1) AS "image"
        FROM "Product" p
        JOIN "Seller" s ON s."id" = p."sellerId"
       WHERE ${buyerVisibleSql}
         AND (p."name" ILIKE ${`%${escaped}%`} OR ${q} <% p."name")
       ORDER BY (p."name" ILIKE ${`${escaped}%`}) DESC,
                word_similarity(${q}, p."name") DESC, p."salesCount" DESC, p."id"
       LIMIT ${MAX_PRODUCTS}`),
    db.category.findMany({
      where: { name: { contains: q, mode: "insensitive" } },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
      take: MAX_CATEGORIES,
    }),
  ]);
  return { products, categories };
}
