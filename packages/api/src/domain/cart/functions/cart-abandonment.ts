import type { PrismaClient } from "@bazaar/db";
import { getEnv } from "../../../env";
import { inngest } from "../../../events/client";
import { urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { variantDisplayName } from "../../../validators/variants";

/** PlatformSetting key (seconds) that overrides CART_ABANDONMENT_DELAY_SECONDS without a restart. */
export const CART_ABANDONMENT_DELAY_SETTING = "cart.abandonmentDelaySeconds";
/** A cart quiet for longer than this is not worth an email (nor the first scan after an upgrade). */
const REMIND_WITHIN_MS = 7 * 86_400_000;
const SCAN_BATCH = 200;

/**
 * Every minute: buyers whose cart has sat still for the delay (default 1 hour) get one email
 * linking back to it, once per quiet spell. A scan of carts by last activity (an index on status
 * and lastActivityAt) rather than a waiting run per cart change: adding to a cart costs the
 * worker nothing, and a cart changed again simply waits for its next quiet spell.
 */
export const cartAbandonment = inngest.createFunction(
  { id: "cart-abandonment-reminder", name: "Remind buyers of their abandoned cart", triggers: [{ cron: "* * * * *" }] },
  async ({ event, step, db }) => {
    // The schedule's own time, so a replay of this run scans with the same clock.
    const now = new Date(event.ts ?? Date.now());
    return step.run("remind-quiet-carts", () => remindAbandonedCarts(db, now));
  },
);

/**
 * Claims the carts due a reminder (ACTIVE, a buyer, lines, quiet since the delay, not reminded
 * since their last change) by stamping `remindedAt` in one statement, so overlapping scans never
 * claim one twice, then emails each buyer. The email's key names the quiet spell, so a retried
 * step sends it once; a crash between the claim and the email loses that one reminder, which for
 * a nudge is better than sending two.
 */
export async function remindAbandonedCarts(db: PrismaClient, now = new Date()): Promise<{ reminded: number }> {
  const delaySeconds = await cartAbandonmentDelaySeconds(db);
  const quietSince = new Date(now.getTime() - delaySeconds * 1000);
  const notBefore = new Date(now.getTime() - REMIND_WITHIN_MS);
  let reminded = 0;
  for (;;) {
    const due = await db.$queryRaw<{ id: string; lastActivityAt: Date }[]>`
      UPDATE "Cart" SET "remindedAt" = ${now}
       WHERE "id" IN (SELECT c."id" FROM "Cart" c
                       WHERE c."status" = 'ACTIVE' AND c."lastActivityAt" <= ${quietSince} AND c."lastActivityAt" > ${notBefore}
                         AND c."buyerId" IS NOT NULL AND (c."remindedAt" IS NULL OR c."remindedAt" < c."lastActivityAt")
                         AND EXISTS (SELECT 1 FROM "CartItem" i WHERE i."cartId" = c."id")
                       ORDER BY c."lastActivityAt" LIMIT ${SCAN_BATCH} FOR UPDATE SKIP LOCKED)
         AND "status" = 'ACTIVE'
      RETURNING "id", "lastActivityAt"`;
    for (const cart of due) {
      const outcome = await remindAbandonedCart(db, cart.id, `cart-reminder:${cart.id}:${cart.lastActivityAt.getTime()}`);
      if (outcome.reminded) reminded++;
    }
    if (due.length < SCAN_BATCH) return { reminded };
  }
}

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

  const lines = cart.items.map((item) => ({
    name: variantDisplayName(item.product.name, item.variant.title),
    quantity: item.quantity,
    amountCents: item.unitPriceCents * item.quantity,
  }));
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
