// Every change to a cart: lock it, give every hold a fresh 15 minutes, publish `cart/updated`,
// change lines and their stock holds, all in one transaction; then answer with the new cart view.
// Stock rows are locked last and the view is read after COMMIT, so a popular product's stock row
// stays locked for a few statements, not for the whole request: with many buyers on one SKU that
// lock is what everyone queues for (see bench/README.md).
import type { PrismaClient, Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { publish } from "../../events/publish";
import { buyerVisibleProduct } from "../catalog/visibility";
import { extendCartReservations, releaseCartReservations, setCartItemReservation } from "../inventory/cart-reservations";
import { promoIneligibility } from "../pricing";
import { inTransaction } from "../transaction";
import { ensureActiveCart, lockCart, touchCart, type CartOwner } from "./cart-owner";
import { buildCartView, type CartView } from "./cart-view";
import { loadCart } from "./load-cart";

/** More than this of one product in one cart is a typo, not a purchase. */
export const MAX_LINE_QUANTITY = 99;

type LockedCart = NonNullable<Awaited<ReturnType<typeof lockCart>>>;

async function changeCart(
  db: PrismaClient,
  owner: CartOwner,
  now: Date,
  change: (tx: Tx, cart: LockedCart) => Promise<void>,
  options: { create?: boolean } = {},
): Promise<CartView> {
  if (options.create) await ensureActiveCart(db, owner);
  const cartId = await inTransaction(db, async (tx) => {
    const cart = await lockCart(tx, owner);
    if (!cart) throw new DomainError("NOT_FOUND", "Your cart is empty. Add a product first.");
    // Holds made by `change` below start with the same fresh expiry.
    await extendCartReservations(tx, cart.id, now);
    await touchCart(tx, cart.id, now);
    await publish(tx, "cart/updated", { cartId: cart.id, buyerId: cart.buyerId });
    await change(tx, cart);
    return cart.id;
  });
  return buildCartView(db, await loadCart(db, cartId, now), { now });
}

const checkQuantity = (quantity: number, min: number) => {
  if (!Number.isSafeInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY) {
    throw new DomainError("BAD_REQUEST", `Quantity must be a whole number from ${min} to ${MAX_LINE_QUANTITY}.`, { quantity });
  }
};

/** Adds `quantity` units of a product (to its line if the cart has one), holding the stock. */
export async function addToCart(db: PrismaClient, owner: CartOwner, input: { productId: string; quantity: number }, now = new Date()) {
  checkQuantity(input.quantity, 1);
  return changeCart(
    db,
    owner,
    now,
    async (tx, cart) => {
      const product = await tx.product.findFirst({
        where: { id: input.productId, ...buyerVisibleProduct },
        select: { id: true, name: true, priceCents: true, currency: true, sellerId: true },
      });
      if (!product)
        throw new DomainError("NOT_FOUND", "This product is not for sale (it may have been removed, or its shop is closed).", { productId: input.productId });
      const lines = await tx.cartItem.findMany({ where: { cartId: cart.id }, select: { id: true, productId: true, quantity: true } });
      if (product.currency !== cart.currency) {
        if (lines.length > 0) {
          throw new DomainError(
            "BAD_REQUEST",
            `Your cart is in ${cart.currency} and "${product.name}" is priced in ${product.currency}. Check out your cart first, then add it.`,
          );
        }
        await tx.cart.update({ where: { id: cart.id }, data: { currency: product.currency } });
      }
      const existing = lines.find((line) => line.productId === product.id);
      const quantity = (existing?.quantity ?? 0) + input.quantity;
      if (quantity > MAX_LINE_QUANTITY) {
        throw new DomainError(
          "BAD_REQUEST",
          `You can have at most ${MAX_LINE_QUANTITY} of "${product.name}" in your cart (you have ${existing?.quantity ?? 0}).`,
        );
      }
      const line = existing
        ? await tx.cartItem.update({ where: { id: existing.id }, data: { quantity, unitPriceCents: product.priceCents }, select: { id: true } })
        : await tx.cartItem.create({
            data: {
              cartId: cart.id,
              productId: product.id,
              sellerId: product.sellerId,
              quantity,
              unitPriceCents: product.priceCents,
              currency: product.currency,
            },
            select: { id: true },
          });
      await setCartItemReservation(tx, { cartId: cart.id, cartItemId: line.id, productId: product.id, productName: product.name, quantity, now });
    },
    { create: true },
  );
}

async function findLine(tx: Tx, cartId: string, productId: string) {
  const line = await tx.cartItem.findUnique({
    where: { cartId_productId: { cartId, productId } },
    select: { id: true, productId: true, product: { select: { name: true, priceCents: true } } },
  });
  if (!line) throw new DomainError("NOT_FOUND", "That product is not in your cart. Reload the cart page.");
  return line;
}

/** Sets a line's quantity (0 removes it); growing it needs the stock, shrinking gives units back. */
export async function setCartLineQuantity(db: PrismaClient, owner: CartOwner, input: { productId: string; quantity: number }, now = new Date()) {
  checkQuantity(input.quantity, 0);
  if (input.quantity === 0) return removeCartLine(db, owner, input, now);
  return changeCart(db, owner, now, async (tx, cart) => {
    const line = await findLine(tx, cart.id, input.productId);
    // Changing the line is looking at it: the buyer has seen today's price.
    await tx.cartItem.update({ where: { id: line.id }, data: { quantity: input.quantity, unitPriceCents: line.product.priceCents } });
    await setCartItemReservation(tx, {
      cartId: cart.id,
      cartItemId: line.id,
      productId: line.productId,
      productName: line.product.name,
      quantity: input.quantity,
      now,
    });
  });
}

export async function removeCartLine(db: PrismaClient, owner: CartOwner, input: { productId: string }, now = new Date()) {
  return changeCart(db, owner, now, async (tx, cart) => {
    const line = await findLine(tx, cart.id, input.productId);
    await releaseCartReservations(tx, { cartItemId: line.id });
    await tx.cartItem.delete({ where: { id: line.id } });
  });
}

export const normalizePromoCode = (code: string) => code.trim().toUpperCase();

export async function applyPromoCode(db: PrismaClient, owner: CartOwner, input: { code: string }, now = new Date()) {
  const code = normalizePromoCode(input.code);
  return changeCart(db, owner, now, async (tx, cart) => {
    const promo = await tx.promoCode.findUnique({ where: { code } });
    if (!promo) throw new DomainError("NOT_FOUND", `Promo code ${code} does not exist. Check the spelling.`);
    const contents = await loadCart(tx, cart.id, now);
    const lines = contents.lines.filter((line) => line.purchasable);
    if (lines.length === 0) throw new DomainError("BAD_REQUEST", "Add something to your cart before applying a promo code.");
    const reason = promoIneligibility(promo, {
      currency: contents.currency,
      lines: lines.map((line) => ({ id: line.id, sellerId: line.sellerId, unitPriceCents: line.unitPriceCents, quantity: line.quantity })),
      sellers: contents.sellers,
      now,
    });
    if (reason) throw new DomainError("BAD_REQUEST", reason, { code });
    await tx.cart.update({ where: { id: cart.id }, data: { promoCodeId: promo.id } });
  });
}

export async function removePromoCode(db: PrismaClient, owner: CartOwner, now = new Date()) {
  return changeCart(db, owner, now, async (tx, cart) => {
    await tx.cart.update({ where: { id: cart.id }, data: { promoCodeId: null } });
  });
}
