import { Prisma, type Tx } from "@bazaar/db";
import { buyerVisibleSql, visibleShopSql } from "./visibility";

// What search engines may list: only what a buyer can see (active, listed products of approved
// shops; categories holding such products; approved shops), each with the time it last changed.

/** Entries per sitemap file; search engines accept up to 50,000. */
export const SITEMAP_PAGE_SIZE = 10_000;

export const SITEMAP_KINDS = ["products", "categories", "shops"] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

export interface SitemapEntry {
  /** The storefront path, e.g. /products/desk-lamp. */
  path: string;
  lastModified: Date;
}

export interface SitemapFile {
  kind: SitemapKind;
  page: number;
  lastModified: Date | null;
}

/** The sitemap index: one file per kind and page, with the newest change inside it. */
export async function getSitemapIndex(db: Tx): Promise<SitemapFile[]> {
  const [products, categories, shops] = await Promise.all([
    db.$queryRaw<{ count: number; newest: Date | null }[]>`
      SELECT count(*)::int AS "count", max(p."updatedAt") AS "newest"
        FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId" WHERE ${buyerVisibleSql}`,
    db.$queryRaw<{ count: number; newest: Date | null }[]>`
      SELECT count(DISTINCT p."categoryId")::int AS "count", max(p."updatedAt") AS "newest"
        FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId" WHERE ${buyerVisibleSql} AND p."categoryId" IS NOT NULL`,
    db.$queryRaw<{ count: number; newest: Date | null }[]>`
      SELECT count(*)::int AS "count", max(s."updatedAt") AS "newest" FROM "Seller" s WHERE ${visibleShopSql}`,
  ]);
  const files = (kind: SitemapKind, row: { count: number; newest: Date | null } | undefined): SitemapFile[] =>
    Array.from({ length: Math.max(1, Math.ceil((row?.count ?? 0) / SITEMAP_PAGE_SIZE)) }, (_, page) => ({ kind, page, lastModified: row?.newest ?? null }));
  return [...files("products", products[0]), ...files("categories", categories[0]), ...files("shops", shops[0])];
}

/** One sitemap file's entries, in a stable order (by id), `page` counted from 0. */
export async function getSitemapPage(db: Tx, kind: SitemapKind, page: number): Promise<SitemapEntry[]> {
  const offset = page * SITEMAP_PAGE_SIZE;
  const rows = await db.$queryRaw<{ path: string; lastModified: Date }[]>(sitemapQuery(kind, offset));
  return rows;
}

function sitemapQuery(kind: SitemapKind, offset: number): Prisma.Sql {
  switch (kind) {
    case "products":
      return Prisma.sql`
        SELECT '/products/' || p."slug" AS "path", p."updatedAt" AS "lastModified"
          FROM "Product" p JOIN "Seller" s ON s."id" = p."sellerId"
         WHERE ${buyerVisibleSql}
         ORDER BY p."id" LIMIT ${SITEMAP_PAGE_SIZE} OFFSET ${offset}`;
    case "categories":
      // A category changes, for a crawler, when a product in it does.
      return Prisma.sql`
        SELECT '/c/' || c."slug" AS "path", greatest(c."createdAt", max(p."updatedAt")) AS "lastModified"
          FROM "Category" c
          JOIN "Product" p ON p."categoryId" = c."id"
          JOIN "Seller" s ON s."id" = p."sellerId"
         WHERE ${buyerVisibleSql}
         GROUP BY c."id" ORDER BY c."id" LIMIT ${SITEMAP_PAGE_SIZE} OFFSET ${offset}`;
    case "shops":
      return Prisma.sql`
        SELECT '/shops/' || s."slug" AS "path", s."updatedAt" AS "lastModified"
          FROM "Seller" s WHERE ${visibleShopSql}
         ORDER BY s."id" LIMIT ${SITEMAP_PAGE_SIZE} OFFSET ${offset}`;
  }
}
