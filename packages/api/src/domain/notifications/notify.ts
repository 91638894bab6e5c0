import type { Tx } from "@bazaar/db";

export const NOTIFICATION_TYPES = [
  "LOW_STOCK",
  "NEW_ORDER",
  "ORDER_CONFIRMED",
  "SHIPMENT_UPDATE",
  "PAYOUT_PAID",
  "PAYOUT_FAILED",
  "PAYOUT_WAITING",
  "PAYOUT_REVERSED",
  "BALANCE_NEGATIVE",
  "REFUND_ISSUED",
  "ORDER_CANCELLED",
  "RETURN_UPDATE",
  "DISPUTE_OPENED",
  "DISPUTE_CLOSED",
  "CONNECT_UPDATE",
  "SHOP_MESSAGE",
  "TIER_CHANGED",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface NotifyInput {
  userId: string;
  type: NotificationType;
  title: string;
  body?: string;
  /** A path in the app the notification belongs to (storefront for buyers, seller console for sellers). */
  link?: string | null;
  /** Names the notification once and for all, so a retried step or a repeated event adds no second one. */
  dedupeKey: string;
}

/** Adds an in-app notification, once per dedupeKey. Returns whether it was new. */
export async function notify(db: Tx, input: NotifyInput): Promise<boolean> {
  const { count } = await db.notification.createMany({
    data: [{ userId: input.userId, type: input.type, title: input.title, body: input.body ?? "", link: input.link ?? null, dedupeKey: input.dedupeKey }],
    skipDuplicates: true,
  });
  return count === 1;
}
