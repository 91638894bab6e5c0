import type { PrismaClient } from "@bazaar/db";
import { requireUser, type Actor } from "../../actor";
import { DomainError } from "../../errors";
import { publish } from "../../events/publish";
import { paths } from "../../mail/links";
import { inTransaction } from "../transaction";

/**
 * A signed-in buyer writes to a shop: the message lands in the seller's notifications at once and
 * reaches their contact email through the outbox (`shop/contacted`), both in one transaction, so
 * a message is never in one place and not the other. The router limits how often (shopMessage).
 */
export async function contactShop(db: PrismaClient, actor: Actor, input: { slug: string; subject: string; message: string }) {
  const { userId, email, name } = requireUser(actor);
  const shop = await db.seller.findFirst({
    where: { slug: input.slug, status: "APPROVED", user: { status: "ACTIVE" } },
    select: { id: true, userId: true, shopName: true },
  });
  if (!shop) throw new DomainError("NOT_FOUND", "This shop does not exist or is closed.");
  if (shop.userId === userId) throw new DomainError("BAD_REQUEST", "This is your own shop.");
  const sender = name ? `${name} (${email})` : email;
  const id = await inTransaction(db, async (tx) => {
    const note = await tx.notification.create({
      data: {
        userId: shop.userId,
        type: "SHOP_MESSAGE",
        title: `Message from ${sender}: ${input.subject}`,
        body: input.message,
        link: paths.sellerNotifications(),
      },
      select: { id: true },
    });
    await publish(tx, "shop/contacted", { notificationId: note.id, from: sender, subject: input.subject });
    return note.id;
  });
  return { sent: true as const, id, shopName: shop.shopName };
}
