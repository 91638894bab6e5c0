// Every change to a cart: lock it, give every hold a fresh 15 minutes, note the activity (the
// abandoned-cart scan reads it), change lines and their stock holds, all in one transaction; then
// answer with the new cart view (adding answers with a small summary: the cart page reads the view).
// Stock rows are locked last and the view is read after COMMIT, so a popular product's stock row
// stays locked for a few statements, not for the whole request: with many buyers on one SKU that
// lock is what everyone queues for (see bench/README.md).
import type { PrismaClient, Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import type { CartItemRef } from "../../validators/cart";
import { variantDisplayName } from "../../validators/variants";
import { buyerVisibleProduct } from "../catalog/visibility";
import { releaseCartReservations, setCartItemReservation } from "../inventory/cart-reservations";
import { SOFT_RESERVATION_MS } from "../inventory/constants";
import { promoIneligibility } from "../pricing";
import { inTransaction } from "../transaction";
import { ensureActiveCart, lockCartForChange, type CartOwner } from "./cart-owner";
import { buildCartView, type CartView } from "./cart-view";
import { loadCart } from "./load-cart";

/** More than this of one product in one cart is a typo, not a purchase. */
export const MAX_LINE_QUANTITY = 99;

type LockedCart = NonNullable<Awaited<ReturnType<typeof lockCartForChange>>>;

/** Locks the owner's cart and runs `change` on it in one transaction; returns the cart's id and what `change` returned. */
async function inLockedCart<T>(
  db: PrismaClient,
  owner: CartOwner,
  now: Date,
  change: (tx: Tx, cart: LockedCart) => Promise<T>,
  options: { create?: boolean } = {},
): Promise<{ cartId: string; result: T }> {
  const attempt = () =>
    inTransaction(db, async (tx) => {
      // Holds made by `change` below start with the same fresh expiry.
      const cart = await lockCartForChange(tx, owner, now, new Date(now.getTime() + SOFT_RESERVATION_MS));
      if (!cart) return null;
      return { cartId: cart.id, result: await change(tx, cart) };
    });
  // The cart is made only when the first change finds none (outside the transaction: see ensureActiveCart).
  const changed = (await attempt()) ?? (options.create ? (await ensureActiveCart(db, owner), await attempt()) : null);
  if (!changed) throw new DomainError("NOT_FOUND", "Your cart is empty. Add a product first.");
  return changed;
}

/** A change answered with the whole cart view (read after COMMIT). */
async function changeCart(db: PrismaClient, owner: CartOwner, now: Date, change: (tx: Tx, cart: LockedCart) => Promise<void>): Promise<CartView> {
  const { cartId } = await inLockedCart(db, owner, now, change);
  return buildCartView(db, await loadCart(db, cartId, now), { now });
}

const checkQuantity = (quantity: number, min: number) => {
  if (!Number.isSafeInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY) {
    throw new DomainError("BAD_REQUEST", `Quantity must be a whole number from ${min} to ${MAX_LINE_QUANTITY}.`, { quantity });
  }
};

/** The variant a buyer means (by id, or a product bought as its only variant), with the cart's line of it if any. */
async function findVariantToBuy(tx: Tx, ref: CartItemRef, cartId: string) {
  const where = ref.variantId
    ? { id: ref.variantId, ...(ref.productId ? { productId: ref.productId } : {}) }
    : { productId: ref.productId ?? "", status: "ACTIVE" as const };
  const variants = await tx.productVariant.findMany({
    where: { ...where, product: buyerVisibleProduct },
    select: {
      id: true,
      status: true,
      title: true,
      priceCents: true,
      product: { select: { id: true, name: true, currency: true, sellerId: true } },
      // Joined in the same statement (relationJoins).
      cartItems: { where: { cartId }, select: { id: true, quantity: true } },
    },
    take: 2,
  });
  const variant = variants[0];
  if (!variant || variant.status !== "ACTIVE") {
    throw new DomainError("NOT_FOUND", "This product is not for sale (it may have been removed, or its shop is closed).", { ...ref });
  }
  if (variants.length > 1) throw new DomainError("BAD_REQUEST", `Choose an option of "${variant.product.name}" first.`, { productId: ref.productId });
  return { ...variant, line: variant.cartItems[0] ?? null, displayName: variantDisplayName(variant.product.name, variant.title) };
}

/** What adding to a cart answers: the line added to, and the cart's count and subtotal (the cart page reads the rest). */
export interface CartAddition {
  line: { id: string; variantId: string; quantity: number };
  /** Units in the cart, as the header's badge shows them. */
  itemCount: number;
  /** The lines at the prices they were added at (the cart page prices them for today). */
  subtotalCents: number;
  currency: string;
}

/**
 * Adds `quantity` units of a variant (to its line if the cart has one), holding the stock: five
 * statements with the COMMIT for a new line (the cart locked, the variant with its line, the
 * line written, the stock held on one row, COMMIT), one more for a line that holds units already;
 * then one read for the answer.
 */
export async function addToCart(db: PrismaClient, owner: CartOwner, input: CartItemRef & { quantity: number }, now = new Date()): Promise<CartAddition> {
  checkQuantity(input.quantity, 1);
  const {
    cartId,
    result: { line, currency },
  } = await inLockedCart(
    db,
    owner,
    now,
    async (tx, cart) => {
      const variant = await findVariantToBuy(tx, input, cart.id);
      const { product, line: existing } = variant;
      if (product.currency !== cart.currency) {
        if (existing || (await tx.cartItem.count({ where: { cartId: cart.id } })) > 0) {
          throw new DomainError(
            "BAD_REQUEST",
            `Your cart is in ${cart.currency} and "${product.name}" is priced in ${product.currency}. Check out your cart first, then add it.`,
          );
        }
        await tx.cart.update({ where: { id: cart.id }, data: { currency: product.currency } });
      }
      const quantity = (existing?.quantity ?? 0) + input.quantity;
      if (quantity > MAX_LINE_QUANTITY) {
        throw new DomainError(
          "BAD_REQUEST",
          `You can have at most ${MAX_LINE_QUANTITY} of "${variant.displayName}" in your cart (you have ${existing?.quantity ?? 0}).`,
        );
      }
      const line = existing
        ? await tx.cartItem.update({ where: { id: existing.id }, data: { quantity, unitPriceCents: variant.priceCents }, select: { id: true } })
        : await tx.cartItem.create({
            data: {
              cartId: cart.id,
              productId: product.id,
              variantId: variant.id,
              sellerId: product.sellerId,
              quantity,
              unitPriceCents: variant.priceCents,
              currency: product.currency,
            },
            select: { id: true },
          });
      await setCartItemReservation(tx, {
        cartId: cart.id,
        cartItemId: line.id,
        productId: product.id,
        variantId: variant.id,
        productName: variant.displayName,
        quantity,
        held: existing ? undefined : 0,
        now,
      });
      // The cart is in the product's currency (it was, or it just took it).
      return { line: { id: line.id, variantId: variant.id, quantity }, currency: product.currency };
    },
    { create: true },
  );
  const [summary] = await db.$queryRaw<{ itemCount: number; subtotalCents: number }[]>`
    SELECT coalesce(sum("quantity"), 0)::int AS "itemCount", coalesce(sum("quantity" * "unitPriceCents"), 0)::int AS "subtotalCents"
      FROM "CartItem" WHERE "cartId" = ${cartId}`;
  return { line, itemCount: summary?.itemCount ?? 0, subtotalCents: summary?.subtotalCents ?? 0, currency };
}

/** The cart's line for a variant (or for the product, when the cart has one line of it). */
async function findLine(tx: Tx, cartId: string, ref: CartItemRef) {
  const lines = await tx.cartItem.findMany({
    where: { cartId, ...(ref.variantId ? { variantId: ref.variantId } : { productId: ref.productId ?? "" }) },
    select: {
      id: true,
      productId: true,
      variantId: true,
      variant: { select: { title: true, priceCents: true } },
      product: { select: { name: true } },
    },
    take: 2,
  });
  const line = lines[0];
  if (!line) throw new DomainError("NOT_FOUND", "That product is not in your cart. Reload the cart page.");
  if (lines.length > 1) throw new DomainError("BAD_REQUEST", "Your cart has several options of this product: say which one (variantId).");
  return { ...line, displayName: variantDisplayName(line.product.name, line.variant.title) };
}

/** Sets a line's quantity (0 removes it); growing it needs the stock, shrinking gives units back. */
export async function setCartLineQuantity(db: PrismaClient, owner: CartOwner, input: CartItemRef & { quantity: number }, now = new Date()) {
  checkQuantity(input.quantity, 0);
  if (input.quantity === 0) return removeCartLine(db, owner, input, now);
  return changeCart(db, owner, now, async (tx, cart) => {
    const line = await findLine(tx, cart.id, input);
    // Changing the line is looking at it: the buyer has seen today's price.
    await tx.cartItem.update({ where: { id: line.id }, data: { quantity: input.quantity, unitPriceCents: line.variant.priceCents } });
    await setCartItemReservation(tx, {
      cartId: cart.id,
      cartItemId: line.id,
      productId: line.productId,
      variantId: line.variantId,
      productName: line.displayName,
      quantity: input.quantity,
      now,
    });
  });
}

export async function removeCartLine(db: PrismaClient, owner: CartOwner, input: CartItemRef, now = new Date()) {
  return changeCart(db, owner, now, async (tx, cart) => {
    const line = await findLine(tx, cart.id, input);
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
