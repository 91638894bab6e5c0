import type { Prisma, PrismaClient } from "@bazaar/db";
import { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { ZInputDate } from "../../validators/dates";

export const ZListAuditLogsSchema = z.object({
  /** Matches the action ("seller."), the entity id, or the actor's email. */
  q: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  actorId: z.string().trim().max(100).optional(),
  from: ZInputDate.optional(),
  to: ZInputDate.optional(),
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
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
