import type { PrismaClient } from "@bazaar/db";
import { requireAdmin, type Actor } from "../../actor";

export interface TrialBalanceAccount {
  id: string;
  code: string;
  kind: string;
  name: string;
  currency: string;
  sellerId: string | null;
  debitsCents: number;
  creditsCents: number;
  /** Credits minus debits. */
  balanceCents: number;
}

/**
 * Every account's debits, credits and balance, per currency the sum of balances (zero when the
 * books are right) and any transaction whose entries do not balance (none, when they are).
 */
export async function getTrialBalance(db: PrismaClient, actor: Actor) {
  requireAdmin(actor);
  const rows = await db.$queryRaw<(Omit<TrialBalanceAccount, "debitsCents" | "creditsCents" | "balanceCents"> & { debits: bigint; credits: bigint })[]>`
    SELECT a.id, a.code, a.kind::text AS kind, a.name, a.currency, a."sellerId",
           COALESCE(SUM(e."amountCents") FILTER (WHERE e.direction = 'DEBIT'), 0) AS debits,
           COALESCE(SUM(e."amountCents") FILTER (WHERE e.direction = 'CREDIT'), 0) AS credits
      FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
     GROUP BY a.id ORDER BY a.currency, a.kind, a.code`;
  const accounts: TrialBalanceAccount[] = rows.map(({ debits, credits, ...a }) => ({
    ...a,
    debitsCents: Number(debits),
    creditsCents: Number(credits),
    balanceCents: Number(credits) - Number(debits),
  }));
  const totals = new Map<string, { currency: string; debitsCents: number; creditsCents: number; balanceCents: number }>();
  for (const a of accounts) {
    const t = totals.get(a.currency) ?? { currency: a.currency, debitsCents: 0, creditsCents: 0, balanceCents: 0 };
    t.debitsCents += a.debitsCents;
    t.creditsCents += a.creditsCents;
    t.balanceCents += a.balanceCents;
    totals.set(a.currency, t);
  }
  const unbalanced = await db.$queryRaw<{ id: string; debits: bigint; credits: bigint }[]>`
    SELECT "transactionId" AS id,
           COALESCE(SUM("amountCents") FILTER (WHERE direction = 'DEBIT'), 0) AS debits,
           COALESCE(SUM("amountCents") FILTER (WHERE direction = 'CREDIT'), 0) AS credits
      FROM "LedgerEntry" GROUP BY "transactionId"
    HAVING COALESCE(SUM("amountCents") FILTER (WHERE direction = 'DEBIT'), 0) <> COALESCE(SUM("amountCents") FILTER (WHERE direction = 'CREDIT'), 0)`;
  const totalsList = [...totals.values()];
  return {
    accounts,
    totals: totalsList,
    unbalancedTransactions: unbalanced.map((u) => ({ id: u.id, debitsCents: Number(u.debits), creditsCents: Number(u.credits) })),
    balanced: unbalanced.length === 0 && totalsList.every((t) => t.balanceCents === 0),
  };
}

/** Ledger transactions with their entries, newest first; filter by order, payment, payout or account. */
export async function listLedgerTransactions(
  db: PrismaClient,
  actor: Actor,
  input: { orderId?: string; paymentId?: string; payoutId?: string; accountId?: string; cursor?: string | null; limit?: number },
) {
  requireAdmin(actor);
  const limit = input.limit ?? 50;
  const rows = await db.ledgerTransaction.findMany({
    where: {
      orderId: input.orderId,
      paymentId: input.paymentId,
      payoutId: input.payoutId,
      ...(input.accountId ? { entries: { some: { accountId: input.accountId } } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: {
      entries: {
        orderBy: { id: "asc" },
        select: { id: true, direction: true, amountCents: true, shipmentId: true, account: { select: { id: true, code: true, name: true, kind: true } } },
      },
    },
  });
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
}
