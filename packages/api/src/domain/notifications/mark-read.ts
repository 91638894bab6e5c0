import type { PrismaClient } from "@bazaar/db";
import { requireUser, type Actor } from "../../actor";

/**
 * Marks the given notifications (or all of them) read. Only the caller's own are touched: ids of
 * someone else's notifications are ignored rather than reported, so they reveal nothing.
 */
export async function markNotificationsRead(db: PrismaClient, actor: Actor | null, input: { ids: string[] } | { all: true }, now = new Date()) {
  const { userId } = requireUser(actor);
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: now },
  });
  return { marked: count };
}
