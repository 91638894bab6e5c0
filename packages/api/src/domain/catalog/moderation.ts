import { Prisma, type PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { holdsText } from "../like-pattern";
import { page } from "../pagination";
import { ZModerationSearchSchema } from "../../validators/catalog";
import { afterCursor, allOf } from "../sql-conditions";

type ModerationSearch = z.output<typeof ZModerationSearchSchema>;

/** Every product whatever its state or shop, for moderation; newest first. Unlisting is `catalog.unlist` / `catalog.relist`. */
export async function searchProductsForModeration(db: PrismaClient, actor: Actor, input: z.input<typeof ZModerationSearchSchema> = {}) {
  requireAdmin(actor);
  const f = ZModerationSearchSchema.parse(input);
  const orderBy: Prisma.ProductOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  const select = {
    id: true,
    sku: true,
    name: true,
    slug: true,
    priceCents: true,
    priceMaxCents: true,
    currency: true,
    status: true,
    unlistedAt: true,
    unlistedReason: true,
    createdAt: true,
    seller: { select: { id: true, shopName: true, status: true } },
    category: { select: { id: true, name: true } },
    images: {
      select: { url: true, alt: true },
      orderBy: { position: "asc" },
      take: 1,
    },
    // What a moderator needs to recognise the variants; the seller's console has the full matrix.
    variants: { where: { status: "ACTIVE", title: { not: "" } }, select: { title: true }, orderBy: { position: "asc" }, take: 6 },
    _count: { select: { variants: { where: { status: "ACTIVE" } } } },
  } satisfies Prisma.ProductSelect;
  const rows = f.q
    ? await db.product.findMany({ where: { id: { in: await searchPageIds(db, f, f.q) } }, orderBy, select })
    : await db.product.findMany({
        where: {
          ...(f.status ? { status: f.status } : {}),
          ...(f.sellerId ? { sellerId: f.sellerId } : {}),
          ...(f.categoryId ? { categoryId: f.categoryId } : {}),
          ...(f.unlisted === undefined ? {} : { unlistedAt: f.unlisted ? { not: null } : null }),
        },
        orderBy,
        take: f.limit + 1,
        ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
        select,
      });
  return page(rows, f.limit);
}

/**
 * A text's page of ids (one more than the limit), newest first: the products whose name holds
 * the text (two letters or digits: a word of it starts with them), whose SKU or one of whose variants' SKUs is the text (upper-cased), or whose id it
 * is. Each of the four is one index read (the name's and the SKU's trigram indexes, the primary
 * key, the variants' SKU index), gathered first, then filtered and sorted. As one `OR` no index
 * could answer it: at 100,000 products every product and every variant was read (484 ms, "head";
 * bench/README.md, finding 14).
 */
async function searchPageIds(db: PrismaClient, f: ModerationSearch, q: string): Promise<string[]> {
  const sku = q.toUpperCase();
  const filters = [
    f.status ? Prisma.sql`p."status" = ${f.status}::"ProductStatus"` : null,
    f.sellerId ? Prisma.sql`p."sellerId" = ${f.sellerId}` : null,
    f.categoryId ? Prisma.sql`p."categoryId" = ${f.categoryId}` : null,
    f.unlisted === undefined ? null : f.unlisted ? Prisma.sql`p."unlistedAt" IS NOT NULL` : Prisma.sql`p."unlistedAt" IS NULL`,
    afterCursor("p", "Product", f.cursor),
  ];
  // Each read brings what the filters and the order need, so the matches are not joined to the
  // products again (a hash of all 100,000 of them, half the time at that size).
  const columns = Prisma.sql`"id", "createdAt", "status", "sellerId", "categoryId", "unlistedAt"`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH candidates AS MATERIALIZED (
      SELECT ${columns} FROM "Product" WHERE ${holdsText(Prisma.sql`"name"`, q)}
      UNION SELECT ${columns} FROM "Product" WHERE "sku" = ${sku}
      UNION SELECT ${columns} FROM "Product" WHERE "id" = ${q}
      UNION SELECT ${columns} FROM "Product" WHERE "id" IN (SELECT "productId" FROM "ProductVariant" WHERE "sku" = ${sku})
    )
    SELECT p."id" FROM candidates p
     WHERE ${allOf(filters)}
     ORDER BY p."createdAt" DESC, p."id" DESC
     LIMIT ${f.limit + 1}`;
  return rows.map((row) => row.id);
}
