import { bazaarEvent, inngest } from "../../../events/client";
import { urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";

/** `shop/contacted` -> the buyer's message, already in the seller's notifications, reaches their contact email too. */
export const shopMessageEmail = inngest.createFunction(
  { id: "shop-message-email", name: "Shop message: email the seller", triggers: [bazaarEvent("shop/contacted")] },
  async ({ event, step, db }) => {
    const sent = await step.run("email-seller", async () => {
      const note = await db.notification.findUnique({
        where: { id: event.data.notificationId },
        select: { id: true, body: true, user: { select: { seller: { select: { shopName: true, contactEmail: true } } } } },
      });
      const shop = note?.user.seller;
      if (!note || !shop) return false;
      await sendEmail(db, {
        to: shop.contactEmail,
        template: "shop-message",
        props: {
          shopName: shop.shopName,
          from: event.data.from,
          subject: event.data.subject,
          message: note.body,
          notificationsUrl: urls.sellerNotifications(),
        },
        dedupeKey: `shop-message:${note.id}`,
      });
      return true;
    });
    return { sent };
  },
);
