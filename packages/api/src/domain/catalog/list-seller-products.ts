import type { PrismaClient } from "@bazaar/db";
import { z } from "zod";

export const ZListSellerProductsSchema = z.object({
  status: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListSellerProductsInput = z.input<typeof ZListSellerProductsSchema>;

/** One seller's own products, every status, most recently changed first. */
export async function listSellerProducts(db: PrismaClient, sellerId: string, input: ListSellerProductsInput = {}) {
  const { status, limit } = ZListSellerProductsSchema.parse(input);
  return db.product.findMany({
    where: { sellerId, ...(status ? { status } : {}) },
    select: {
      id: true,
      sku: true,
      name: true,
      slug: true,
      priceCents: true,
      currency: true,
      status: true,
      unlistedAt: true,
      updatedAt: true,
      stockLevels: { select: { onHand: true, reserved: true, allocated: true } },
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}
