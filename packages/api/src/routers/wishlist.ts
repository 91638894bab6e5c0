import { listWishlist, mergeGuestWishlist, removeFromWishlist, saveToWishlist, wishlistProductIds } from "../domain/wishlist";
import { buyerProcedure, router } from "../trpc";
import { ZWishlistChangeSchema, ZWishlistEntrySchema, ZWishlistMergeSchema, ZWishlistRemoveSchema } from "../validators/wishlist";

/** A signed-in user's saved products (guests keep theirs in the browser until they sign in). */
export const wishlistRouter = router({
  list: buyerProcedure.query(({ ctx }) => listWishlist(ctx.db, ctx.actor)),
  ids: buyerProcedure.query(({ ctx }) => wishlistProductIds(ctx.db, ctx.actor)),
  save: buyerProcedure
    .input(ZWishlistEntrySchema)
    .output(ZWishlistChangeSchema)
    .mutation(({ ctx, input }) => saveToWishlist(ctx.db, ctx.actor, input)),
  remove: buyerProcedure
    .input(ZWishlistRemoveSchema)
    .output(ZWishlistChangeSchema)
    .mutation(({ ctx, input }) => removeFromWishlist(ctx.db, ctx.actor, input)),
  mergeGuest: buyerProcedure.input(ZWishlistMergeSchema).mutation(({ ctx, input }) => mergeGuestWishlist(ctx.db, ctx.actor, input)),
});
