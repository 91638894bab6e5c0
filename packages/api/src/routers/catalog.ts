import { listProducts, ZListProductsSchema } from "../domain/catalog/list-products";
import { listSellerProducts, ZListSellerProductsSchema } from "../domain/catalog/list-seller-products";
import { publicProcedure, router, sellerProcedure } from "../trpc";

export const catalogRouter = router({
  /** The storefront's product grid. */
  list: publicProcedure.input(ZListProductsSchema.optional()).query(({ ctx, input }) => listProducts(ctx.db, input)),
  /** The signed-in seller's own products. */
  mine: sellerProcedure
    .input(ZListSellerProductsSchema.optional())
    .query(({ ctx, input }) => listSellerProducts(ctx.db, ctx.actor.sellerId, input)),
});
