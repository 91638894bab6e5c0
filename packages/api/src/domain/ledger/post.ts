import { randomUUID } from "node:crypto";
import type { LedgerDirection, LedgerTransactionKind, SqlTx } from "@bazaar/db";

export interface LedgerLine {
  accountId: string;
  direction: LedgerDirection;
  amountCents: number;
  /** The seller's part of an order this line is for, so commission per sale can be read back. */
  shipmentId?: string | null;
}

export interface PostLedgerTransactionInput {
  kind: LedgerTransactionKind;
  idempotencyKey: string;
  description: string;
  currency: string;
  paymentId?: string | null;
  orderId?: string | null;
  payoutId?: string | null;
  lines: LedgerLine[];
}

/**
 * Writes one balanced ledger transaction. The transaction and its entries go in one statement:
 * the entries in one INSERT because the database's balance trigger checks per statement, and the
 * transaction beside them in a CTE, so posting is one round trip. Zero lines are dropped (entries
 * are positive), so a free order's split is a transaction without entries: it still records that
 * the split happened. A second posting under the same idempotency key is an error.
 */
export async function postLedgerTransaction(tx: SqlTx, input: PostLedgerTransactionInput): Promise<{ id: string }> {
  const posted = await insertLedgerTransaction(tx, input);
  if (!posted) throw new Error(`ledger transaction ${input.idempotencyKey} was already posted.`);
  return posted;
}

/** postLedgerTransaction, or null (and nothing written) when a transaction with its idempotency key exists. */
export async function insertLedgerTransaction(tx: SqlTx, input: PostLedgerTransactionInput): Promise<{ id: string } | null> {
  const lines = input.lines.filter((l) => l.amountCents !== 0);
  let balance = 0;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amountCents) || line.amountCents < 0)
      throw new RangeError(`ledger amounts must be positive cents (got ${line.amountCents}).`);
    balance += line.direction === "DEBIT" ? line.amountCents : -line.amountCents;
  }
  if (balance !== 0) throw new Error(`ledger transaction ${input.idempotencyKey} is unbalanced by ${balance} cents.`);
  // The id columns have no database default (Prisma makes cuids in the client); random UUIDs serve as well.
  const [posted] = await tx.$queryRaw<{ id: string }[]>`
    WITH t AS (
      INSERT INTO "LedgerTransaction" ("id", "kind", "idempotencyKey", "description", "currency", "paymentId", "orderId", "payoutId", "createdAt")
      VALUES (${randomUUID()}, ${input.kind}::"LedgerTransactionKind", ${input.idempotencyKey}, ${input.description}, ${input.currency},
              ${input.paymentId ?? null}, ${input.orderId ?? null}, ${input.payoutId ?? null}, ${new Date()})
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING "id", "currency", "createdAt"
    ), entries AS (
      INSERT INTO "LedgerEntry" ("id", "transactionId", "accountId", "direction", "amountCents", "currency", "shipmentId", "createdAt")
      SELECT l."id", t."id", l."accountId", l."direction"::"LedgerDirection", l."amountCents", t."currency", l."shipmentId", t."createdAt"
        FROM t CROSS JOIN unnest(${lines.map(() => randomUUID())}::text[], ${lines.map((l) => l.accountId)}::text[], ${lines.map((l) => l.direction)}::text[],
                                 ${lines.map((l) => l.amountCents)}::int[], ${lines.map((l) => l.shipmentId ?? null)}::text[])
             AS l("id", "accountId", "direction", "amountCents", "shipmentId")
    )
    SELECT "id" FROM t`;
  return posted ?? null;
}
