// Admins take any product off the storefront (with a reason the seller sees) and may put it back.
import type { PrismaClient } from "@bazaar/db";
import { requireAdmin, type Actor } from "../../actor";
import { DomainError } from "../../errors";
import { publish } from "../../events/publish";
import { inTransaction } from "../transaction";

export async function unlistProduct(db: PrismaClient, actor: Actor | null, input: { id: string; reason: string }) {
  const admin = requireAdmin(actor);
  return inTransaction(db, async (tx) => {
    const before = await tx.product.findUnique({ where: { id: input.id }, select: { id: true, sellerId: true, unlistedAt: true, unlistedReason: true } });
    if (!before) throw new DomainError("NOT_FOUND", "That product does not exist.");
    const after = await tx.product.update({
      where: { id: before.id },
      data: { unlistedAt: before.unlistedAt ?? new Date(), unlistedReason: input.reason },
      select: { id: true, unlistedAt: true, unlistedReason: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: admin.userId,
        action: "product.unlist",
        entityType: "Product",
        entityId: before.id,
        before: { unlistedAt: before.unlistedAt?.toISOString() ?? null, unlistedReason: before.unlistedReason },
        after: { unlistedAt: after.unlistedAt?.toISOString() ?? null, unlistedReason: after.unlistedReason },
        reason: input.reason,
      },
    });
    await publish(tx, "product/updated", { productId: before.id, sellerId: before.sellerId });
    return after;
  });
}

export async function relistProduct(db: PrismaClient, actor: Actor | null, input: { id: string }) {
  const admin = requireAdmin(actor);
  return inTransaction(db, async (tx) => {
    const before = await tx.product.findUnique({ where: { id: input.id }, select: { id: true, sellerId: true, unlistedAt: true, unlistedReason: true } });
    if (!before) throw new DomainError("NOT_FOUND", "That product does not exist.");
    if (!before.unlistedAt) throw new DomainError("CONFLICT", "That product is not unlisted.");
    const after = await tx.product.update({
      where: { id: before.id },
      data: { unlistedAt: null, unlistedReason: null },
      select: { id: true, unlistedAt: true, unlistedReason: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: admin.userId,
        action: "product.relist",
        entityType: "Product",
        entityId: before.id,
        before: { unlistedAt: before.unlistedAt.toISOString(), unlistedReason: before.unlistedReason },
        after: { unlistedAt: null, unlistedReason: null },
      },
    });
    await publish(tx, "product/updated", { productId: before.id, sellerId: before.sellerId });
    return after;
  });
}
