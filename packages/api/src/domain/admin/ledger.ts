import { Prisma, type PrismaClient } from "@bazaar/db";
import { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { notFound } from "../../errors";
import { ZAdminId } from "./shared";

export const ZAccountEntriesSchema = z.object({
  accountId: ZAdminId,
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

/**
 * One ledger account with its entries newest first, each with the balance (credits minus
 * debits) right after it, computed by a window over the account's index in SQL.
 */
export async function getLedgerAccount(
  db: PrismaClient,
  actor: Actor,
  input: z.input<typeof ZAccountEntriesSchema>,
) {
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
  const items = rows
    .slice(0, f.limit)
    .map((r) => ({ ...r, balanceCents: Number(r.balanceCents) }));
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
