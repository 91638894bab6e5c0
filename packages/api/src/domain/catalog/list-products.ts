import type { Prisma, PrismaClient } from "@bazaar/db";
import { z } from "zod";

// What buyers may see: active, not unlisted by an admin, from an approved shop.
export const buyerVisibleProduct = {
  status: "ACTIVE",
  unlistedAt: null,
  seller: { status: "APPROVED" },
} satisfies Prisma.ProductWhereInput;

const productCard = {
  id: true,
  slug: true,
  name: true,
  priceCents: true,
  currency: true,
  ratingAvg: true,
  ratingCount: true,
  seller: { select: { id: true, shopName: true, slug: true } },
  images: { select: { url: true, alt: true }, orderBy: { position: "asc" }, take: 1 },
} satisfies Prisma.ProductSelect;

export type ProductCard = Prisma.ProductGetPayload<{ select: typeof productCard }>;

export const ZListProductsSchema = z.object({
  limit: z.number().int().min(1).max(60).default(24),
  /** The id of the last product of the previous page. */
  cursor: z.string().nullish(),
});
export type ListProductsInput = z.input<typeof ZListProductsSchema>;

/** The newest products buyers can see, a page at a time. */
export async function listProducts(db: PrismaClient, input: ListProductsInput = {}) {
  const { limit, cursor } = ZListProductsSchema.parse(input);
  const rows = await db.product.findMany({
    where: buyerVisibleProduct,
    select: productCard,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
