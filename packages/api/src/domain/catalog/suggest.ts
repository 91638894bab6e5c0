import { Prisma, type Tx } from "@bazaar/db";
import { likeLiteral } from "../like-pattern";
import { buyerVisibleSql } from "./visibility";

export interface Suggestions {
  products: { id: string; slug: string; name: string; priceCents: number; currency: string; image: string | null }[];
  categories: { slug: string; name: string }[];
}

const MAX_PRODUCTS = 6;
const MAX_CATEGORIES = 3;
/**
 * How many matching names are ranked. Ranking every match read them all: "hea" matches about
 * 100,000 of 1,000,000 names, 1.07 s a keystroke; 200 of them are ranked in 10 ms. Past it, which
 * 200 is the index's order, as for a search's matches (SEARCH_MATCHES): the buyer's next letters
 * narrow it. Gathering the names that start with the text on their own was tried: through the
 * trigram index it rechecks every name holding those letters anywhere when few start with them
 * ("headph", "lamp": 115 to 180 ms).
 */
export const SUGGEST_CANDIDATES = 200;

/**
 * What the header's search box offers while the buyer types: products whose name starts with,
 * contains or resembles the text (pg_trgm word similarity, `<%`, so typos still match), and matching
 * categories. Uses the name's GIN trigram index (a GiST one made these 2 to 5 times dearer at
 * 100,000 products: bench/README.md, session 20); two queries, each bounded whatever the catalogue's size.
 */
export async function suggest(db: Tx, text: string): Promise<Suggestions> {
  const q = text.trim().slice(0, 100);
  if (q.length < 2) return { products: [], categories: [] };
  const escaped = likeLiteral(q);
  const [products, categories] = await Promise.all([
    db.$queryRaw<Suggestions["products"]>(Prisma.sql`
      WITH candidates AS (
        SELECT p."id" FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId"
         WHERE ${buyerVisibleSql} AND (p."name" ILIKE ${`%${escaped}%`} OR ${q} <% p."name") LIMIT ${SUGGEST_CANDIDATES}
      )
      SELECT p."id", p."slug", p."name", p."priceCents", p."currency",
             (SELECT i."url" FROM "ProductImage" i WHERE i."productId" = p."id" ORDER BY i."position" LIMIT 1) AS "image"
        FROM candidates c JOIN "Product" p ON p."id" = c."id"
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
