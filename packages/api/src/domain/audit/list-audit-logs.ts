import type { Prisma, PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { ZListAuditLogsSchema } from "../../validators/audit";

export type ListAuditLogsInput = z.input<typeof ZListAuditLogsSchema>;

/** The audit log, newest first, filtered; each row with its actor's email. */
export async function listAuditLogs(
  db: PrismaClient,
  actor: Actor,
  input: ListAuditLogsInput = {},
) {
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
  const items = rows.slice(0, f.limit);
  return {
    items,
    nextCursor: rows.length > f.limit ? (items.at(-1)?.id ?? null) : null,
  };
}
