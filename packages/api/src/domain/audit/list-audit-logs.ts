import type { Prisma, PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { ZListAuditLogsSchema } from "../../validators/audit";

export type ListAuditLogsInput = z.input<typeof ZListAuditLogsSchema>;

/** The audit log, newest first, filtered; each row with its actor's email. */
export async function listAuditLogs(db: PrismaClient, actor: Actor, input: ListAuditLogsInput = {}) {
  requireAdmin(actor);
  const f = ZListAuditLogsSchema.parse(input);
  const q = f.q || undefined;
  const where: Prisma.AuditLogWhereInput = {
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.from || f.to
      ? {
          createdAt: {
            ...(f.from ? { gte: f.from } : {}),
            ...(f.to ? { lt: f.to } : {}),
          },
        }
      : {}),
    ...(q
      ? {
          OR: [
            { action: { contains: q, mode: "insensitive" } },
            { entityId: q },
            { reason: { contains: q, mode: "insensitive" } },
            { actor: { email: { contains: q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    include: { actor: { select: { id: true, email: true, name: true } } },
  });
  const page = rows.slice(0, f.limit);
  const labels = await entityLabels(db, page);
  const items = page.map((row) => ({ ...row, entityLabel: labels.get(`${row.entityType}:${row.entityId}`) ?? null }));
  return {
    items,
    nextCursor: rows.length > f.limit ? (items.at(-1)?.id ?? null) : null,
  };
}

/**
 * What a person calls each record a page of the log mentions ("Order #1042", a shop's name, a
 * user's email) instead of its id: one query per kind of record on the page.
 */
async function entityLabels(db: PrismaClient, rows: { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(rows.filter((row) => row.entityType === type).map((row) => row.entityId))];
  const lookups: Record<string, (ids: string[]) => Promise<{ id: string; label: string }[]>> = {
    Order: async (ids) =>
      (await db.order.findMany({ where: { id: { in: ids } }, select: { id: true, number: true } })).map((o) => ({ id: o.id, label: `Order #${o.number}` })),
    Seller: async (ids) =>
      (await db.seller.findMany({ where: { id: { in: ids } }, select: { id: true, shopName: true } })).map((s) => ({ id: s.id, label: s.shopName })),
    User: async (ids) => (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((u) => ({ id: u.id, label: u.email })),
    Product: async (ids) =>
      (await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => ({ id: p.id, label: p.name })),
    PromoCode: async (ids) =>
      (await db.promoCode.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } })).map((p) => ({ id: p.id, label: p.code })),
    Category: async (ids) =>
      (await db.category.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => ({ id: c.id, label: c.name })),
  };
  const found = await Promise.all(
    Object.entries(lookups).map(async ([type, lookup]) => {
      const ids = idsOf(type);
      return ids.length === 0 ? [] : (await lookup(ids)).map(({ id, label }) => [`${type}:${id}`, label] as const);
    }),
  );
  return new Map(found.flat());
}
