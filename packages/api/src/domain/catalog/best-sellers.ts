import type { Tx } from "@bazaar/db";
import { availabilityOf } from "../inventory/constants";
import type { ProductCard } from "./search-products";
import { buyerVisibleProduct } from "./visibility";

/**
 * The most-sold products buyers can see (most reviewed first among equals, so a new
 * marketplace still has a shelf), as product cards (the catalog's sorts are for
 * browsing; this shelf is the home page's). Two queries: products, then their stock grouped.
 */
export async function listBestSellers(db: Tx, limit: number): Promise<ProductCard[]> {
  const products = await db.product.findMany({
    where: buyerVisibleProduct,
    orderBy: [{ salesCount: "desc" }, { ratingCount: "desc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      slug: true,
      name: true,
      priceCents: true,
      priceMaxCents: true,
      currency: true,
      ratingAvg: true,
      ratingCount: true,
      categoryId: true,
      createdAt: true,
      seller: { select: { id: true, shopName: true, slug: true } },
      images: { select: { url: true, alt: true }, orderBy: [{ position: "asc" }, { id: "asc" }], take: 1 },
    },
  });
  const stock = products.length
    ? await db.stockLevel.groupBy({
        by: ["productId"],
        where: { productId: { in: products.map((p) => p.id) } },
        _sum: { onHand: true, reserved: true, allocated: true },
        _max: { lowStockThreshold: true },
      })
    : [];
  const stockOf = new Map(stock.map((row) => [row.productId, row]));
  return products.map(({ images, ...product }) => {
    const row = stockOf.get(product.id);
    const available = Math.max(0, (row?._sum.onHand ?? 0) - (row?._sum.reserved ?? 0) - (row?._sum.allocated ?? 0));
    const image = images[0];
    return {
      ...product,
      priceMaxCents: Math.max(product.priceCents, product.priceMaxCents),
      image: image ? { url: image.url, alt: image.alt || product.name } : null,
      available,
      availability: availabilityOf(available, row?._max.lowStockThreshold ?? 0),
    };
  });
}
