import { Prisma, type LedgerTransactionKind, type PrismaClient, type Tx } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";

/** Credits minus debits: what the account holds for its owner (negative for the buyers' external account). */
export async function accountBalanceCents(tx: Tx, accountId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ balance: bigint | null }[]>`
    SELECT SUM(CASE WHEN direction = 'CREDIT' THEN "amountCents" ELSE -"amountCents" END) AS balance
      FROM "LedgerEntry" WHERE "accountId" = ${accountId}`;
  return Number(row?.balance ?? 0n);
}

export interface SellerBalance {
  currency: string;
  /** What Bazaar owes the seller now: the payable account's balance, available to pay out (below zero: the seller owes Bazaar). */
  availableCents: number;
  /** Sales still in their payout hold (see payout-holds.ts). */
  pendingCents: number;
  /** Everything sent (or being sent) to the seller so far. */
  paidOutCents: number;
}

/** The seller's balances, one per currency they have sold in (USD with zeros before the first sale). */
export async function getSellerBalance(db: PrismaClient, actor: Actor): Promise<SellerBalance[]> {
  const { sellerId } = requireSeller(actor);
  const rows = await db.$queryRaw<{ currency: string; kind: string; balance: bigint | null }[]>`
    SELECT a.currency, a.kind::text AS kind,
           SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END) AS balance
      FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
     WHERE a."sellerId" = ${sellerId}
     GROUP BY a.currency, a.kind ORDER BY a.currency`;
  const byCurrency = new Map<string, SellerBalance>();
  for (const row of rows) {
    const entry = byCurrency.get(row.currency) ?? { currency: row.currency, availableCents: 0, pendingCents: 0, paidOutCents: 0 };
    if (row.kind === "SELLER_PAYABLE") entry.availableCents = Number(row.balance ?? 0n);
    if (row.kind === "SELLER_PENDING") entry.pendingCents = Number(row.balance ?? 0n);
    if (row.kind === "SELLER_PAYOUTS") entry.paidOutCents = Number(row.balance ?? 0n);
    byCurrency.set(row.currency, entry);
  }
  return byCurrency.size > 0 ? [...byCurrency.values()] : [{ currency: "USD", availableCents: 0, pendingCents: 0, paidOutCents: 0 }];
}

export interface SellerLedgerEntry {
  id: string;
  createdAt: Date;
  kind: LedgerTransactionKind;
  description: string;
  direction: "DEBIT" | "CREDIT";
  amountCents: number;
  /** The payable balance right after this entry. */
  balanceCents: number;
  orderId: string | null;
  shipmentId: string | null;
  payoutId: string | null;
}

/** The seller's payable account, newest first, each entry with the running balance after it. */
export async function listSellerLedgerEntries(
  db: PrismaClient,
  actor: Actor,
  input: { currency?: string; cursor?: string | null; limit?: number },
): Promise<{ items: SellerLedgerEntry[]; nextCursor: string | null }> {
  const { sellerId } = requireSeller(actor);
  const currency = input.currency ?? "USD";
  const limit = input.limit ?? 50;
  const account = await db.ledgerAccount.findFirst({ where: { sellerId, currency, kind: "SELLER_PAYABLE" }, select: { id: true } });
  if (!account) return { items: [], nextCursor: null };
  const cursor = input.cursor
    ? await db.ledgerEntry.findFirst({ where: { id: input.cursor, accountId: account.id }, select: { id: true, createdAt: true } })
    : null;
  const rows = await db.$queryRaw<(Omit<SellerLedgerEntry, "balanceCents"> & { balanceCents: bigint })[]>`
    SELECT * FROM (
      SELECT e.id, e."createdAt", t.kind::text AS kind, t.description, e.direction::text AS direction, e."amountCents",
             SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END)
               OVER (ORDER BY e."createdAt", e.id) AS "balanceCents",
             t."orderId", e."shipmentId", t."payoutId"
        FROM "LedgerEntry" e JOIN "LedgerTransaction" t ON t.id = e."transactionId"
       WHERE e."accountId" = ${account.id}
    ) entries
    ${cursor ? Prisma.sql`WHERE ("createdAt", id) < (${cursor.createdAt}, ${cursor.id})` : Prisma.empty}
    ORDER BY "createdAt" DESC, id DESC
    LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit).map((r) => ({ ...r, balanceCents: Number(r.balanceCents) }));
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
