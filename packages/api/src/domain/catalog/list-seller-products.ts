import type { Prisma, PrismaClient, ProductStatus } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";

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
  const where: Prisma.ProductWhereInput = {
    sellerId,
    ...(input.status ? { status: input.status } : {}),
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { sku: { contains: q, mode: "insensitive" } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.product.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      select: {
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
      },
    }),
    db.product.count({ where }),
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
