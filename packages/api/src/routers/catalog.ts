import { listCategoryTree } from "../domain/catalog/categories";
import { listSellerProducts, ZListSellerProductsSchema } from "../domain/catalog/list-seller-products";
import { getProductDetail } from "../domain/catalog/product-detail";
import { listProductCards, searchProducts } from "../domain/catalog/search-products";
import { changeProductStatus, createSellerProduct, getSellerProduct, updateSellerProduct } from "../domain/catalog/seller-products";
import { getSellerStorefront } from "../domain/catalog/seller-storefront";
import { relistProduct, unlistProduct } from "../domain/catalog/unlist-product";
import { searchLimit } from "../throttle/middleware";
import { adminProcedure, publicProcedure, router, sellerProcedure } from "../trpc";
import {
  ZBrowseProductsSchema,
  ZCreateProductSchema,
  ZProductDetailSchema,
  ZProductIdSchema,
  ZSellerPageSchema,
  ZUnlistProductSchema,
  ZUpdateProductSchema,
} from "../validators/catalog";

const statusChange = (action: "publish" | "unpublish" | "archive" | "restore") =>
  sellerProcedure.input(ZProductIdSchema).mutation(({ ctx, input }) => changeProductStatus(ctx.db, ctx.actor.sellerId, { id: input.id, action }));

export const catalogRouter = router({
  // Buyers (anyone): only ACTIVE, listed products of approved shops.
  /** A page of product cards: filters, sort, keyset cursor. */
  list: publicProcedure.input(ZBrowseProductsSchema.optional()).query(({ ctx, input }) => listProductCards(ctx.db, input)),
  /** The search page: a page of cards, facet counts (first page) and "did you mean" when nothing matched. */
  search: publicProcedure.use(searchLimit).input(ZBrowseProductsSchema.optional()).query(({ ctx, input }) => searchProducts(ctx.db, input)),
  /** A product page by id or slug. */
  product: publicProcedure.input(ZProductDetailSchema).query(({ ctx, input }) => getProductDetail(ctx.db, input)),
  categories: publicProcedure.query(({ ctx }) => listCategoryTree(ctx.db)),
  /** A shop's public page with a page of its products. */
  seller: publicProcedure.input(ZSellerPageSchema).query(({ ctx, input }) => getSellerStorefront(ctx.db, input)),

  // The signed-in seller's own products.
  mine: sellerProcedure.input(ZListSellerProductsSchema.optional()).query(({ ctx, input }) => listSellerProducts(ctx.db, ctx.actor.sellerId, input)),
  mineById: sellerProcedure.input(ZProductIdSchema).query(({ ctx, input }) => getSellerProduct(ctx.db, ctx.actor.sellerId, input.id)),
  create: sellerProcedure.input(ZCreateProductSchema).mutation(({ ctx, input }) => createSellerProduct(ctx.db, ctx.actor.sellerId, input)),
  update: sellerProcedure.input(ZUpdateProductSchema).mutation(({ ctx, input }) => updateSellerProduct(ctx.db, ctx.actor.sellerId, input)),
  publish: statusChange("publish"),
  unpublish: statusChange("unpublish"),
  archive: statusChange("archive"),
  restore: statusChange("restore"),

  // Administrators.
  unlist: adminProcedure.input(ZUnlistProductSchema).mutation(({ ctx, input }) => unlistProduct(ctx.db, ctx.actor, input)),
  relist: adminProcedure.input(ZProductIdSchema).mutation(({ ctx, input }) => relistProduct(ctx.db, ctx.actor, input)),
});
