// The seller's side of the ledger that the ledger domain does not already give: each sale with
// the commission Bazaar kept, and the payable account as a CSV file.
import { Prisma, type PrismaClient } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { toCsv } from "../catalog/products-csv";

export interface SellerSale {
  shipmentId: string;
  orderId: string;
  orderNumber: number;
  paidAt: Date;
  status: string;
  currency: string;
  /**
   * What this seller's part sold for (items, shipping, tax, minus the seller's own discounts): what
   * the buyer paid plus the loyalty discounts Bazaar paid for them.
   */
  grossCents: number;
  /** Bazaar's commission on it, net of any refund's share (Bazaar's own funding of loyalty discounts is not part of it). */
  commissionCents: number;
  /** What the seller's balance received for it, net of refunds. */
  netCents: number;
  refundedCents: number;
  /** False until the payment's ledger split is written (it runs in the background, seconds after payment). */
  settled: boolean;
}

/**
 * The seller's sales (their shipments of paid orders), newest first, each with the commission and
 * the net amount as the ledger recorded them: the split and refund entries carry the shipment, so
 * the figures are the ledger's own, not recomputed.
 */
export async function listSellerSales(
  db: PrismaClient,
  actor: Actor,
  input: { currency?: string; cursor?: string | null; limit?: number } = {},
): Promise<{ items: SellerSale[]; nextCursor: string | null }> {
  const { sellerId } = requireSeller(actor);
  const currency = input.currency ?? "USD";
  const limit = input.limit ?? 25;
  const cursor = input.cursor
    ? await db.shipment.findFirst({ where: { id: input.cursor, sellerId }, select: { id: true, order: { select: { paidAt: true } } } })
    : null;
  const rows = await db.$queryRaw<
    (Omit<SellerSale, "commissionCents" | "netCents" | "settled"> & { commissionCents: bigint; netCents: bigint; entries: bigint })[]
  >`
    SELECT sh.id AS "shipmentId", o.id AS "orderId", o.number AS "orderNumber", o."paidAt", sh.status::text AS status, o.currency,
           (sh."totalCents" + sh."tierDiscountCents" + sh."shippingDiscountCents" + sh."pointsDiscountCents" - sh."sellerFundedCents") AS "grossCents",
           sh."refundedCents",
           -- A split's debit of revenue, and a refund's credit back, are Bazaar paying for a buyer's
           -- loyalty discount out of its commission (ledger/split.ts): not the seller's commission.
           COALESCE(SUM(CASE WHEN a.kind = 'PLATFORM_REVENUE' THEN
             CASE WHEN e.direction = 'CREDIT' AND t.kind <> 'REFUND' THEN e."amountCents"
                  WHEN e.direction = 'DEBIT' AND t.kind <> 'PAYMENT_SPLIT' THEN -e."amountCents" ELSE 0 END END), 0)::bigint AS "commissionCents",
           COALESCE(SUM(CASE WHEN a.kind IN ('SELLER_PAYABLE', 'SELLER_PENDING') AND a."sellerId" = ${sellerId} THEN CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END END), 0)::bigint AS "netCents",
           COUNT(e.id)::bigint AS entries
      FROM "Shipment" sh
      JOIN "Order" o ON o.id = sh."orderId"
      LEFT JOIN "LedgerEntry" e ON e."shipmentId" = sh.id
      LEFT JOIN "LedgerAccount" a ON a.id = e."accountId"
      LEFT JOIN "LedgerTransaction" t ON t.id = e."transactionId"
     WHERE sh."sellerId" = ${sellerId} AND o."paidAt" IS NOT NULL AND o.currency = ${currency}
       ${cursor?.order.paidAt ? Prisma.sql`AND (o."paidAt", sh.id) < (${cursor.order.paidAt}, ${cursor.id})` : Prisma.empty}
     GROUP BY sh.id, o.id
     ORDER BY o."paidAt" DESC, sh.id DESC
     LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit).map(({ entries, commissionCents, netCents, ...row }) => ({
    ...row,
    commissionCents: Number(commissionCents),
    netCents: Number(netCents),
    settled: entries > 0n,
  }));
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.shipmentId ?? null) : null };
}

const decimal = (cents: number) => cents / 100;

/**
 * Every entry of the seller's pending and payable accounts, oldest first, with the running balance
 * of both (what Bazaar owes them) and which one the entry is in: for their bookkeeping.
 */
export async function exportLedgerCsv(db: PrismaClient, actor: Actor, input: { currency?: string } = {}): Promise<string> {
  const { sellerId } = requireSeller(actor);
  const currency = input.currency ?? "USD";
  const rows = await db.$queryRaw<
    {
      createdAt: Date;
      kind: string;
      description: string;
      direction: string;
      amountCents: number;
      balanceCents: bigint;
      orderNumber: number | null;
      payoutId: string | null;
      account: string;
    }[]
  >`
    SELECT e."createdAt", t.kind::text AS kind, a.kind::text AS account, t.description, e.direction::text AS direction, e."amountCents",
           SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END) OVER (ORDER BY e."createdAt", e.id) AS "balanceCents",
           o.number AS "orderNumber", t."payoutId"
      FROM "LedgerEntry" e
      JOIN "LedgerAccount" a ON a.id = e."accountId"
      JOIN "LedgerTransaction" t ON t.id = e."transactionId"
      LEFT JOIN "Order" o ON o.id = t."orderId"
     WHERE a."sellerId" = ${sellerId} AND a.kind IN ('SELLER_PAYABLE', 'SELLER_PENDING') AND a.currency = ${currency}
     ORDER BY e."createdAt", e.id`;
  return toCsv(
    ["date", "type", "description", "order", "payout", "credit", "debit", "balance", "currency", "account"],
    rows.map((r) => ({
      date: r.createdAt.toISOString(),
      type: r.kind.toLowerCase().replace("_", " "),
      description: r.description,
      order: r.orderNumber ?? "",
      payout: r.payoutId ?? "",
      credit: r.direction === "CREDIT" ? decimal(r.amountCents) : "",
      debit: r.direction === "DEBIT" ? decimal(r.amountCents) : "",
      balance: decimal(Number(r.balanceCents)),
      currency,
      account: r.account === "SELLER_PENDING" ? "pending" : "available",
    })),
  );
}
