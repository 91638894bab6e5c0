import type { PrismaClient, Tx } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { readPlatformSettings, type PlatformSettings } from "../settings/settings";
import { inTransaction } from "../transaction";
import { ensureSellerLedgerAccounts, lockAccounts, lockShipments } from "./accounts";
import { postLedgerTransaction } from "./post";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a shipment's funds leave the payout hold: the platform's days after delivery, or after
 * shipping for a parcel never marked delivered (whichever comes first once both are known);
 * null while nothing has shipped. Buyers can dispute or return within the hold, so the money
 * they might get back has not been paid out yet.
 */
export function fundsAvailableAt(
  shipment: { shippedAt: Date | null; deliveredAt: Date | null },
  settings: Pick<PlatformSettings, "payoutHoldDaysAfterDelivery" | "payoutHoldDaysAfterShipping">,
): Date | null {
  const candidates = [
    shipment.deliveredAt ? shipment.deliveredAt.getTime() + settings.payoutHoldDaysAfterDelivery * DAY_MS : null,
    shipment.shippedAt ? shipment.shippedAt.getTime() + settings.payoutHoldDaysAfterShipping * DAY_MS : null,
  ].filter((t): t is number => t !== null);
  return candidates.length > 0 ? new Date(Math.min(...candidates)) : null;
}

export const releaseIdempotencyKey = (shipmentId: string) => `release:${shipmentId}`;

/** Credits minus debits of one account for one shipment (what is still pending of that sale). */
export async function shipmentBalance(tx: Tx, accountId: string, shipmentId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ balance: bigint | null }[]>`
    SELECT SUM(CASE WHEN direction = 'CREDIT' THEN "amountCents" ELSE -"amountCents" END) AS balance
      FROM "LedgerEntry" WHERE "accountId" = ${accountId} AND "shipmentId" = ${shipmentId}`;
  return Number(row?.balance ?? 0n);
}

/**
 * Ends the payout hold of one shipment: what is left of its sale in the seller's pending funds
 * moves to their payable (paying down any debt first, since the payable is one balance), once.
 * Returns the amount released, or null when the shipment is not due or was released already.
 */
export async function releaseShipmentFunds(tx: Tx, shipmentId: string, now: Date): Promise<number | null> {
  const hold = (await lockShipments(tx, [shipmentId])).get(shipmentId);
  if (!hold || hold.fundsReleasedAt) return null;
  const shipment = await tx.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    select: { id: true, sellerId: true, shippedAt: true, deliveredAt: true, order: { select: { number: true, currency: true } } },
  });
  const due = fundsAvailableAt(shipment, await readPlatformSettings(tx));
  if (!due || due > now) return null;
  const { currency } = shipment.order;
  const accounts = await ensureSellerLedgerAccounts(tx, shipment.sellerId, currency);
  await lockAccounts(tx, [accounts.payableId]);
  const amount = await shipmentBalance(tx, accounts.pendingId, shipment.id);
  // A pending balance below zero cannot happen (refunds are capped at the sale); zero posts an empty release.
  await postLedgerTransaction(tx, {
    kind: "FUNDS_RELEASE",
    idempotencyKey: releaseIdempotencyKey(shipment.id),
    description: `Order #${shipment.order.number}: payout hold ended`,
    currency,
    lines: [
      { accountId: accounts.pendingId, direction: "DEBIT", amountCents: Math.max(amount, 0), shipmentId: shipment.id },
      { accountId: accounts.payableId, direction: "CREDIT", amountCents: Math.max(amount, 0), shipmentId: shipment.id },
    ],
  });
  await tx.shipment.update({ where: { id: shipment.id }, data: { fundsReleasedAt: now } });
  return amount;
}

/**
 * The sweep (a system job, no actor): every shipped part whose hold has ended is released, each in
 * its own transaction so one failure does not hold back the rest. Returns how many were released.
 */
export async function releaseDueFunds(db: PrismaClient, now = new Date(), limit = 500): Promise<number> {
  const settings = await readPlatformSettings(db);
  const deliveredBefore = new Date(now.getTime() - settings.payoutHoldDaysAfterDelivery * DAY_MS);
  const shippedBefore = new Date(now.getTime() - settings.payoutHoldDaysAfterShipping * DAY_MS);
  const due = await db.shipment.findMany({
    where: {
      fundsReleasedAt: null,
      order: { paidAt: { not: null } },
      OR: [{ deliveredAt: { lte: deliveredBefore } }, { shippedAt: { lte: shippedBefore } }],
    },
    orderBy: { shippedAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let released = 0;
  for (const { id } of due) {
    if ((await inTransaction(db, (tx) => releaseShipmentFunds(tx, id, now))) !== null) released++;
  }
  return released;
}

export interface PendingSale {
  shipmentId: string;
  orderId: string;
  orderNumber: number;
  status: string;
  currency: string;
  pendingCents: number;
  /** When the amount becomes available for payout; null until the part has shipped. */
  availableAt: Date | null;
}

/** The seller's sales still in their payout hold, soonest available first, each with when it becomes available. */
export async function listPendingSales(db: PrismaClient, actor: Actor, input: { currency?: string; limit?: number } = {}): Promise<PendingSale[]> {
  const { sellerId } = requireSeller(actor);
  const currency = input.currency ?? "USD";
  const settings = await readPlatformSettings(db);
  const rows = await db.$queryRaw<
    { shipmentId: string; orderId: string; orderNumber: number; status: string; shippedAt: Date | null; deliveredAt: Date | null; pending: bigint }[]
  >`
    SELECT sh.id AS "shipmentId", o.id AS "orderId", o.number AS "orderNumber", sh.status::text AS status, sh."shippedAt", sh."deliveredAt",
           SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END)::bigint AS pending
      FROM "LedgerEntry" e
      JOIN "LedgerAccount" a ON a.id = e."accountId"
      JOIN "Shipment" sh ON sh.id = e."shipmentId"
      JOIN "Order" o ON o.id = sh."orderId"
     WHERE a."sellerId" = ${sellerId} AND a.kind = 'SELLER_PENDING' AND a.currency = ${currency} AND sh."fundsReleasedAt" IS NULL
     GROUP BY sh.id, o.id
    HAVING SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END) <> 0
     ORDER BY sh."shippedAt" ASC NULLS LAST, o.number ASC
     LIMIT ${input.limit ?? 100}`;
  return rows.map((r) => ({
    shipmentId: r.shipmentId,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    status: r.status,
    currency,
    pendingCents: Number(r.pending),
    availableAt: fundsAvailableAt(r, settings),
  }));
}
