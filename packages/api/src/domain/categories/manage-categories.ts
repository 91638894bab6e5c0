import type { PrismaClient, Tx } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { expireStorefrontOnCommit } from "../catalog/cache-tags";
import { inTransaction } from "../transaction";
import { slugify } from "../slug";
import { buildCategoryTree, wouldCreateCycle } from "./tree";
import { ZCreateCategorySchema, ZRenameCategorySchema, ZMoveCategorySchema, ZDeleteCategorySchema } from "../../validators/categories";

/** The whole tree with direct and total product counts (categories are few: one query each). */
export async function getCategoryTree(db: PrismaClient, actor: Actor) {
  requireAdmin(actor);
  const [categories, counts] = await Promise.all([
    db.category.findMany({
      select: {
        id: true,
        name: true,
        slug: true,
        parentId: true,
        position: true,
      },
    }),
    db.product.groupBy({
      by: ["categoryId"],
      where: { categoryId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const countOf = new Map(counts.map((c) => [c.categoryId, c._count._all]));
  return buildCategoryTree(categories.map((c) => ({ ...c, productCount: countOf.get(c.id) ?? 0 })));
}

// Creating, moving and deleting categories take one lock, so two moves at the same moment
// (A under B while B goes under A) are checked one after the other and cannot make a cycle.
async function lockTree(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bazaar:category-tree'))`;
}

async function requireCategory(tx: Tx, id: string, what = "That category") {
  const category = await tx.category.findUnique({ where: { id } });
  if (!category) throw notFound(what);
  return category;
}

async function assertSlugFree(tx: Tx, slug: string, exceptId?: string) {
  const taken = await tx.category.findUnique({
    where: { slug },
    select: { id: true },
  });
  if (taken && taken.id !== exceptId) throw new DomainError("CONFLICT", `The slug "${slug}" is taken by another category. Choose another.`, { field: "slug" });
}

export async function createCategory(db: PrismaClient, actor: Actor, input: z.input<typeof ZCreateCategorySchema>) {
  const admin = requireAdmin(actor);
  const f = ZCreateCategorySchema.parse(input);
  const slug = f.slug ?? slugify(f.name);
  if (!slug) throw new DomainError("BAD_REQUEST", "Give the category a slug with letters or digits.", { field: "slug" });
  return inTransaction(db, async (tx) => {
    // The category menu is in the header of every storefront page.
    expireStorefrontOnCommit(tx, { kind: "categories" });
    await lockTree(tx);
    if (f.parentId) await requireCategory(tx, f.parentId, "The parent category");
    await assertSlugFree(tx, slug);
    const last = await tx.category.aggregate({
      where: { parentId: f.parentId ?? null },
      _max: { position: true },
    });
    const category = await tx.category.create({
      data: {
        name: f.name,
        slug,
        parentId: f.parentId ?? null,
        position: (last._max.position ?? -1) + 1,
      },
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "category.create",
      entityType: "Category",
      entityId: category.id,
      after: {
        name: category.name,
        slug: category.slug,
        parentId: category.parentId,
      },
    });
    return category;
  });
}

export async function renameCategory(db: PrismaClient, actor: Actor, input: z.input<typeof ZRenameCategorySchema>) {
  const admin = requireAdmin(actor);
  const f = ZRenameCategorySchema.parse(input);
  return inTransaction(db, async (tx) => {
    // The category menu is in the header of every storefront page.
    expireStorefrontOnCommit(tx, { kind: "categories" });
    await lockTree(tx);
    const before = await requireCategory(tx, f.categoryId);
    const slug = f.slug ?? before.slug;
    await assertSlugFree(tx, slug, before.id);
    const category = await tx.category.update({
      where: { id: before.id },
      data: { name: f.name, slug },
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "category.rename",
      entityType: "Category",
      entityId: category.id,
      before: { name: before.name, slug: before.slug },
      after: { name: category.name, slug: category.slug },
    });
    return category;
  });
}

/** Moves a category (with everything under it) under another parent or to the top; never under itself or its descendants. */
export async function moveCategory(db: PrismaClient, actor: Actor, input: z.input<typeof ZMoveCategorySchema>) {
  const admin = requireAdmin(actor);
  const f = ZMoveCategorySchema.parse(input);
  return inTransaction(db, async (tx) => {
    // The category menu is in the header of every storefront page.
    expireStorefrontOnCommit(tx, { kind: "categories" });
    await lockTree(tx);
    const before = await requireCategory(tx, f.categoryId);
    if (f.parentId) await requireCategory(tx, f.parentId, "The new parent category");
    const all = await tx.category.findMany({
      select: { id: true, parentId: true },
    });
    if (wouldCreateCycle(before.id, f.parentId, new Map(all.map((c) => [c.id, c.parentId])))) {
      throw new DomainError("CONFLICT", "A category cannot move under itself or one of its own sub-categories.", { field: "parentId" });
    }
    // Re-number the new siblings so the moved category lands exactly at `position`.
    const siblings = await tx.category.findMany({
      where: { parentId: f.parentId, id: { not: before.id } },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true },
    });
    const at = Math.min(f.position ?? siblings.length, siblings.length);
    const order = [...siblings.slice(0, at).map((s) => s.id), before.id, ...siblings.slice(at).map((s) => s.id)];
    for (const [position, id] of order.entries()) {
      await tx.category.update({
        where: { id },
        data: id === before.id ? { parentId: f.parentId, position } : { position },
      });
    }
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "category.move",
      entityType: "Category",
      entityId: before.id,
      before: { parentId: before.parentId, position: before.position },
      after: { parentId: f.parentId, position: at },
    });
    return tx.category.findUniqueOrThrow({ where: { id: before.id } });
  });
}

/** Deletes an empty category: no sub-categories and no products (move or re-file them first). */
export async function deleteCategory(db: PrismaClient, actor: Actor, input: z.input<typeof ZDeleteCategorySchema>) {
  const admin = requireAdmin(actor);
  const { categoryId } = ZDeleteCategorySchema.parse(input);
  return inTransaction(db, async (tx) => {
    // The category menu is in the header of every storefront page.
    expireStorefrontOnCommit(tx, { kind: "categories" });
    await lockTree(tx);
    // The row lock makes a product being filed under it at this moment wait, then fail.
    await tx.$queryRaw`SELECT id FROM "Category" WHERE id = ${categoryId} FOR UPDATE`;
    const category = await requireCategory(tx, categoryId);
    const [children, products] = await Promise.all([tx.category.count({ where: { parentId: categoryId } }), tx.product.count({ where: { categoryId } })]);
    if (children > 0 || products > 0) {
      const parts = [
        children ? `${children} sub-categor${children === 1 ? "y" : "ies"}` : null,
        products ? `${products} product${products === 1 ? "" : "s"}` : null,
      ];
      throw new DomainError("CONFLICT", `"${category.name}" still has ${parts.filter(Boolean).join(" and ")}. Move them elsewhere before deleting it.`);
    }
    await tx.category.delete({ where: { id: categoryId } });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "category.delete",
      entityType: "Category",
      entityId: categoryId,
      before: {
        name: category.name,
        slug: category.slug,
        parentId: category.parentId,
      },
    });
    return { id: categoryId };
  });
}
