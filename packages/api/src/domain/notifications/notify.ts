import { randomUUID } from "node:crypto";
import { Prisma, type Tx } from "@bazaar/db";

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
  return (await db.$executeRaw(notificationInsert(input))) === 1;
}

/**
 * The notification's INSERT (once per dedupeKey), on its own or inside a larger statement (an
 * email of the same message is stored with it: see sendEmail). One statement either way: Prisma
 * sends a createMany inside BEGIN / COMMIT. The id column has no database default (Prisma makes
 * cuids in the client); a random UUID serves as well.
 */
export function notificationInsert(input: NotifyInput): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Notification" ("id", "userId", "type", "title", "body", "link", "dedupeKey", "createdAt")
    VALUES (${randomUUID()}, ${input.userId}, ${input.type}, ${input.title}, ${input.body ?? ""}, ${input.link ?? null}, ${input.dedupeKey}, ${new Date()})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}
