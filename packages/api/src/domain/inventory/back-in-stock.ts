import type { Tx } from "@bazaar/db";
import { publish } from "../../events/publish";

/**
 * Called in the transaction that just added `gained` units to one stock row of a variant: when
 * that brought the variant back from nothing, the wishlist hears of it once (`stock/back-in-stock`,
 * named by the row and its new version, so one restock is one event however often it is retried).
 * Sales and holds never come through here: only a seller adding stock is a restock.
 */
export async function publishIfBackInStock(tx: Tx, input: { productId: string; variantId: string; stockLevelId: string; version: number; gained: number }) {
  if (input.gained <= 0) return false;
  const [sums] = await tx.$queryRaw<{ variant: number; product: number }[]>`
    SELECT COALESCE(SUM(s."onHand" - s."reserved" - s."allocated") FILTER (WHERE s."variantId" = ${input.variantId}), 0)::int AS "variant",
           COALESCE(SUM(s."onHand" - s."reserved" - s."allocated"), 0)::int AS "product"
      FROM "StockLevel" s JOIN "ProductVariant" v ON v."id" = s."variantId" AND v."status" = 'ACTIVE'
     WHERE s."productId" = ${input.productId}`;
  if (!sums) return false;
  const variantBefore = sums.variant - input.gained;
  if (variantBefore > 0 || sums.variant <= 0) return false;
  await publish(tx, "stock/back-in-stock", {
    productId: input.productId,
    variantId: input.variantId,
    productWasSoldOut: sums.product - input.gained <= 0,
    restockId: `${input.stockLevelId}:${input.version}`,
  });
  return true;
}
