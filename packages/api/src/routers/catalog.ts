import { z } from "zod";
import { sqlOn } from "@bazaar/db";
import { listCategoryTree } from "../domain/categories/list-categories";
import { readProductDetail } from "../domain/catalog/product-detail";
import { listingPlanDependsOnValues } from "../domain/catalog/search-products";
import { listProductCards, readSearchPage } from "../domain/catalog/search-products";
import { changeProductStatus, createSellerProduct, getSellerProduct, updateSellerProduct } from "../domain/catalog/seller-products";
import { getShopPage } from "../domain/catalog/shop-page";
import { getSitemapIndex, getSitemapPage } from "../domain/catalog/sitemap";
import { relistProduct, unlistProduct } from "../domain/catalog/unlist-product";
import { getSellerVariants, saveProductVariants } from "../domain/catalog/variants";
import { ZSaveVariantsSchema } from "../validators/variants";
import { searchLimit } from "../throttle/middleware";
import { adminProcedure, publicProcedure, router, sellerProcedure } from "../trpc";
import {
  ZBrowseProductsSchema,
  ZCreateProductSchema,
  ZProductDetailSchema,
  ZProductIdSchema,
  ZShopPageSchema,
  ZSitemapPageSchema,
  ZUnlistProductSchema,
  ZUpdateProductSchema,
} from "../validators/catalog";
import { ZProductOptionSchema, ZSellerProductSchema, ZSellerVariantSchema, ZUnlistResultSchema } from "../validators/catalog";

const statusChange = (action: "publish" | "unpublish" | "archive" | "restore") =>
  sellerProcedure
    .input(ZProductIdSchema)
    .output(ZSellerProductSchema)
    .mutation(({ ctx, input }) => changeProductStatus(ctx.db, ctx.actor, { id: input.id, action }));

export const catalogRouter = router({
  // Buyers (anyone): only ACTIVE, listed products of approved shops.
  /** A page of product cards: filters, sort, keyset cursor. */
  // The buyers' reads run written out on the pool (sqlOn): Prisma's raw queries cost about three
  // times the CPU of the same statement on the pool (bench/README.md, session 9). Listings are
  // prepared (PostgreSQL's plan cache keeps a plan per shape) unless their plan depends on the
  // values (listingPlanDependsOnValues); a search with text (readSearchPage) and a product's reads
  // (readProductDetail) are planned once per connection.
  list: publicProcedure
    .input(ZBrowseProductsSchema.optional())
    .query(({ ctx, input }) => listProductCards(sqlOn(ctx.db, { prepared: !listingPlanDependsOnValues(input) }), input)),
  /** The search page: a page of cards, facet counts (first page) and "did you mean" when nothing matched. */
  search: publicProcedure
    .use(searchLimit)
    .input(ZBrowseProductsSchema.optional())
    .query(({ ctx, input }) => readSearchPage(ctx.db, input)),
  /** A product page by id or slug. */
  product: publicProcedure.input(ZProductDetailSchema).query(({ ctx, input }) => readProductDetail(ctx.db, input)),
  categories: publicProcedure.query(({ ctx }) => listCategoryTree(ctx.db)),
  /** A shop's public page with a page of its products. */
  /** The sitemap index and its files: only what buyers may see, with when it last changed. */
  sitemapIndex: publicProcedure.query(({ ctx }) => getSitemapIndex(ctx.db)),
  sitemap: publicProcedure.input(ZSitemapPageSchema).query(({ ctx, input }) => getSitemapPage(ctx.db, input.kind, input.page)),
  shop: publicProcedure.input(ZShopPageSchema).query(({ ctx, input }) => getShopPage(ctx.db, input)),

  // The signed-in seller's own products.
  mineById: sellerProcedure.input(ZProductIdSchema).query(({ ctx, input }) => getSellerProduct(ctx.db, ctx.actor, input.id)),
  create: sellerProcedure
    .input(ZCreateProductSchema)
    .output(ZSellerProductSchema)
    .mutation(({ ctx, input }) => createSellerProduct(ctx.db, ctx.actor, input)),
  update: sellerProcedure
    .input(ZUpdateProductSchema)
    .output(ZSellerProductSchema)
    .mutation(({ ctx, input }) => updateSellerProduct(ctx.db, ctx.actor, input)),
  /** The product's options and variants, as the variants editor shows them. */
  variants: sellerProcedure.input(ZProductIdSchema).query(({ ctx, input }) => getSellerVariants(ctx.db, ctx.actor, input.id)),
  /** Saves the options and the whole variant matrix at once (kept variants keep their stock and history). */
  saveVariants: sellerProcedure
    .input(ZSaveVariantsSchema)
    .output(
      z.object({
        id: z.string(),
        sku: z.string(),
        priceCents: z.number().int(),
        options: z.array(ZProductOptionSchema),
        variants: z.array(ZSellerVariantSchema),
      }),
    )
    .mutation(({ ctx, input }) => saveProductVariants(ctx.db, ctx.actor, input)),
  publish: statusChange("publish"),
  unpublish: statusChange("unpublish"),
  archive: statusChange("archive"),
  restore: statusChange("restore"),

  // Administrators.
  unlist: adminProcedure
    .input(ZUnlistProductSchema)
    .output(ZUnlistResultSchema)
    .mutation(({ ctx, input }) => unlistProduct(ctx.db, ctx.actor, input)),
  relist: adminProcedure
    .input(ZProductIdSchema)
    .output(ZUnlistResultSchema)
    .mutation(({ ctx, input }) => relistProduct(ctx.db, ctx.actor, input)),
});
