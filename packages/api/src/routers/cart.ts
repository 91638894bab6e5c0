import { randomBytes } from "node:crypto";
import { DomainError } from "../errors";
import {
  addToCart,
  applyPromoCode,
  getCartItemCount,
  getCartView,
  mergeGuestCart,
  removeCartLine,
  removePromoCode,
  setCartLineQuantity,
  type CartOwner,
} from "../domain/cart";
import { buyerProcedure, publicProcedure, router, type Context } from "../trpc";
import { ZAddToCartSchema, ZApplyPromoSchema, ZCartViewSchema, ZRemoveCartLineSchema, ZSetCartLineSchema } from "../validators/cart";
import { ZCartAdditionSchema, ZCartSchema, ZMergedCartSchema } from "../validators/cart";

export const GUEST_CART_COOKIE = "bazaar_cart";
const GUEST_CART_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** A signed-in caller's cart is theirs; a guest's is found by the cookie (null: no cart yet). */
function ownerOf(ctx: Context): CartOwner | null {
  if (ctx.actor) {
    if (ctx.actor.status === "SUSPENDED") throw new DomainError("FORBIDDEN", "Your account is suspended. Contact support.");
    return { buyerId: ctx.actor.userId };
  }
  return ctx.guestCartToken ? { guestToken: ctx.guestCartToken } : null;
}

/** A guest's first change opens a cart under a new random token, sent back as a cookie. */
function ownerForChange(ctx: Context): CartOwner {
  const owner = ownerOf(ctx);
  if (owner) return owner;
  const guestToken = randomBytes(24).toString("base64url");
  ctx.setCookie?.(GUEST_CART_COOKIE, guestToken, { maxAgeSeconds: GUEST_CART_MAX_AGE_SECONDS });
  return { guestToken };
}

function existingOwner(ctx: Context): CartOwner {
  const owner = ownerOf(ctx);
  if (!owner) throw new DomainError("NOT_FOUND", "Your cart is empty. Add a product first.");
  return owner;
}

export const cartRouter = router({
  /** The caller's cart grouped by seller, with holds, warnings and totals (tax for `country` or the default address). */
  get: publicProcedure.input(ZCartViewSchema).query(({ ctx, input }) => getCartView(ctx.db, ownerOf(ctx), { country: input?.country })),
  /** The number of items in the caller's cart (0 without one), for the header's badge. */
  count: publicProcedure.query(({ ctx }) => getCartItemCount(ctx.db, ownerOf(ctx))),
  /** Adds to the caller's cart and answers with a summary (the line, count and subtotal); the cart page reads the full view. */
  add: publicProcedure
    .input(ZAddToCartSchema)
    .output(ZCartAdditionSchema)
    .mutation(({ ctx, input }) => addToCart(ctx.db, ownerForChange(ctx), input)),
  /** Sets a line's quantity; 0 removes it. */
  setQuantity: publicProcedure
    .input(ZSetCartLineSchema)
    .output(ZCartSchema)
    .mutation(({ ctx, input }) => setCartLineQuantity(ctx.db, existingOwner(ctx), input)),
  remove: publicProcedure
    .input(ZRemoveCartLineSchema)
    .output(ZCartSchema)
    .mutation(({ ctx, input }) => removeCartLine(ctx.db, existingOwner(ctx), input)),
  applyPromo: publicProcedure
    .input(ZApplyPromoSchema)
    .output(ZCartSchema)
    .mutation(({ ctx, input }) => applyPromoCode(ctx.db, existingOwner(ctx), input)),
  removePromo: publicProcedure.output(ZCartSchema).mutation(({ ctx }) => removePromoCode(ctx.db, existingOwner(ctx))),
  /** Right after sign-in: the guest cookie's cart joins the buyer's, and the cookie is cleared. */
  mergeGuest: buyerProcedure.output(ZMergedCartSchema).mutation(async ({ ctx }) => {
    if (!ctx.guestCartToken) {
      return { merged: false, notes: [], cart: await getCartView(ctx.db, { buyerId: ctx.actor.userId }) };
    }
    const result = await mergeGuestCart(ctx.db, ctx.actor.userId, ctx.guestCartToken);
    ctx.setCookie?.(GUEST_CART_COOKIE, "", { maxAgeSeconds: 0 });
    return result;
  }),
});
