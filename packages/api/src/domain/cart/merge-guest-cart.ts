// At sign-in the guest's cart joins the buyer's: lines move over with their stock holds; where
// both have the product the quantities add up as far as stock allows (the buyer is told).
import type { PrismaClient } from "@bazaar/db";
import {
  extendCartReservations,
  heldForCartItem,
  moveCartItemReservations,
  releaseCartReservations,
  setCartItemReservation,
} from "../inventory/cart-reservations";
import { variantDisplayName } from "../../validators/variants";
import { availableOf, lockVariantStock } from "../inventory/stock-rows";
import { inTransaction } from "../transaction";
import { ensureActiveCart, lockCart, touchCart } from "./cart-owner";
import { buildCartView, getCartView, type CartView } from "./cart-view";
import { MAX_LINE_QUANTITY } from "./change-cart";
import { loadCart } from "./load-cart";

export async function mergeGuestCart(
  db: PrismaClient,
  buyerId: string,
  guestToken: string,
  now = new Date(),
): Promise<{ merged: boolean; notes: string[]; cart: CartView }> {
  const guest = await db.cart.findFirst({ where: { guestToken, buyerId: null, status: "ACTIVE" }, select: { id: true } });
  if (!guest) return { merged: false, notes: [], cart: await getCartView(db, { buyerId }, { now }) };
  await ensureActiveCart(db, { buyerId });
  return inTransaction(db, async (tx) => {
    // The buyer's cart first, then the guest's: one lock order for every path that takes both.
    const cart = await lockCart(tx, { buyerId });
    const guestCart = await lockCart(tx, { guestToken });
    if (!cart || !guestCart) return { merged: false, notes: [], cart: await getCartView(tx, { buyerId }, { now }) };
    const notes: string[] = [];
    const [mine, theirs] = await Promise.all([
      tx.cartItem.findMany({ where: { cartId: cart.id }, select: { id: true, variantId: true, quantity: true } }),
      tx.cartItem.findMany({
        where: { cartId: guestCart.id },
        orderBy: { variantId: "asc" },
        select: { id: true, productId: true, variantId: true, quantity: true, product: { select: { name: true } }, variant: { select: { title: true } } },
      }),
    ]);
    let currency = cart.currency;
    if (mine.length === 0 && guestCart.currency !== currency) {
      currency = guestCart.currency;
      await tx.cart.update({ where: { id: cart.id }, data: { currency } });
    }
    for (const line of theirs) {
      const existing = mine.find((candidate) => candidate.variantId === line.variantId);
      const name = variantDisplayName(line.product.name, line.variant.title);
      if (guestCart.currency !== currency) {
        await releaseCartReservations(tx, { cartItemId: line.id });
        await tx.cartItem.delete({ where: { id: line.id } });
        notes.push(`"${name}" is priced in ${guestCart.currency} and your cart in ${currency}, so it was not added.`);
      } else if (!existing) {
        await tx.cartItem.update({ where: { id: line.id }, data: { cartId: cart.id } });
        await moveCartItemReservations(tx, line.id, { cartId: cart.id, cartItemId: line.id });
      } else {
        await moveCartItemReservations(tx, line.id, { cartId: cart.id, cartItemId: existing.id });
        await tx.cartItem.delete({ where: { id: line.id } });
        const held = await heldForCartItem(tx, existing.id);
        const available = (await lockVariantStock(tx, line.variantId)).reduce((sum, row) => sum + Math.max(0, availableOf(row)), 0);
        const canReserve = held + available;
        const wanted = Math.min(existing.quantity + line.quantity, MAX_LINE_QUANTITY);
        const quantity = Math.max(existing.quantity, Math.min(wanted, canReserve));
        if (quantity < wanted) notes.push(`Only ${quantity} of "${name}" could be kept in your cart.`);
        await setCartItemReservation(tx, {
          cartId: cart.id,
          cartItemId: existing.id,
          productId: line.productId,
          variantId: line.variantId,
          productName: name,
          quantity: Math.min(quantity, canReserve),
          now,
        });
        await tx.cartItem.update({ where: { id: existing.id }, data: { quantity } });
      }
    }
    if (!cart.promoCodeId && guestCart.promoCodeId) {
      await tx.cart.update({ where: { id: cart.id }, data: { promoCodeId: guestCart.promoCodeId } });
    }
    await tx.cart.update({ where: { id: guestCart.id }, data: { status: "ABANDONED", guestToken: null } });
    await extendCartReservations(tx, cart.id, now);
    await touchCart(tx, cart.id, now);
    return { merged: true, notes, cart: await buildCartView(tx, await loadCart(tx, cart.id, now), { now }) };
  });
}
