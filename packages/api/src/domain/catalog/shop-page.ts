import type { Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import type { ProductSort } from "../../validators/catalog";
import { listProductCards } from "./search-products";
import { buyerVisibleProduct } from "./visibility";

/** A shop's public page: who they are, their rating across products, and a page of products. */
export async function getShopPage(db: Tx, input: { slug: string; cursor?: string | null; sort?: ProductSort }) {
  const seller = await db.seller.findFirst({
    where: { slug: input.slug, status: "APPROVED", user: { status: "ACTIVE" } },
    select: {
      id: true,
      shopName: true,
      slug: true,
      description: true,
      shippingFlatCents: true,
      freeShippingOverCents: true,
      approvedAt: true,
      shippingPolicy: true,
      returnPolicy: true,
    },
  });
  if (!seller) throw new DomainError("NOT_FOUND", "This shop does not exist or is closed.");
  const [stats, products] = await Promise.all([
    db.product.aggregate({ where: { sellerId: seller.id, ...buyerVisibleProduct }, _count: { _all: true }, _sum: { ratingSum: true, ratingCount: true } }),
    listProductCards(db, { seller: seller.slug, cursor: input.cursor, sort: input.sort }),
  ]);
  const ratingCount = stats._sum.ratingCount ?? 0;
  return {
    seller: {
      ...seller,
      productCount: stats._count._all,
      ratingCount,
      ratingAvg: ratingCount ? Math.round(((stats._sum.ratingSum ?? 0) / ratingCount) * 100) / 100 : 0,
    },
    products,
  };
}
