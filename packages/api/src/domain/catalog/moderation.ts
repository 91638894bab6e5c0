import type { Prisma, PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { page } from "../pagination";
import { ZModerationSearchSchema } from "../../validators/catalog";

/** Every product whatever its state or shop, for moderation; newest first. Unlisting is `catalog.unlist` / `catalog.relist`. */
export async function searchProductsForModeration(db: PrismaClient, actor: Actor, input: z.input<typeof ZModerationSearchSchema> = {}) {
  requireAdmin(actor);
  const f = ZModerationSearchSchema.parse(input);
  const where: Prisma.ProductWhereInput = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.sellerId ? { sellerId: f.sellerId } : {}),
    ...(f.categoryId ? { categoryId: f.categoryId } : {}),
    ...(f.unlisted === undefined ? {} : { unlistedAt: f.unlisted ? { not: null } : null }),
    ...(f.q
      ? {
          OR: [{ name: { contains: f.q, mode: "insensitive" } }, { sku: f.q.toUpperCase() }, { id: f.q }, { variants: { some: { sku: f.q.toUpperCase() } } }],
        }
      : {}),
  };
  const rows = await db.product.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    select: {
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
    },
  });
  return page(rows, f.limit);
}
