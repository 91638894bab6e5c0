import type { PrismaClient } from "@bazaar/db";
import { formatMoney } from "../../money";
import { bazaarEvent, inngest } from "../../../events/client";
import { urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { variantDisplayName } from "../../../validators/variants";
import { buyerVisibleProduct } from "../../catalog/visibility";

/** Emails per step: a restock of a popular product reaches its savers in batches that retry alone. */
const BATCH = 100;

/**
 * `stock/back-in-stock` -> everyone who saved the product hears once: those who chose that variant,
 * and those who saved the product without a choice when the whole product had sold out. One email
 * per saver and restock (deduplicated by the wishlist row and the restock), so a retried step or
 * a replayed event never sends a second one.
 */
export const backInStockEmail = inngest.createFunction(
  { id: "wishlist-back-in-stock", name: "Wishlist: tell savers a product is back in stock", triggers: [bazaarEvent("stock/back-in-stock")] },
  async ({ event, step, db }) => {
    const { productId, variantId, productWasSoldOut, restockId } = event.data;
    let cursor: string | null = null;
    let sent = 0;
    for (let batch = 0; ; batch++) {
      const result: { sent: number; next: string | null } = await step.run(`email-savers-${batch}`, () =>
        emailSavers(db, { productId, variantId, productWasSoldOut, restockId, after: cursor }),
      );
      sent += result.sent;
      if (!result.next) break;
      cursor = result.next;
    }
    return { sent };
  },
);

export async function emailSavers(
  db: PrismaClient,
  input: { productId: string; variantId: string; productWasSoldOut: boolean; restockId: string; after: string | null },
): Promise<{ sent: number; next: string | null }> {
  const product = await db.product.findFirst({
    where: { id: input.productId, ...buyerVisibleProduct },
    select: {
      slug: true,
      name: true,
      currency: true,
      seller: { select: { shopName: true } },
      options: { orderBy: { position: "asc" }, select: { name: true } },
      variants: { where: { id: input.variantId, status: "ACTIVE" }, select: { title: true, priceCents: true, optionValues: true } },
    },
  });
  const variant = product?.variants[0];
  // Unpublished or its shop closed since the restock: nobody can buy it, so nobody is told.
  if (!product || !variant) return { sent: 0, next: null };
  const savers = await db.wishlistItem.findMany({
    where: {
      productId: input.productId,
      OR: [{ variantId: input.variantId }, ...(input.productWasSoldOut ? [{ variantId: null }] : [])],
      user: { status: "ACTIVE" },
      ...(input.after ? { id: { gt: input.after } } : {}),
    },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true, variantId: true, user: { select: { email: true, name: true } } },
  });
  const choice = Object.fromEntries(product.options.map((option, index) => [option.name, variant.optionValues[index] ?? ""]));
  for (const saver of savers) {
    const named = saver.variantId !== null;
    await sendEmail(db, {
      to: saver.user.email,
      template: "back-in-stock",
      props: {
        buyerName: saver.user.name ?? "there",
        productName: named ? variantDisplayName(product.name, variant.title) : product.name,
        shopName: product.seller.shopName,
        price: formatMoney(variant.priceCents, product.currency),
        productUrl: urls.product(product.slug, named ? choice : {}),
        wishlistUrl: urls.wishlist(),
      },
      dedupeKey: `back-in-stock:${saver.id}:${input.restockId}`,
    });
  }
  return { sent: savers.length, next: savers.length === BATCH ? (savers[BATCH - 1]?.id ?? null) : null };
}
