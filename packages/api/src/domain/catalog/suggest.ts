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
 * 100,000 products: bench/README.md, session 20); each query bounded whatever the catalogue's size.
 */
export async function suggest(db: Tx, text: string): Promise<Suggestions> {
  const q = text.trim().slice(0, 100);
  if (q.length < 2) return { products: [], categories: [] };
  const [products, categories] = await Promise.all([
    suggestedProducts(db, q),
    db.category.findMany({
      where: { name: { contains: q, mode: "insensitive" } },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
      take: MAX_CATEGORIES,
    }),
  ]);
  return { products, categories };
}

/**
 * Shorter texts suggest the names with a word that starts with them. Two letters hold no trigram
 * of their own, so the index cannot find the names holding them anywhere and every name was read:
 * 380 ms of database CPU at 100,000 products for two letters no name holds ("zq"), beside a CI
 * run. A word starting with the two letters holds two of their three padded trigrams ("  z", " zq",
 * "zq "), which is what `<%` asks of the index (0.2 ms in EXPLAIN ANALYZE for "zq").
 */
const WORD_START_BELOW = 3;

/**
 * The names holding the text are ranked first, alone; the ones that only resemble it are looked
 * for when fewer than SUGGEST_CANDIDATES hold it (a second statement), as a search's trigram side
 * waits for its full-text side. Read together (one `OR`), every name read before the candidates
 * were filled paid for `word_similarity`, and a common word's candidates were all names holding it
 * anyway: at 100,000 products "hea" and "lamp" cost 14 to 17 ms of database CPU a keystroke, and
 * about 5 this way (bench/README.md, session 21). A typo pays for the first statement too, which
 * finds few names by the trigram index (about 1 ms more for "hedphones").
 */
async function suggestedProducts(db: Tx, q: string): Promise<Suggestions["products"]> {
  const escaped = likeLiteral(q);
  const resembling = Prisma.sql`${q} <% p."name"`;
  if (q.length < WORD_START_BELOW) return pickFields(await rankCandidates(db, q, escaped, resembling));
  const holding = Prisma.sql`p."name" ILIKE ${`%${escaped}%`}`;
  let ranked = await rankCandidates(db, q, escaped, holding);
  if ((ranked[0]?.found ?? 0) < SUGGEST_CANDIDATES) ranked = await rankCandidates(db, q, escaped, Prisma.sql`(${holding} OR ${resembling})`);
  return pickFields(ranked);
}

function pickFields(ranked: Awaited<ReturnType<typeof rankCandidates>>): Suggestions["products"] {
  return ranked.map(({ id, slug, name, priceCents, currency, image }) => ({ id, slug, name, priceCents, currency, image }));
}

/**
 * The best MAX_PRODUCTS of the first SUGGEST_CANDIDATES names buyers may see that meet `match`, with
 * how many were found; `escaped` is `q` as LIKE reads it literally (`likeLiteral`).
 */
function rankCandidates(db: Tx, q: string, escaped: string, match: Prisma.Sql) {
  return db.$queryRaw<(Suggestions["products"][number] & { found: number })[]>(Prisma.sql`
    WITH candidates AS (
      SELECT p."id" FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId"
       WHERE ${buyerVisibleSql} AND ${match} LIMIT ${SUGGEST_CANDIDATES}
    )
    SELECT p."id", p."slug", p."name", p."priceCents", p."currency",
           (SELECT i."url" FROM "ProductImage" i WHERE i."productId" = p."id" ORDER BY i."position" LIMIT 1) AS "image",
           (SELECT count(*) FROM candidates)::int AS "found"
      FROM candidates c JOIN "Product" p ON p."id" = c."id"
     ORDER BY (p."name" ILIKE ${`${escaped}%`}) DESC,
              word_similarity(${q}, p."name") DESC, p."salesCount" DESC, p."id"
     LIMIT ${MAX_PRODUCTS}`);
}
