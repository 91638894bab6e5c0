import type { PrismaClient } from "@bazaar/db";
import { getEnv } from "../../../env";
import { bazaarEvent, inngest } from "../../../events/client";
import { urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { variantDisplayName } from "../../../validators/variants";

/** PlatformSetting key (seconds) that overrides CART_ABANDONMENT_DELAY_SECONDS without a restart. */
export const CART_ABANDONMENT_DELAY_SETTING = "cart.abandonmentDelaySeconds";

/**
 * Cart activity -> after a quiet spell (default 1 hour), if the cart is still ACTIVE with items,
 * its buyer gets an email linking back to it. Newer activity on the cart replaces the waiting run
 * (singleton per cart), checking out cancels it, and guest carts (no one to email) never start one.
 */
export const cartAbandonment = inngest.createFunction(
  {
    id: "cart-abandonment-reminder",
    name: "Remind buyers of their abandoned cart",
    triggers: [{ event: bazaarEvent("cart/updated"), if: "event.data.buyerId != null" }],
    singleton: { key: "event.data.cartId", mode: "cancel" },
    cancelOn: [{ event: bazaarEvent("checkout/started"), match: "data.cartId" }],
  },
  async ({ event, step, db }) => {
    const delaySeconds = await step.run("read-delay", () => cartAbandonmentDelaySeconds(db));
    await step.sleep("wait-for-inactivity", delaySeconds * 1000);
    return step.run("email-buyer", () => remindAbandonedCart(db, event.data.cartId, `cart-reminder:${event.data.cartId}:${event.id ?? event.ts}`));
  },
);

export async function cartAbandonmentDelaySeconds(db: PrismaClient): Promise<number> {
  const setting = await db.platformSetting.findUnique({ where: { key: CART_ABANDONMENT_DELAY_SETTING } });
  const value = Number(setting?.value);
  return Number.isInteger(value) && value > 0 ? value : getEnv().CART_ABANDONMENT_DELAY_SECONDS;
}

/** Emails the buyer if the cart is still waiting for them; says why not otherwise. */
export async function remindAbandonedCart(db: PrismaClient, cartId: string, dedupeKey: string) {
  const cart = await db.cart.findUnique({
    where: { id: cartId },
    include: {
      buyer: { select: { email: true, name: true, status: true } },
      items: { orderBy: { createdAt: "asc" }, include: { product: { select: { name: true } }, variant: { select: { title: true } } } },
    },
  });
  if (!cart?.buyer) return { reminded: false, reason: "no buyer to remind" };
  if (cart.status !== "ACTIVE") return { reminded: false, reason: `the cart is ${cart.status.toLowerCase()}` };
  if (cart.items.length === 0) return { reminded: false, reason: "the cart is empty" };
  if (cart.buyer.status !== "ACTIVE") return { reminded: false, reason: "the buyer's account is suspended" };

  const lines = cart.items.map((item) => ({ name: variantDisplayName(item.product.name, item.variant.title), quantity: item.quantity, amountCents: item.unitPriceCents * item.quantity }));
  await sendEmail(db, {
    to: cart.buyer.email,
    template: "cart-reminder",
    props: {
      buyerName: cart.buyer.name ?? "there",
      cartUrl: urls.cart(),
      currency: cart.currency,
      lines,
      subtotalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
    },
    dedupeKey,
  });
  return { reminded: true };
}
