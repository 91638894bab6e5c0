import { Prisma, type PrismaClient, type ProductStatus } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { holdsText } from "../like-pattern";

export interface SellerProductRow {
  id: string;
  sku: string;
  name: string;
  status: ProductStatus;
  priceCents: number;
  currency: string;
  unlistedAt: Date | null;
  unlistedReason: string | null;
  updatedAt: Date;
  category: string | null;
  image: { url: string; alt: string } | null;
  /** Units buyers can still buy, summed over warehouses. */
  available: number;
  onHand: number;
  /** Stock rows under their low-stock threshold. */
  lowRows: number;
}

/**
 * The console's products table: the seller's products filtered by a search over name and SKU and
 * by status, most recently changed first, a page at a time.
 */
export async function listSellerProducts(
  db: PrismaClient,
  actor: Actor,
  input: { q?: string; status?: ProductStatus; cursor?: string | null; limit?: number } = {},
): Promise<{ items: SellerProductRow[]; nextCursor: string | null; total: number }> {
  const { sellerId } = requireSeller(actor);
  const limit = input.limit ?? 25;
  const q = input.q?.trim();
  const orderBy: Prisma.ProductOrderByWithRelationInput[] = [{ updatedAt: "desc" }, { id: "desc" }];
  const select = {
    id: true,
    sku: true,
    name: true,
    status: true,
    priceCents: true,
    currency: true,
    unlistedAt: true,
    unlistedReason: true,
    updatedAt: true,
    category: { select: { name: true } },
    images: { select: { url: true, alt: true }, orderBy: { position: "asc" }, take: 1 },
    stockLevels: { select: { onHand: true, reserved: true, allocated: true, lowStockThreshold: true } },
  } satisfies Prisma.ProductSelect;
  const inShop: Prisma.ProductWhereInput = { sellerId, ...(input.status ? { status: input.status } : {}) };
  const [rows, total] = q
    ? await searchPage(db, { sellerId, q, status: input.status, cursor: input.cursor, limit }).then(
        async ({ ids, total }) => [await db.product.findMany({ where: { id: { in: ids } }, orderBy, select }), total] as const,
      )
    : await Promise.all([
        db.product.findMany({
          where: inShop,
          orderBy,
          take: limit + 1,
          ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
          select,
        }),
        db.product.count({ where: inShop }),
      ]);
  const items = rows.slice(0, limit).map(({ category, images, stockLevels, ...product }) => {
    const available = stockLevels.map((s) => s.onHand - s.reserved - s.allocated);
    return {
      ...product,
      category: category?.name ?? null,
      image: images[0] ?? null,
      available: available.reduce((sum, n) => sum + n, 0),
      onHand: stockLevels.reduce((sum, s) => sum + s.onHand, 0),
      lowRows: stockLevels.filter((s, i) => (available[i] ?? 0) < s.lowStockThreshold).length,
    };
  });
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null, total };
}

/**
 * A text search's page of ids (one more than `limit`, to tell whether a next page exists) and its
 * count of matches, in one statement. Every match is found first (MATERIALIZED), through the
 * name's and the SKU's trigram indexes joined to the shop's, then sorted: walked in the shop's
 * `updatedAt` order instead, PostgreSQL expected the first matches early, and at 100,000 products
 * a page of "head" read 28,551 of a shop's 32,145 products before it had 26 (177 ms; bench/README.md,
 * finding 14). A page now costs what its count costs, which reads every match anyway. The text is
 * matched literally (`%` and `_` are not wildcards); two letters or digits match a word's start.
 */
async function searchPage(
  db: PrismaClient,
  { sellerId, q, status, cursor, limit }: { sellerId: string; q: string; status?: ProductStatus; cursor?: string | null; limit: number },
): Promise<{ ids: string[]; total: number }> {
  const after = cursor
    ? Prisma.sql`AND (m."updatedAt", m."id") < (SELECT c."updatedAt", c."id" FROM "Product" c WHERE c."id" = ${cursor} AND c."sellerId" = ${sellerId})`
    : Prisma.empty;
  const [page] = await db.$queryRaw<{ ids: string[] | null; total: number }[]>`
    WITH matches AS MATERIALIZED (
      SELECT "id", "updatedAt" FROM "Product"
       WHERE "sellerId" = ${sellerId} ${status ? Prisma.sql`AND "status" = ${status}::"ProductStatus"` : Prisma.empty}
         AND (${holdsText(Prisma.sql`"name"`, q)} OR ${holdsText(Prisma.sql`"sku"`, q)})
    )
    SELECT (SELECT array_agg(p."id") FROM (SELECT m."id" FROM matches m WHERE true ${after}
                                             ORDER BY m."updatedAt" DESC, m."id" DESC LIMIT ${limit + 1}) p) AS "ids",
           (SELECT count(*)::int FROM matches) AS "total"`;
  return { ids: page?.ids ?? [], total: page?.total ?? 0 };
}
