import { Prisma, type PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { notFound } from "../../errors";
import { ZAccountEntriesSchema } from "../../validators/ledger";

/**
 * One ledger account with its entries newest first, each with the balance (credits minus
 * debits) right after it, computed by a window over the account's index in SQL.
 */
export async function getLedgerAccount(db: PrismaClient, actor: Actor, input: z.input<typeof ZAccountEntriesSchema>) {
  requireAdmin(actor);
  const f = ZAccountEntriesSchema.parse(input);
  const account = await db.ledgerAccount.findUnique({
    where: { id: f.accountId },
    include: { seller: { select: { id: true, shopName: true } } },
  });
  if (!account) throw notFound("That ledger account");
  const cursor = f.cursor
    ? await db.ledgerEntry.findFirst({
        where: { id: f.cursor, accountId: account.id },
        select: { id: true, createdAt: true },
      })
    : null;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        createdAt: Date;
        transactionId: string;
        kind: string;
        description: string;
        direction: "DEBIT" | "CREDIT";
        amountCents: number;
        balanceCents: bigint;
        orderId: string | null;
        payoutId: string | null;
      }[]
    >`
      SELECT * FROM (
        SELECT e.id, e."createdAt", e."transactionId", t.kind::text AS kind, t.description, e.direction::text AS direction, e."amountCents",
               SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END) OVER (ORDER BY e."createdAt", e.id) AS "balanceCents",
               t."orderId", t."payoutId"
          FROM "LedgerEntry" e JOIN "LedgerTransaction" t ON t.id = e."transactionId"
         WHERE e."accountId" = ${account.id}
      ) entries
      ${cursor ? Prisma.sql`WHERE ("createdAt", id) < (${cursor.createdAt}, ${cursor.id})` : Prisma.empty}
      ORDER BY "createdAt" DESC, id DESC
      LIMIT ${f.limit + 1}`,
    db.$queryRaw<{ debits: bigint; credits: bigint; n: bigint }[]>`
      SELECT COALESCE(SUM("amountCents") FILTER (WHERE direction = 'DEBIT'), 0) AS debits,
             COALESCE(SUM("amountCents") FILTER (WHERE direction = 'CREDIT'), 0) AS credits,
             COUNT(*) AS n
        FROM "LedgerEntry" WHERE "accountId" = ${account.id}`,
  ]);
  const items = rows.slice(0, f.limit).map((r) => ({ ...r, balanceCents: Number(r.balanceCents) }));
  const t = totals[0];
  const debitsCents = Number(t?.debits ?? 0n);
  const creditsCents = Number(t?.credits ?? 0n);
  return {
    account,
    debitsCents,
    creditsCents,
    balanceCents: creditsCents - debitsCents,
    entryCount: Number(t?.n ?? 0n),
    items,
    nextCursor: rows.length > f.limit ? (items.at(-1)?.id ?? null) : null,
  };
}

export interface LedgerAccountRow {
  id: string;
  code: string;
  kind: string;
  name: string;
  currency: string;
  sellerId: string | null;
  /** The shop a seller account belongs to, so a person can tell the accounts apart. */
  shopName: string | null;
  debitsCents: number;
  creditsCents: number;
  /** Credits minus debits. */
  balanceCents: number;
}

/** Every ledger account with its totals and its shop's name, platform accounts first; one aggregate query. */
export async function listLedgerAccounts(db: PrismaClient, actor: Actor): Promise<LedgerAccountRow[]> {
  requireAdmin(actor);
  const rows = await db.$queryRaw<
    (Omit<LedgerAccountRow, "debitsCents" | "creditsCents" | "balanceCents"> & {
      debits: bigint;
      credits: bigint;
    })[]
  >`
    SELECT a.id, a.code, a.kind::text AS kind, a.name, a.currency, a."sellerId", s."shopName",
           COALESCE(SUM(e."amountCents") FILTER (WHERE e.direction = 'DEBIT'), 0) AS debits,
           COALESCE(SUM(e."amountCents") FILTER (WHERE e.direction = 'CREDIT'), 0) AS credits
      FROM "LedgerAccount" a
      LEFT JOIN "Seller" s ON s.id = a."sellerId"
      LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
     GROUP BY a.id, s."shopName"
     ORDER BY a.currency, a."sellerId" NULLS FIRST, s."shopName", a.kind`;
  return rows.map(({ debits, credits, ...a }) => ({
    ...a,
    debitsCents: Number(debits),
    creditsCents: Number(credits),
    balanceCents: Number(credits) - Number(debits),
  }));
}

export interface SellerInDebt {
  sellerId: string;
  shopName: string;
  status: string;
  currency: string;
  /** The payable's balance: below zero, what the seller owes Bazaar. */
  balanceCents: number;
  /** Still in the payout hold: what their next releases will pay the debt down with. */
  pendingCents: number;
}

/** Sellers whose payable is below zero (a refund or dispute after a payout), most indebted first. */
export async function listSellersInDebt(db: PrismaClient, actor: Actor): Promise<SellerInDebt[]> {
  requireAdmin(actor);
  const rows = await db.$queryRaw<{ sellerId: string; shopName: string; status: string; currency: string; balance: bigint; pending: bigint }[]>`
    SELECT s.id AS "sellerId", s."shopName", s.status::text AS status, a.currency,
           SUM(CASE WHEN a.kind = 'SELLER_PAYABLE' THEN CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END ELSE 0 END)::bigint AS balance,
           SUM(CASE WHEN a.kind = 'SELLER_PENDING' THEN CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END ELSE 0 END)::bigint AS pending
      FROM "LedgerAccount" a
      JOIN "Seller" s ON s.id = a."sellerId"
      JOIN "LedgerEntry" e ON e."accountId" = a.id
     WHERE a.kind IN ('SELLER_PAYABLE', 'SELLER_PENDING')
     GROUP BY s.id, a.currency
    HAVING SUM(CASE WHEN a.kind = 'SELLER_PAYABLE' THEN CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END ELSE 0 END) < 0
     ORDER BY balance ASC
     LIMIT 200`;
  return rows.map(({ balance, pending, ...rest }) => ({ ...rest, balanceCents: Number(balance), pendingCents: Number(pending) }));
}
