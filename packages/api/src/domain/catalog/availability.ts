import type { Tx } from "@bazaar/db";
import { availabilityOf, type Availability } from "../inventory/constants";
import { buyerVisibleProduct } from "./visibility";

export interface LiveAvailability {
  productId: string;
  available: number;
  availability: Availability;
}

/**
 * What a product page shows next to "Add to cart": stock right now, which carts change every
 * minute, so it is read fresh while the rest of the page comes from the cache. One query.
 */
export async function getLiveAvailability(db: Tx, slug: string): Promise<LiveAvailability | null> {
  const product = await db.product.findFirst({
    where: { slug, ...buyerVisibleProduct },
    orderBy: { createdAt: "asc" },
    select: { id: true, stockLevels: { select: { onHand: true, reserved: true, allocated: true, lowStockThreshold: true } } },
  });
  if (!product) return null;
  const available = Math.max(
    0,
    product.stockLevels.reduce((sum, row) => sum + row.onHand - row.reserved - row.allocated, 0),
  );
  const threshold = Math.max(0, ...product.stockLevels.map((row) => row.lowStockThreshold));
  return { productId: product.id, available, availability: availabilityOf(available, threshold) };
}
