import { searchProductsForModeration } from "../../domain/catalog/moderation";
import { createCategory, deleteCategory, getCategoryTree, moveCategory, renameCategory } from "../../domain/categories/manage-categories";
import { adminProcedure, router } from "../../trpc";
import { ZModerationSearchSchema } from "../../validators/catalog";
import { ZCreateCategorySchema, ZDeleteCategorySchema, ZMoveCategorySchema, ZRenameCategorySchema } from "../../validators/categories";
import { ZCategoryDeletedSchema, ZCategorySchema } from "../../validators/categories";

export const adminCatalogRouter = router({
  /** Every product, any status or shop (unlisting itself is `catalog.unlist` / `catalog.relist`). */
  search: adminProcedure.input(ZModerationSearchSchema.optional()).query(({ ctx, input }) => searchProductsForModeration(ctx.db, ctx.actor, input)),
});

export const adminCategoriesRouter = router({
  tree: adminProcedure.query(({ ctx }) => getCategoryTree(ctx.db, ctx.actor)),
  create: adminProcedure
    .input(ZCreateCategorySchema)
    .output(ZCategorySchema)
    .mutation(({ ctx, input }) => createCategory(ctx.db, ctx.actor, input)),
  rename: adminProcedure
    .input(ZRenameCategorySchema)
    .output(ZCategorySchema)
    .mutation(({ ctx, input }) => renameCategory(ctx.db, ctx.actor, input)),
  /** Never under itself or its own descendants. */
  move: adminProcedure
    .input(ZMoveCategorySchema)
    .output(ZCategorySchema)
    .mutation(({ ctx, input }) => moveCategory(ctx.db, ctx.actor, input)),
  /** Only an empty category (no sub-categories, no products). */
  delete: adminProcedure
    .input(ZDeleteCategorySchema)
    .output(ZCategoryDeletedSchema)
    .mutation(({ ctx, input }) => deleteCategory(ctx.db, ctx.actor, input)),
});
