import type { Prisma, Tx } from "@bazaar/db";

export interface AuditEntry {
  actorId: string;
  /** "area.verb", e.g. "seller.approve", "user.role-change". */
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  reason?: string | null;
}

/**
 * Records an admin action. Always called with the transaction that makes the change, so the
 * log holds exactly the changes that were committed, each with who, what and when.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  return tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      reason: entry.reason ?? null,
    },
    select: { id: true },
  });
}
