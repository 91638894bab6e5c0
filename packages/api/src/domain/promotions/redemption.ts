import type { SqlTx, Tx } from "@bazaar/db";
import { DomainError } from "../../errors";

/**
 * Counts one use of a promo code for an order, in the checkout's transaction. The count is a
 * guarded update, so two buyers racing for a code's last use cannot both get it.
 */
export async function redeemPromo(
  tx: SqlTx,
  input: { promo: { id: string; code: string }; orderId: string; buyerId: string; amountCents: number },
): Promise<void> {
  const used = await tx.$executeRaw`
    UPDATE "PromoCode" SET "usageCount" = "usageCount" + 1, "updatedAt" = now()
     WHERE "id" = ${input.promo.id} AND ("usageLimit" IS NULL OR "usageCount" < "usageLimit")`;
  if (used !== 1) throw new DomainError("BAD_REQUEST", `Promo code ${input.promo.code} has been fully redeemed. Remove the code to check out.`);
  await tx.$executeRaw`
    INSERT INTO "PromoRedemption" ("id", "promoCodeId", "orderId", "buyerId", "amountCents", "createdAt")
    VALUES (gen_random_uuid()::text, ${input.promo.id}, ${input.orderId}, ${input.buyerId}, ${input.amountCents}, ${new Date()}::timestamp(3))`;
}

/** Gives an order's promo use back (the order is being undone); nothing when it used no code. */
export async function releasePromo(tx: Tx, orderId: string): Promise<void> {
  const redemption = await tx.promoRedemption.findUnique({ where: { orderId }, select: { id: true, promoCodeId: true } });
  if (!redemption) return;
  await tx.promoCode.update({ where: { id: redemption.promoCodeId }, data: { usageCount: { decrement: 1 } } });
  await tx.promoRedemption.delete({ where: { id: redemption.id } });
}
