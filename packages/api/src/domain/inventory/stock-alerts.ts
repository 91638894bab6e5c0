import type { PrismaClient } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";

/**
 * The seller's low-stock alerts inbox: the LOW_STOCK notifications the `stock/low` events made,
 * newest first. Marking them read goes through the notifications procedures.
 */
export async function listStockAlerts(db: PrismaClient, actor: Actor, input: { cursor?: string | null; limit?: number; unreadOnly?: boolean } = {}) {
  const { userId } = requireSeller(actor);
  const limit = input.limit ?? 20;
  const where = { userId, type: "LOW_STOCK", ...(input.unreadOnly ? { readAt: null } : {}) };
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      select: { id: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where: { userId, type: "LOW_STOCK", readAt: null } }),
  ]);
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null, unread };
}
