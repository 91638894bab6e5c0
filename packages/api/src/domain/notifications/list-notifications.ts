import type { PrismaClient } from "@bazaar/db";
import { requireUser, type Actor } from "../../actor";

export interface ListNotificationsInput {
  cursor?: string | null;
  limit?: number;
  unreadOnly?: boolean;
}

/** The signed-in user's notifications, newest first, with a stable cursor. */
export async function listNotifications(db: PrismaClient, actor: Actor | null, input: ListNotificationsInput = {}) {
  const { userId } = requireUser(actor);
  const limit = input.limit ?? 20;
  const rows = await db.notification.findMany({
    where: { userId, ...(input.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
}

export async function countUnreadNotifications(db: PrismaClient, actor: Actor | null): Promise<number> {
  const { userId } = requireUser(actor);
  return db.notification.count({ where: { userId, readAt: null } });
}
