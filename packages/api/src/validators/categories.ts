import { z } from "zod";
import { ZAdminId } from "./common";

export const ZName = z.string().trim().min(2, "Name the category (at least 2 characters).").max(80, "Keep the name under 80 characters.");

export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single dashes, e.g. home-garden.")
  .max(80);

export const ZCreateCategorySchema = z.object({
  name: ZName,
  /** Derived from the name when absent. */
  slug: ZSlug.optional(),
  parentId: ZAdminId.nullish(),
});

export const ZRenameCategorySchema = z.object({
  categoryId: ZAdminId,
  name: ZName,
  slug: ZSlug.optional(),
});

export const ZMoveCategorySchema = z.object({
  categoryId: ZAdminId,
  /** Null moves it to the top level. */
  parentId: ZAdminId.nullable(),
  /** Place among the new siblings (0 = first); the end when absent. */
  position: z.number().int().min(0).max(10_000).optional(),
});

export const ZDeleteCategorySchema = z.object({ categoryId: ZAdminId });

// What the category mutations answer.
export const ZCategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  parentId: z.string().nullable(),
  position: z.number().int(),
  createdAt: z.date(),
});
export const ZCategoryDeletedSchema = z.object({ id: z.string() });
