import type { PrismaClient } from "@bazaar/db";
import type { Actor } from "../../actor";

/** The signed-in user with their shop's approval state (null for a guest). */
export async function getAccount(db: PrismaClient, actor: Actor | null) {
  if (!actor) return null;
  const [seller, user] = await Promise.all([
    actor.sellerId
      ? db.seller.findUnique({
          where: { id: actor.sellerId },
          select: { id: true, shopName: true, slug: true, status: true, statusReason: true },
        })
      : null,
    db.user.findUnique({ where: { id: actor.userId }, select: { emailVerified: true } }),
  ]);
  const { userId, email, name, role, status } = actor;
  return { userId, email, name, role, status, emailVerified: Boolean(user?.emailVerified), seller };
}
