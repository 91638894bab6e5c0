// Browsing and search for buyers, in PostgreSQL: one query for a page of product cards (seller,
// first image and availability joined in), one for the facet counts (a listing's from the
// catalogue's summary tables), and, only when nothing matched, one more for a "did you mean".
// Pages are keyset-paginated on (sort key, id), so a page never repeats or skips a product when
// new ones arrive.
import { Prisma, sqlOn, sqlTransaction, type PrismaClient, type SqlTx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { ZBrowseProductsSchema, type BrowseProducts, type BrowseProductsInput, type ProductSort } from "../../validators/catalog";
import { availabilityOf, type Availability } from "../inventory/constants";
import { buyerVisibleSql, visibleShopSql } from "./visibility";
import { allOf } from "../sql-conditions";

export interface ProductCard {
  id: string;
  slug: string;
  name: string;
  /** The lowest price of its variants ("from"), and the highest (equal when they all cost the same). */
  priceCents: number;
  priceMaxCents: number;
  currency: string;
  ratingAvg: number;
  ratingCount: number;
  categoryId: string | null;
  createdAt: Date;
  seller: { id: string; shopName: string; slug: string };
  image: { url: string; alt: string } | null;
  /** Units buyers can still take, summed over the seller's warehouses. */
  available: number;
  availability: Availability;
}

export interface ProductPage {
  items: ProductCard[];
  nextCursor: string | null;
  sort: ProductSort;
}

export const PRICE_BANDS = [
  { key: "under-25", label: "Under $25", minCents: 0, maxCents: 2499 },
  { key: "25-50", label: "$25 to $50", minCents: 2500, maxCents: 4999 },
  { key: "50-100", label: "$50 to $100", minCents: 5000, maxCents: 9999 },
  { key: "100-250", label: "$100 to $250", minCents: 10_000, maxCents: 24_999 },
  { key: "250-plus", label: "$250 and up", minCents: 25_000, maxCents: null },
] as const;

export interface Facets {
  categories: { id: string | null; name: string; slug: string | null; count: number }[];
  sellers: { id: string; shopName: string; slug: string; count: number }[];
  priceBands: { key: string; label: string; minCents: number; maxCents: number | null; count: number }[];
  /** Size and Colour values of the matching products' variants, with how many products offer each. */
  options: { name: string; values: { value: string; count: number }[] }[];
  /**
   * Some counts are of a sample of the products, not of all of them: a listing the summary cannot
   * answer (several option values, a price that cuts a band) where a facet reached FACET_SAMPLE
   * products, or read FACET_WALK without finding that many in the chosen option values. The buyer
   * is told; the page lists them all.
   */
  sampled: boolean;
}

/**
 * The options that mean the same across shops, under one name each: a facet for "Frame size" or
 * "Switches" would hold one product; Size and Colour hold many.
 */
export const FACET_OPTIONS: Record<string, string> = { size: "Size", colour: "Colour", color: "Colour" };

/**
 * "Colour:Blue", "Colour:Black", "Size:M" -> [["Blue", "Black"], ["M"]]: a product matches when
 * one of its variants has one of the chosen values of each option (Blue or Black, in M).
 */
function optionFilterGroups(options: readonly string[] | undefined): string[][] {
  const groups = new Map<string, string[]>();
  for (const entry of options ?? []) {
    const at = entry.indexOf(":");
    const name = (FACET_OPTIONS[entry.slice(0, at).trim().toLowerCase()] ?? entry.slice(0, at).trim()).toLowerCase();
    const value = entry.slice(at + 1).trim();
    if (value) groups.set(name, [...(groups.get(name) ?? []), value]);
  }
  return [...groups.values()];
}

interface SortSpec {
  expr: Prisma.Sql;
  /** The SQL type the cursor's text key is cast back to. */
  type: Prisma.Sql;
  desc: boolean;
}

const tsQuery = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${q})`;
/** A full-text match's rank (name weighs most), the query parsed once (a sub-select), not once per ranked row. */
const textRankSql = (q: string, searchVector: Prisma.Sql) => Prisma.sql`ts_rank_cd(${searchVector}, (SELECT ${tsQuery(q)}), 32)`;
/**
 * The relevance key: a full-text rank plus how close the name is to what was typed, rounded so the
 * cursor's copy of the key compares equal to the recomputed one. Written once for the page's sort
 * (`sortSpec`) and the first page's ranked matches (`findMatches`), which must agree to the digit.
 */
const relevanceSql = (q: string, textRank: Prisma.Sql, name: Prisma.Sql) => Prisma.sql`round((${textRank} + word_similarity(${q}, ${name}))::numeric, 6)`;

function sortSpec(sort: ProductSort, q: string | undefined): SortSpec {
  switch (sort) {
    case "relevance":
      // Only full-text matches are ranked by their text (the others rank 0 anyway, and reading
      // their vector costs more than the rest).
      return {
        expr: q
          ? relevanceSql(
              q,
              Prisma.sql`CASE WHEN p."id" IN (SELECT "id" FROM text_matches) THEN ${textRankSql(q, Prisma.sql`p."searchVector"`)} ELSE 0 END`,
              Prisma.sql`p."name"`,
            )
          : Prisma.sql`round(0::numeric, 6)`,
        type: Prisma.sql`numeric`,
        desc: true,
      };
    case "price_asc":
      return { expr: Prisma.sql`p."priceCents"`, type: Prisma.sql`integer`, desc: false };
    case "price_desc":
      return { expr: Prisma.sql`p."priceCents"`, type: Prisma.sql`integer`, desc: true };
    case "rating":
      return { expr: Prisma.sql`p."ratingAvg"`, type: Prisma.sql`double precision`, desc: true };
    case "newest":
      return { expr: Prisma.sql`p."createdAt"`, type: Prisma.sql`timestamp(3)`, desc: true };
  }
}

interface Cursor {
  sort: ProductSort;
  key: string;
  id: string;
}

const CURSOR_ID = /^[A-Za-z0-9_-]{1,64}$/;
const isNumber = (pattern: RegExp, max: number) => (key: string) => pattern.test(key) && Math.abs(Number(key)) <= max;
/** A real calendar instant as PostgreSQL prints a timestamp(3); JS would roll 30 February over, PostgreSQL refuses it. */
function isTimestamp(key: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})?$/.test(key) || key.startsWith("0000")) return false;
  const date = new Date(`${key.replace(" ", "T")}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === key.slice(0, 19).replace(" ", "T");
}
/** What each sort's key looks like as PostgreSQL prints it (`::text`), so a forged cursor never reaches the cast. */
const CURSOR_KEY: Record<ProductSort, (key: string) => boolean> = {
  relevance: isNumber(/^-?\d{1,6}(\.\d{1,6})?$/, 1e6),
  price_asc: isNumber(/^-?\d{1,10}$/, 2_147_483_647),
  price_desc: isNumber(/^-?\d{1,10}$/, 2_147_483_647),
  rating: isNumber(/^-?\d{1,3}(\.\d{1,17})?(e-?\d{1,3})?$/, 1e3),
  newest: isTimestamp,
};

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString("base64url");

function decodeCursor(value: string, sort: ProductSort): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === sort && typeof parsed[1] === "string" && typeof parsed[2] === "string") {
      // The key is cast to the sort column's type in SQL: only a value of that type may get there.
      if (CURSOR_KEY[sort](parsed[1]) && CURSOR_ID.test(parsed[2])) return { sort, key: parsed[1], id: parsed[2] };
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError("BAD_REQUEST", "This page link no longer works (the sort changed or it was edited). Go back to the first page.");
}

/**
 * How many products each way of matching a search (full text, trigram) may bring: the results
 * and the facet counts are ranked and counted within at most twice this many, so a search costs
 * the same whether 100 or 30,000 products match ("hedphones" matches 2,380 of 100,000). Past it,
 * which ones is the table's order (oldest first); a catalogue this size needs a refined search.
 */
export const SEARCH_MATCHES = 200;

interface Filters {
  /** `cat_tree AS (...)` when filtering by category. */
  categoryTree: Prisma.Sql | null;
  /** `text_matches AS (...), matches AS (...)`: the bounded sets of products the search text matches (full text; full text or trigram). */
  matches: Prisma.Sql | null;
  /** Visibility, search text and stock: what every facet counts within. */
  base: Prisma.Sql[];
  category: Prisma.Sql | null;
  seller: Prisma.Sql | null;
  price: Prisma.Sql | null;
  /** Some active variant has every chosen option value (M and Blue: the M / Blue variant). */
  option: Prisma.Sql | null;
  /**
   * The same as a set of products found once (a hashed semi-join): for counting a whole
   * catalogue, where probing each product's variants cost 3 times more at 100,000 products.
   */
  optionSet: Prisma.Sql | null;
  /**
   * The same as a probe of each product's variants that PostgreSQL cannot turn into a join (the
   * OFFSET 0): for a sample cut short by its LIMIT, where a join read every matching variant first
   * (its row estimate for "Blue in M" was a quarter of the 47,618 there are: 0.5 s).
   */
  optionProbe: Prisma.Sql | null;
}

const stockJoin = Prisma.sql`LEFT JOIN LATERAL (
    SELECT sum(x."onHand" - x."reserved" - x."allocated")::int AS "available", max(x."lowStockThreshold") AS "threshold"
      FROM "StockLevel" x WHERE x."productId" = p."id") st ON true`;

/**
 * A search's matches found once and shared by its page and its facet counts (`searchProducts`),
 * each with the columns those two need, read with it by `findMatches`: its relevance, and what
 * the facets count by. The page then reads the products of its one page of cards, and the facets
 * none, where each read all the matches again by id: at 100,000 products the typo search cost
 * 7.5 to 8.5 ms of database CPU per call, and 6.5 to 7.0 since.
 */
export interface SearchMatches {
  id: string[];
  /** The relevance sort's key (`sortSpec`), as text: numeric(6) from PostgreSQL, given back as such. */
  rank: string[];
  categoryId: (string | null)[];
  sellerId: string[];
  priceCents: number[];
}

const listedSql = Prisma.sql`"status" = 'ACTIVE' AND "unlistedAt" IS NULL`;
/** The full-text side's read, after what it selects: written once for `matchesSql` and `findMatches`. */
const textSide = (q: string) => Prisma.sql`FROM "Product" WHERE "searchVector" @@ ${tsQuery(q)} AND ${listedSql} LIMIT ${SEARCH_MATCHES}`;
/** The trigram side's read (only while the full-text side, `text_matches`, came back short), after what it selects. */
const trigramSide = (q: string) =>
  Prisma.sql`FROM "Product" WHERE ${q} <% "name" AND ${listedSql} AND (SELECT count(*) FROM text_matches) < ${SEARCH_MATCHES} LIMIT ${SEARCH_MATCHES}`;

/**
 * `text_matches`, `matches`: each side read from its GIN index and cut short by its LIMIT (no
 * ORDER BY: ranking is done on what comes back, not on every product that matches). The trigram
 * side, there for typos, is read only when the full-text side came back short of its limit: a
 * GIN index's bitmap holds every match before the LIMIT takes any, and a common word's trigrams
 * match tens of thousands of names ("headphones": 35,713 of 1,000,000, 29 ms), none of which
 * would be kept over a full set of full-text matches for a word spelt right. A GiST index on the
 * name stops at the LIMIT instead, but it walks much of its tree when few names match: at 100,000
 * products the trigram side cost about 1 ms less for "hedphones" (200 matches), while a search
 * that matched nothing went from 0.1 to 13 ms, and the header's suggestions ("headph", "hedphones")
 * cost 2 to 5 times as much (bench/README.md, session 20). The name's index stays GIN.
 * `findMatches` reads the same two sides (`textSide`, `trigramSide`) with each match's columns.
 */
function matchesSql(q: string): Prisma.Sql {
  return Prisma.sql`text_matches AS (
        SELECT "id" ${textSide(q)}
      ), matches AS (
        SELECT "id" FROM text_matches
        UNION
        (SELECT "id" ${trigramSide(q)})
      )`;
}

/**
 * The same matches as `matchesSql` (the same two reads, `textSide` and `trigramSide`), each ranked as
 * `sortSpec`'s relevance ranks it (a trigram match's full-text rank is 0), so that a cursor taken
 * from the first page compares equal with the key the next page recomputes; with its category,
 * shop and price, from the row its index read brought. A name the trigram side finds among the
 * full-text matches is kept once, ranked as a full-text match: dropped after the trigram side's
 * LIMIT, so the same ones are found.
 */
async function findMatches(db: SqlTx, q: string): Promise<SearchMatches> {
  const rows = await db.$queryRaw<{ id: string; rank: string; categoryId: string | null; sellerId: string; priceCents: number }[]>`
    WITH text_matches AS (
        SELECT "id", ${relevanceSql(q, textRankSql(q, Prisma.sql`"searchVector"`), Prisma.sql`"name"`)}::text AS "rank",
               "categoryId", "sellerId", "priceCents"
          ${textSide(q)}
      ), trigram_matches AS (
        SELECT "id", ${relevanceSql(q, Prisma.sql`0::real`, Prisma.sql`"name"`)}::text AS "rank",
               "categoryId", "sellerId", "priceCents"
          ${trigramSide(q)}
      )
    SELECT * FROM text_matches
    UNION ALL
    SELECT * FROM trigram_matches WHERE "id" NOT IN (SELECT "id" FROM text_matches)`;
  return {
    id: rows.map((row) => row.id),
    rank: rows.map((row) => row.rank),
    categoryId: rows.map((row) => row.categoryId),
    sellerId: rows.map((row) => row.sellerId),
    priceCents: rows.map((row) => row.priceCents),
  };
}

function buildFilters(input: BrowseProducts & { excludeId?: string; categoryId?: string; matched?: SearchMatches }): Filters {
  const base: Prisma.Sql[] = [buyerVisibleSql];
  let matches: Prisma.Sql | null = null;
  if (input.matched) {
    // Read from, not filtered by: the page joins its products to them, the facets count them alone.
    const m = input.matched;
    matches = Prisma.sql`matches AS (
        SELECT * FROM unnest(${m.id}::text[], ${m.rank}::numeric[], ${m.categoryId}::text[], ${m.sellerId}::text[], ${m.priceCents}::int[])
            AS m("id", "rank", "categoryId", "sellerId", "priceCents")
      )`;
  } else if (input.q) {
    matches = matchesSql(input.q);
    base.push(Prisma.sql`p."id" IN (SELECT "id" FROM matches)`);
  }
  if (input.inStock) base.push(Prisma.sql`coalesce(st."available", 0) > 0`);
  if (input.excludeId) base.push(Prisma.sql`p."id" <> ${input.excludeId}`);
  let categoryTree: Prisma.Sql | null = null;
  let category: Prisma.Sql | null = null;
  if (input.category || input.categoryId) {
    const root = input.categoryId ? Prisma.sql`"id" = ${input.categoryId}` : Prisma.sql`"slug" = ${input.category}`;
    // The category and everything under it, however deep.
    categoryTree = Prisma.sql`cat_tree AS (
        SELECT "id" FROM "Category" WHERE ${root}
        UNION ALL
        SELECT c."id" FROM "Category" c JOIN cat_tree t ON c."parentId" = t."id"
      )`;
    category = Prisma.sql`p."categoryId" IN (SELECT "id" FROM cat_tree)`;
  }
  const seller = input.seller ? Prisma.sql`s."slug" = ${input.seller}` : null;
  const priceParts: Prisma.Sql[] = [];
  if (input.minPriceCents !== undefined) priceParts.push(Prisma.sql`p."priceCents" >= ${input.minPriceCents}`);
  if (input.maxPriceCents !== undefined) priceParts.push(Prisma.sql`p."priceCents" <= ${input.maxPriceCents}`);
  const price = priceParts.length ? Prisma.join(priceParts, " AND ") : null;
  const groups = optionFilterGroups(input.options);
  const variantMatches = groups.length
    ? Prisma.sql`v."status" = 'ACTIVE' AND ${Prisma.join(
        groups.map((values) => Prisma.sql`v."optionValues" && ${values}::text[]`),
        " AND ",
      )}`
    : null;
  const option = variantMatches && Prisma.sql`EXISTS (SELECT 1 FROM "ProductVariant" v WHERE v."productId" = p."id" AND ${variantMatches})`;
  const optionSet = variantMatches && Prisma.sql`p."id" IN (SELECT v."productId" FROM "ProductVariant" v WHERE ${variantMatches})`;
  const optionProbe = variantMatches && Prisma.sql`EXISTS (SELECT 1 FROM "ProductVariant" v WHERE v."productId" = p."id" AND ${variantMatches} OFFSET 0)`;
  return { categoryTree, matches, base, category, seller, price, option, optionSet, optionProbe };
}

/** `WITH RECURSIVE a AS (...), b AS (...)` of the present ones; nothing when none is. */
function withClause(ctes: (Prisma.Sql | null)[]): Prisma.Sql {
  const present = ctes.filter((cte): cte is Prisma.Sql => cte !== null);
  return present.length ? Prisma.sql`WITH RECURSIVE ${Prisma.join(present, ", ")}` : Prisma.empty;
}

interface CardRow {
  id: string;
  slug: string;
  name: string;
  priceCents: number;
  priceMaxCents: number;
  currency: string;
  ratingAvg: number;
  ratingCount: number;
  categoryId: string | null;
  createdAt: Date;
  sellerId: string;
  shopName: string;
  sellerSlug: string;
  imageUrl: string | null;
  imageAlt: string | null;
  available: number | null;
  threshold: number | null;
  sortKey: string;
}

const toCard = (row: CardRow): ProductCard => {
  const available = Math.max(0, row.available ?? 0);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    priceCents: row.priceCents,
    priceMaxCents: Math.max(row.priceCents, row.priceMaxCents),
    currency: row.currency,
    ratingAvg: row.ratingAvg,
    ratingCount: row.ratingCount,
    categoryId: row.categoryId,
    createdAt: row.createdAt,
    seller: { id: row.sellerId, shopName: row.shopName, slug: row.sellerSlug },
    image: row.imageUrl ? { url: row.imageUrl, alt: row.imageAlt || row.name } : null,
    available,
    availability: availabilityOf(available, row.threshold ?? 0),
  };
};

/**
 * Whether a listing's best plan depends on its values, so that it is planned for them on every
 * call (an unnamed statement) rather than prepared, where PostgreSQL may settle on one plan for
 * any values after five calls. A page by category, shop, sort, stock or cursor takes the same
 * plan whatever the values (index reads cut short by the page's limit); a prepared one spent half
 * the database's time on planning no more: 1.0 to 1.7 ms instead of 2.0 to 2.7 per page at
 * 100,000 products (bench/README.md, session 19). A price range, an option or a search is not:
 * the plan kept for a price range took 12.7 to 14.8 ms where one planned for it took 5.
 */
export function listingPlanDependsOnValues(input: BrowseProductsInput | undefined): boolean {
  return !!input && (!!input.q || input.minPriceCents !== undefined || input.maxPriceCents !== undefined || !!input.options?.length);
}

/** A page of product cards. `excludeId` / `categoryId` serve "related products"; `matched`, a search page (its matches found once). */
export async function listProductCards(
  db: SqlTx,
  rawInput: BrowseProductsInput & { excludeId?: string; categoryId?: string; matched?: SearchMatches } = {},
): Promise<ProductPage> {
  const { excludeId, categoryId, matched, ...rest } = rawInput;
  const parsed = ZBrowseProductsSchema.safeParse(rest);
  if (!parsed.success) throw new DomainError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Check the search filters.");
  const input = { ...parsed.data, q: parsed.data.q || undefined, excludeId, categoryId, matched };
  const sort: ProductSort = input.sort ?? (input.q ? "relevance" : "newest");
  // A search's first page by relevance: its matches came ranked (`findMatches`), and their
  // products are read in that order until a page passes the filters (the ordered sub-select:
  // joined unordered, all of them were read and then sorted). By another key, all are read.
  const ranked = matched && sort === "relevance";
  const spec = ranked ? { ...sortSpec(sort, input.q), expr: Prisma.sql`m."rank"` } : sortSpec(sort, input.q);
  const products = matched
    ? Prisma.sql`(SELECT * FROM matches ${ranked ? Prisma.sql`ORDER BY "rank" DESC, "id" DESC` : Prisma.empty}) m JOIN "Product" p ON p."id" = m."id"`
    : Prisma.sql`"Product" p`;
  const filters = buildFilters(input);
  const where = [...filters.base, filters.category, filters.seller, filters.price, filters.option];
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor, sort);
    where.push(
      spec.desc
        ? Prisma.sql`(${spec.expr}, p."id") < (${cursor.key}::${spec.type}, ${cursor.id})`
        : Prisma.sql`(${spec.expr}, p."id") > (${cursor.key}::${spec.type}, ${cursor.id})`,
    );
  }
  const direction = spec.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  // By the key's output name, not a second copy of its expression: each copy of the relevance
  // carries its own parameters, so PostgreSQL could not tell them equal and ranked every match
  // twice (word_similarity on up to 400 names): at 100,000 products the typo search's page of
  // cards cost 3.4 to 4.6 ms of database CPU instead of 2.3 to 2.9 (bench/README.md, session 20).
  const order = Prisma.sql`ORDER BY "sortKey" ${direction}, p."id" ${direction}`;
  // A category's page (a listing, or related products by `categoryId`) is taken from each
  // category of the tree's own first limit+1 products, each read in order from a (categoryId,
  // status, sort key) index and cut short by its LIMIT, so it costs the same whether the category
  // holds 6 products or 300,000. Over the whole tree at once, PostgreSQL cannot tell a small
  // category from a large one (the tree is a recursive CTE), so it walked every product in the
  // sort's order until it had a page: 3.2 s for a 6-product category at 1,000,000 products (and
  // as long for a slug that names none); by price or rating, a large category was read whole and
  // sorted (160 to 200 ms). A search's matches are already bounded: it keeps its own plan.
  const byCategory = filters.categoryTree !== null && !input.q;
  // Written into the SQL, not a parameter (an integer the schema bounds to 2..61): a generic plan
  // (a product page's related products, sqlOn's genericPlans) then knows the page is small. As a
  // parameter it was costed as thousands of rows, and the plan hash-joined every product to the
  // page's ids: 95 ms per product page at 100,000 products instead of 0.3.
  const limit = Prisma.raw(String(Math.trunc(input.limit) + 1));
  const pageIdsOf = (where: Prisma.Sql) => Prisma.sql`SELECT p."id", ${spec.expr} AS "sortKey"
          FROM ${products} JOIN "Seller" s ON s."id" = p."sellerId" ${input.inStock ? stockJoin : Prisma.empty}
         WHERE ${where} ${order} LIMIT ${limit}`;
  // Each category's first page with its sort key: the page is taken from those without reading the products again.
  const candidates = byCategory
    ? Prisma.sql`candidates AS (
        SELECT c."id", c."sortKey" FROM cat_tree t
        CROSS JOIN LATERAL (${pageIdsOf(Prisma.sql`p."categoryId" = t."id" AND ${allOf(where.filter((part) => part !== filters.category))}`)}) c
      )`
    : null;
  const pageIds = candidates
    ? Prisma.sql`SELECT c."id", c."sortKey" FROM candidates c ORDER BY c."sortKey" ${direction}, c."id" ${direction} LIMIT ${limit}`
    : pageIdsOf(allOf(where));
  // The page's ids first (filters, order, limit; stock joined only when it filters), then the
  // cards' seller, stock and first image for those alone: a search ranks hundreds of matches
  // but looks up stock and pictures for one page of them.
  const rows = await db.$queryRaw<CardRow[]>`
    ${withClause([filters.categoryTree, candidates, filters.matches])}
    SELECT p."id", p."slug", p."name", p."priceCents", p."priceMaxCents", p."currency", p."ratingAvg", p."ratingCount", p."categoryId", p."createdAt",
           s."id" AS "sellerId", s."shopName", s."slug" AS "sellerSlug",
           img."url" AS "imageUrl", img."alt" AS "imageAlt",
           st."available", st."threshold",
           pg."sortKey"::text AS "sortKey"
      FROM (${pageIds}) pg
      JOIN "Product" p ON p."id" = pg."id"
      JOIN "Seller" s ON s."id" = p."sellerId"
      ${stockJoin}
      LEFT JOIN LATERAL (
        SELECT i."url", i."alt" FROM "ProductImage" i WHERE i."productId" = p."id" ORDER BY i."position", i."id" LIMIT 1
      ) img ON true
     ORDER BY pg."sortKey" ${direction}, p."id" ${direction}`;
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toCard),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ sort, key: last.sortKey, id: last.id }) : null,
    sort,
  };
}

type FacetRow = {
  /** "sampled": 1 when a sample was cut short (`sampledFacets`). */
  facet: "category" | "seller" | "price" | "option" | "sampled";
  key: string | null;
  label: string | null;
  slug: string | null;
  count: number;
};

/**
 * How many products each facet of a listing is counted from when the summary cannot answer it:
 * several option values (a product in Black and in White counts once, which per-value counts
 * cannot tell), or a price that cuts a band. Counting them all read every matching product: at
 * 1,000,000 products, 1.5 to 1.7 s for "Black or White", 2.2 s for electronics from $30 and 4.2 s
 * for everything from $30, a request anyone can send (bench/README.md, session 18).
 */
export const FACET_SAMPLE = 1_000;
/**
 * How many products are read, at most, to find a sample's products in chosen option values: a
 * value few products have would otherwise have a sample read the catalogue to fill it.
 */
export const FACET_WALK = 10_000;

/**
 * Facet counts for the current search: each facet counts with every other filter applied but
 * not its own, so picking a category still shows what the other categories hold. A listing
 * (no search text, at most one option value, a price range made of whole bands) reads the
 * catalogue's summary (`summaryFacets`); the rest is counted from the products.
 */
export async function productFacets(
  db: SqlTx,
  rawInput: BrowseProductsInput & { matched?: SearchMatches } = {},
  bounds: { sample?: number; walk?: number } = {},
): Promise<Facets> {
  const input = facetInput(rawInput);
  const bands = bandsWithin(input.minPriceCents, input.maxPriceCents);
  const groups = optionFilterGroups(input.options);
  // One option value ("Colour:Black"): the summary counts products per value; two or more would need their intersection.
  const value = groups.length === 1 && groups[0]?.length === 1 ? groups[0][0]! : null;
  const sampling = { sample: bounds.sample ?? FACET_SAMPLE, walk: bounds.walk ?? FACET_WALK };
  if (input.q) return facetsOf(await countedFacets(db, input));
  if (bands === undefined) return facetsOf(await sampledFacets(db, input, sampling));
  if (groups.length === 0 || value !== null) return facetsOf(await summaryFacets(db, input, bands, value));
  // Several option values ("Black or White", "Blue in M"): the option facet counts without the
  // option filter, so the summary has it; the other three count the products the filter keeps.
  return facetsOf(await sampledFacets(db, input, sampling, summaryOptionCounts(input, bands)));
}

/** The same facets counted from the products whatever the filters: what the summary is checked against. */
export async function countProductFacets(db: SqlTx, rawInput: BrowseProductsInput = {}): Promise<Facets> {
  return facetsOf(await countedFacets(db, facetInput(rawInput)));
}

function facetInput(rawInput: BrowseProductsInput & { matched?: SearchMatches }) {
  const { matched, ...rest } = rawInput;
  const parsed = ZBrowseProductsSchema.safeParse(rest);
  if (!parsed.success) throw new DomainError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Check the search filters.");
  return { ...parsed.data, q: parsed.data.q || undefined, matched };
}

/**
 * The indexes of the price bands a price range holds whole (null: no range, every band);
 * undefined when it cuts a band, which the summary (counts per band) cannot answer.
 */
export function bandsWithin(minCents: number | undefined, maxCents: number | undefined): number[] | null | undefined {
  if (minCents === undefined && maxCents === undefined) return null;
  const min = minCents ?? 0;
  const max = maxCents ?? Number.POSITIVE_INFINITY;
  const held: number[] = [];
  for (const [index, b] of PRICE_BANDS.entries()) {
    const bandMax = b.maxCents ?? Number.POSITIVE_INFINITY;
    if (b.minCents >= min && bandMax <= max) held.push(index);
    else if (b.minCents <= max && bandMax >= min) return undefined;
  }
  return held;
}

/**
 * From the catalogue's summary (`CatalogFacetCount`, `CatalogOptionCount`, `CatalogValueCount`:
 * buyer-visible products counted by category, shop, price band and stock, and per option value,
 * kept by triggers in the transaction of each change): a category page of 30,000 products sums a
 * few hundred rows instead of reading the products. Filtered by an option value, the category,
 * shop and price counts are those of the products with an active variant in it.
 */
async function summaryFacets(db: SqlTx, input: BrowseProducts, bands: number[] | null, value: string | null): Promise<FacetRow[]> {
  const { categoryTree } = buildFilters(input);
  const { inCategory, inSeller, inPrice, inStock } = summaryFilters(input, bands);
  const counts = value
    ? Prisma.sql`"CatalogValueCount" f JOIN "Seller" s ON s."id" = f."sellerId" AND f."value" = ${value}`
    : Prisma.sql`"CatalogFacetCount" f JOIN "Seller" s ON s."id" = f."sellerId"`;
  return db.$queryRaw<FacetRow[]>`
    ${withClause([categoryTree])}
    SELECT 'category' AS "facet", nullif(f."categoryKey", '') AS "key", c."name" AS "label", c."slug" AS "slug", sum(f."products")::int AS "count"
      FROM ${counts} LEFT JOIN "Category" c ON c."id" = f."categoryKey"
     WHERE f."products" > 0 AND ${inStock} AND ${inSeller} AND ${inPrice}
     GROUP BY f."categoryKey", c."name", c."slug"
    UNION ALL
    SELECT 'seller', f."sellerId", s."shopName", s."slug", sum(f."products")::int
      FROM ${counts}
     WHERE f."products" > 0 AND ${inStock} AND ${inCategory} AND ${inPrice}
     GROUP BY f."sellerId", s."shopName", s."slug"
    UNION ALL
    SELECT 'price', (${PRICE_BANDS.map((b) => b.key)}::text[])[f."priceBand" + 1], NULL, NULL, sum(f."products")::int
      FROM ${counts}
     WHERE f."products" > 0 AND ${inStock} AND ${inCategory} AND ${inSeller}
     GROUP BY f."priceBand"
    UNION ALL
    ${summaryOptionCounts(input, bands)}`;
}

/** The summary's rows within a listing's filters (`cat_tree` for its category). */
function summaryFilters(input: BrowseProducts, bands: number[] | null) {
  return {
    inCategory: input.category ? Prisma.sql`f."categoryKey" IN (SELECT "id" FROM cat_tree)` : Prisma.sql`true`,
    inSeller: input.seller ? Prisma.sql`s."slug" = ${input.seller}` : Prisma.sql`true`,
    inPrice: bands ? Prisma.sql`f."priceBand" = ANY(${bands}::smallint[])` : Prisma.sql`true`,
    // Not a facet of its own: every count is within it.
    inStock: input.inStock ? Prisma.sql`f."inStock"` : Prisma.sql`true`,
  };
}

/** The option facet's rows from the summary: products per option value within every filter but the options. */
function summaryOptionCounts(input: BrowseProducts, bands: number[] | null): Prisma.Sql {
  const { inCategory, inSeller, inPrice, inStock } = summaryFilters(input, bands);
  return Prisma.sql`SELECT 'option' AS "facet", f."name" AS "key", f."value" AS "label", NULL AS "slug", sum(f."products")::int AS "count"
      FROM "CatalogOptionCount" f JOIN "Seller" s ON s."id" = f."sellerId"
     WHERE f."products" > 0 AND ${inStock} AND f."name" IN (${Prisma.join(Object.keys(FACET_OPTIONS))}) AND ${inCategory} AND ${inSeller} AND ${inPrice}
     GROUP BY f."name", f."value"`;
}

/** A product's price band's key, from its "priceCents". */
const priceBandSql = Prisma.sql`CASE ${Prisma.join(
  PRICE_BANDS.map((b) =>
    b.maxCents === null
      ? Prisma.sql`WHEN "priceCents" >= ${b.minCents} THEN ${b.key}`
      : Prisma.sql`WHEN "priceCents" BETWEEN ${b.minCents} AND ${b.maxCents} THEN ${b.key}`,
  ),
  " ",
)} END`;

/**
 * A listing's facets counted from bounded samples: each facet from the first `sample` products,
 * in id order, within every filter but its own (one shared sample for the facets whose filter is
 * not set); a facet with fewer products is exact. Id order is about the order products were added
 * in, which has nothing to do with shop or price: read in the order of an index on those (the
 * first plan), the 1,000 were one shop's cheapest. A category's sample is read category by
 * category (an index on category and id), so a small category among a million products is not
 * looked for among all of them, and at most `sample` (or `walk`) from each. With an option
 * filter, each product read is probed for a variant in the chosen values (an index that holds
 * them) and at most `walk` are read, so a value few products have costs that much and no more.
 * `sampled` says whether any sample was cut short.
 */
async function sampledFacets(
  db: SqlTx,
  input: BrowseProducts,
  { sample, walk }: { sample: number; walk: number },
  optionCounts?: Prisma.Sql,
): Promise<FacetRow[]> {
  const filters = buildFilters(input);
  // A category none of whose products has one of each chosen option's values (the summary knows)
  // is not read: at 1,000,000 products one of 119,000 and no size M was read whole for "Blue in M".
  const holdingValues = optionFilterGroups(input.options).map(
    (values) =>
      Prisma.sql`EXISTS (SELECT 1 FROM "CatalogValueCount" f WHERE f."categoryKey" = t."id" AND f."value" = ANY(${values}::text[]) AND f."products" > 0)`,
  );
  /** The first `limit` products in id order within the filters but `leaveOut` (and the option probe, applied after). */
  const firstProducts = (leaveOut: Prisma.Sql | null, limit: number, withValues: boolean) => {
    const parts = [...filters.base, ...[filters.seller, filters.price].filter((part) => part !== leaveOut)];
    const rows = (where: (Prisma.Sql | null)[]) => Prisma.sql`SELECT p."id", p."categoryId", p."sellerId", p."priceCents"
        FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId" ${input.inStock ? stockJoin : Prisma.empty}
       WHERE ${allOf(where)} ORDER BY p."id" LIMIT ${limit}`;
    if (!filters.category || leaveOut === filters.category) return rows(parts);
    // Each category's first ones, then the first of those all together: one category's products
    // alone would fill a sample from the first category of the tree.
    return Prisma.sql`SELECT x.* FROM cat_tree t CROSS JOIN LATERAL (${rows([Prisma.sql`p."categoryId" = t."id"`, ...parts])}) x
       WHERE ${allOf(withValues ? holdingValues : [])} ORDER BY x."id" LIMIT ${limit}`;
  };
  // Each sample's CTEs, and what says it was cut short.
  const ctes: Prisma.Sql[] = [];
  const cut: Prisma.Sql[] = [];
  const samples = new Set<string>();
  /** The sample a facet counts: its own when its filter is set, else the shared one ("sampled"). */
  const sampleFor = (filter: Prisma.Sql | null, own: string) => {
    const name = filter ? own : "sampled";
    if (samples.has(name)) return Prisma.raw(name);
    samples.add(name);
    const probe = filters.optionProbe && filter !== filters.optionProbe ? filters.optionProbe : null;
    const full = Prisma.sql`(SELECT count(*) FROM ${Prisma.raw(name)}) >= ${sample}`;
    if (probe) {
      // Read as the probes go, stopping at the sample's LIMIT. Only a sample that did not fill has
      // its walk counted again (an init plan runs when first needed), to tell whether it stopped short.
      const walked = firstProducts(filter, walk, true);
      ctes.push(Prisma.sql`${Prisma.raw(name)} AS (SELECT * FROM (${walked}) p WHERE ${probe} LIMIT ${sample})`);
      cut.push(Prisma.sql`CASE WHEN ${full} THEN true ELSE (SELECT count(*) FROM (${walked}) w) >= ${walk} END`);
    } else {
      ctes.push(Prisma.sql`${Prisma.raw(name)} AS (${firstProducts(filter, sample, false)})`);
      cut.push(full);
    }
    return Prisma.raw(name);
  };
  const byCategory = sampleFor(filters.category, "by_category");
  const bySeller = sampleFor(filters.seller, "by_seller");
  const byPrice = sampleFor(filters.price, "by_price");
  const byOption = optionCounts ? null : sampleFor(filters.optionProbe, "by_option");
  const facetNames = Object.keys(FACET_OPTIONS);
  return db.$queryRaw<FacetRow[]>`
    ${withClause([filters.categoryTree, ...ctes])}
    SELECT 'category' AS "facet", b."categoryId" AS "key", c."name" AS "label", c."slug" AS "slug", count(*)::int AS "count"
      FROM ${byCategory} b LEFT JOIN "Category" c ON c."id" = b."categoryId"
     GROUP BY b."categoryId", c."name", c."slug"
    UNION ALL
    SELECT 'seller', b."sellerId", s."shopName", s."slug", count(*)::int
      FROM ${bySeller} b JOIN "Seller" s ON s."id" = b."sellerId"
     GROUP BY b."sellerId", s."shopName", s."slug"
    UNION ALL
    SELECT 'price', x.band, x.band, x.band, count(*)::int
      FROM (SELECT ${priceBandSql} AS band FROM ${byPrice}) x
     GROUP BY x.band
    UNION ALL
    ${
      byOption
        ? Prisma.sql`SELECT 'option', lower(o."name"), v.value, NULL, count(DISTINCT b."id")::int
      FROM ${byOption} b
      JOIN "ProductOption" o ON o."productId" = b."id" AND lower(o."name") IN (${Prisma.join(facetNames)})
      CROSS JOIN LATERAL unnest(o."values") AS v(value)
     GROUP BY lower(o."name"), v.value`
        : optionCounts
    }
    UNION ALL
    SELECT 'sampled', NULL, NULL, NULL, (${Prisma.join(cut, " OR ")})::int`;
}

/**
 * Counted from the products: a search's bounded matches (at most twice SEARCH_MATCHES), or any
 * listing (`countProductFacets`, the summary's check). Each facet counts with every other filter.
 */
async function countedFacets(db: SqlTx, input: BrowseProducts & { matched?: SearchMatches }): Promise<FacetRow[]> {
  const filters = buildFilters(input);
  const facetNames = Object.keys(FACET_OPTIONS);
  const leading = [filters.categoryTree, filters.matches].filter((cte): cte is Prisma.Sql => cte !== null);
  // A search's matches carry what is counted here (`findMatches`): the products are not read
  // again, only their shops. Each match's own status and listing were checked as it was found,
  // one statement earlier in readSearchPage's transaction (a product unlisted in between is still
  // counted once, as the page and the facets, two statements, could already disagree on it).
  const products = input.matched ? Prisma.sql`matches p` : Prisma.sql`"Product" p`;
  const base = input.matched ? [visibleShopSql, ...filters.base.filter((part) => part !== buyerVisibleSql)] : filters.base;
  return db.$queryRaw<FacetRow[]>`
    WITH RECURSIVE ${leading.length ? Prisma.sql`${Prisma.join(leading, ", ")},` : Prisma.empty} base AS (
      SELECT p."id", p."categoryId", p."sellerId", p."priceCents",
             ${filters.category ?? Prisma.sql`true`} AS in_category,
             ${filters.seller ?? Prisma.sql`true`} AS in_seller,
             ${filters.price ?? Prisma.sql`true`} AS in_price,
             ${filters.optionSet ?? Prisma.sql`true`} AS in_option
        FROM ${products}
        JOIN "Seller" s ON s."id" = p."sellerId"
        ${input.inStock ? stockJoin : Prisma.empty}
       WHERE ${allOf(base)}
    )
    SELECT 'category' AS "facet", b."categoryId" AS "key", c."name" AS "label", c."slug" AS "slug", count(*)::int AS "count"
      FROM base b LEFT JOIN "Category" c ON c."id" = b."categoryId"
     WHERE b.in_seller AND b.in_price AND b.in_option
     GROUP BY b."categoryId", c."name", c."slug"
    UNION ALL
    SELECT 'seller', b."sellerId", s."shopName", s."slug", count(*)::int
      FROM base b JOIN "Seller" s ON s."id" = b."sellerId"
     WHERE b.in_category AND b.in_price AND b.in_option
     GROUP BY b."sellerId", s."shopName", s."slug"
    UNION ALL
    SELECT 'price', x.band, x.band, x.band, count(*)::int
      FROM (SELECT ${priceBandSql} AS band FROM base WHERE in_category AND in_seller AND in_option) x
     GROUP BY x.band
    UNION ALL
    SELECT 'option', lower(o."name"), v.value, NULL, count(DISTINCT b."id")::int
      FROM base b
      JOIN "ProductOption" o ON o."productId" = b."id" AND lower(o."name") IN (${Prisma.join(facetNames)})
      CROSS JOIN LATERAL unnest(o."values") AS v(value)
     WHERE b.in_category AND b.in_seller AND b.in_price
     GROUP BY lower(o."name"), v.value`;
}

/** Most first; ties by name, so both ways of counting list them alike. */
const byCount =
  <T extends { count: number }>(name: (row: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || name(a).localeCompare(name(b), "en");

function facetsOf(rows: FacetRow[]): Facets {
  return {
    categories: rows
      .filter((row) => row.facet === "category")
      .map((row) => ({ id: row.key, name: row.label ?? "Uncategorised", slug: row.slug, count: row.count }))
      .sort(byCount((row) => row.name)),
    sellers: rows
      .filter((row) => row.facet === "seller" && row.key !== null)
      .map((row) => ({ id: row.key ?? "", shopName: row.label ?? "", slug: row.slug ?? "", count: row.count }))
      .sort(byCount((row) => row.shopName)),
    priceBands: PRICE_BANDS.map((b) => ({ ...b, count: rows.find((row) => row.facet === "price" && row.key === b.key)?.count ?? 0 })),
    options: optionFacets(rows.filter((row) => row.facet === "option")),
    // A sample that reached its limit may have left products out (or held exactly that many).
    sampled: (rows.find((row) => row.facet === "sampled")?.count ?? 0) > 0,
  };
}

/** Sizes as a size chart reads; anything else (shoe sizes, "18 in") after them in natural order. */
const SIZE_ORDER = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"];
const sizeRank = (value: string) => {
  const rank = SIZE_ORDER.indexOf(value.toUpperCase());
  return rank === -1 ? SIZE_ORDER.length : rank;
};
const bySize = (a: { value: string }, b: { value: string }) => sizeRank(a.value) - sizeRank(b.value) || a.value.localeCompare(b.value, "en", { numeric: true });

/** Size (in size order) and Colour (Color folded in; most offered first). */
function optionFacets(rows: { key: string | null; label: string | null; count: number }[]): Facets["options"] {
  const groups = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const name = FACET_OPTIONS[row.key ?? ""];
    if (!name || !row.label) continue;
    const values = groups.get(name) ?? new Map<string, number>();
    values.set(row.label, (values.get(row.label) ?? 0) + row.count);
    groups.set(name, values);
  }
  return ["Size", "Colour"]
    .filter((name) => groups.has(name))
    .map((name) => {
      const values = [...groups.get(name)!.entries()].map(([value, count]) => ({ value, count }));
      return { name, values: values.sort(name === "Size" ? bySize : (a, b) => b.count - a.count || a.value.localeCompare(b.value)) };
    });
}

/** How many nearest vocabulary rows (one per word and shop) each word of a search is compared with. */
const NEAREST_WORDS = 32;

/**
 * "Did you mean": each word of the search is swapped for the closest word buyers can find
 * (trigram similarity), when one is close enough. Null when nothing better is found. The words
 * are those of visible products' names and shop names (`CatalogWord`, kept by triggers, read
 * nearest first from its trigram index) and of the categories that hold a visible product.
 */
export async function didYouMean(db: SqlTx, q: string): Promise<string | null> {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 6);
  if (words.length === 0) return null;
  const rows = await db.$queryRaw<{ term: string; best: string | null; score: number | null }[]>`
    WITH category_words AS (
      SELECT DISTINCT w AS "word"
        FROM "Category" c
        CROSS JOIN LATERAL regexp_split_to_table(lower(c."name"), '[^[:alnum:]]+') w
       WHERE length(w) > 2 AND EXISTS (SELECT 1 FROM "CatalogFacetCount" f WHERE f."categoryKey" = c."id" AND f."products" > 0)
    )
    SELECT t.term, best."word" AS "best", best.score
      FROM unnest(${words}::text[]) WITH ORDINALITY AS t(term, position)
      LEFT JOIN LATERAL (
        SELECT n."word", similarity(n."word", t.term)::float8 AS score
          FROM ((SELECT w."word" FROM "CatalogWord" w ORDER BY w."word" <-> t.term LIMIT ${NEAREST_WORDS})
                UNION SELECT "word" FROM category_words) n
         ORDER BY similarity(n."word", t.term) DESC, n."word"
         LIMIT 1
      ) best ON true
     ORDER BY t.position`;
  const suggestion = rows.map((row) => (row.best && (row.score ?? 0) >= 0.25 ? row.best : row.term)).join(" ");
  return suggestion !== words.join(" ") ? suggestion : null;
}

/**
 * The search page as the API serves it. With search text, every statement starts from the bounded
 * matches (at most twice SEARCH_MATCHES products), so one plan is right whatever the words: they
 * run in one read-only transaction with plans made once per connection. Planned for each call's
 * values, the typo search cost 11.7 ms of database CPU at 100,000 products instead of 7.0, and
 * "usb cable" 22.7 instead of 17.3 (bench/README.md, session 15). A listing (no text) is planned
 * for its filters on every call: its best plan depends on them (a category of 30 or 30,000).
 */
export function readSearchPage(db: PrismaClient, input: BrowseProductsInput = {}) {
  return input.q?.trim()
    ? sqlTransaction(db, (tx) => searchProducts(tx, input), { readOnly: true, genericPlans: true })
    : searchProducts(sqlOn(db, { prepared: false }), input);
}

/** The storefront's search page: a page of results, facets (first page only) and a suggestion when nothing matched. */
export async function searchProducts(db: SqlTx, input: BrowseProductsInput = {}) {
  const first = !input.cursor;
  // The first page's cards and facets count within the same matches: found once, not twice.
  const parsedQ = ZBrowseProductsSchema.safeParse(input).data?.q;
  const matched = first && parsedQ ? await findMatches(db, parsedQ) : undefined;
  // One after the other: in readSearchPage's transaction both go down one connection, where pg
  // queues a second query sent before the first answers, and pg 9 will refuse it.
  const page = await listProductCards(db, { ...input, matched });
  const facets = first ? await productFacets(db, { ...input, matched }) : null;
  const q = input.q?.trim();
  return { ...page, facets, didYouMean: q && first && page.items.length === 0 ? await didYouMean(db, q) : null };
}
