import type { PrismaClient, ProductStatus } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { isDomainError } from "../../errors";
import { changeProductStatus } from "./seller-products";
import type { ProductAction } from "./product-status";

export interface BulkStatusResult {
  id: string;
  ok: boolean;
  status: ProductStatus | null;
  /** Why this product was not changed (another shop's id reads "not in your shop"). */
  error: string | null;
}

/**
 * Publishes (or archives, ...) several products. Each product is its own change: one that cannot
 * move (already archived, no price) is reported and the others still change.
 */
export async function changeProductsStatus(
  db: PrismaClient,
  actor: Actor,
  input: { ids: string[]; action: ProductAction },
): Promise<{ changed: number; results: BulkStatusResult[] }> {
  requireSeller(actor);
  const results: BulkStatusResult[] = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      const product = await changeProductStatus(db, actor, { id, action: input.action });
      results.push({ id, ok: true, status: product.status, error: null });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      results.push({ id, ok: false, status: null, error: error.message });
    }
  }
  return { changed: results.filter((r) => r.ok).length, results };
}
