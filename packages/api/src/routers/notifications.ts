import { z } from "zod";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "../domain/notifications";
import { buyerProcedure, router } from "../trpc";

const ZNotificationSchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZListNotificationsSchema = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(20),
  unreadOnly: z.boolean().default(false),
});

export const ZMarkNotificationsReadSchema = z.union([
  z.object({ ids: z.array(z.string().min(1)).min(1, "Choose at least one notification.").max(200) }),
  z.object({ all: z.literal(true) }),
]);

// Every signed-in user has notifications: buyers in the storefront, sellers and admins in their consoles.
export const notificationsRouter = router({
  list: buyerProcedure
    .input(ZListNotificationsSchema)
    .output(z.object({ items: z.array(ZNotificationSchema), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),
  unreadCount: buyerProcedure.output(z.number().int()).query(({ ctx }) => countUnreadNotifications(ctx.db, ctx.actor)),
  markRead: buyerProcedure
    .input(ZMarkNotificationsReadSchema)
    .output(z.object({ marked: z.number().int() }))
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.actor, input)),
});
