import type { Tx } from "@bazaar/db";
import { availabilityOf, type Availability } from "../inventory/constants";
import { buyerVisibleProduct } from "./visibility";

export interface VariantStock {
  variantId: string;
  available: number;
  availability: Availability;
}

export interface LiveAvailability {
  productId: string;
  /** Across every variant: "in stock" when any variant is. */
  available: number;
  availability: Availability;
  variants: VariantStock[];
}

type StockRowLike = { onHand: number; reserved: number; allocated: number; lowStockThreshold: number };

/** What can be bought of one variant, summed over its warehouses. */
export function variantStock(variantId: string, rows: StockRowLike[]): VariantStock {
  const available = Math.max(
    0,
    rows.reduce((sum, row) => sum + row.onHand - row.reserved - row.allocated, 0),
  );
  const threshold = Math.max(0, ...rows.map((row) => row.lowStockThreshold));
  return { variantId, available, availability: availabilityOf(available, threshold) };
}

/** The product as a whole: the sum of its variants, "low" only when every variant in stock is low. */
export function productStock(variants: VariantStock[]): { available: number; availability: Availability } {
  const available = variants.reduce((sum, variant) => sum + variant.available, 0);
  const inStock = variants.filter((variant) => variant.available > 0);
  const availability: Availability = inStock.length === 0 ? "out" : inStock.every((variant) => variant.availability === "low") ? "low" : "in_stock";
  return { available, availability };
}

/**
 * What a product page shows next to "Add to cart": stock right now of each active variant, which
 * carts change every minute, so it is read fresh while the rest of the page comes from the cache.
 * One query.
 */
export async function getLiveAvailability(db: Tx, slug: string): Promise<LiveAvailability | null> {
  const product = await db.product.findFirst({
    where: { slug, ...buyerVisibleProduct },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      variants: {
        where: { status: "ACTIVE" },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, stockLevels: { select: { onHand: true, reserved: true, allocated: true, lowStockThreshold: true } } },
      },
    },
  });
  if (!product) return null;
  const variants = product.variants.map((variant) => variantStock(variant.id, variant.stockLevels));
  return { productId: product.id, ...productStock(variants), variants };
}
