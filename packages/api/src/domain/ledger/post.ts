import type { LedgerDirection, LedgerTransactionKind, Tx } from "@bazaar/db";

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
 * Writes one balanced ledger transaction. Its entries go in one INSERT statement because the
 * database's balance trigger checks per statement. Zero lines are dropped (entries are positive),
 * so a free order's split is a transaction without entries: it still records that the split happened.
 */
export async function postLedgerTransaction(tx: Tx, input: PostLedgerTransactionInput): Promise<{ id: string }> {
  const lines = input.lines.filter((l) => l.amountCents !== 0);
  let balance = 0;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amountCents) || line.amountCents < 0)
      throw new RangeError(`ledger amounts must be positive cents (got ${line.amountCents}).`);
    balance += line.direction === "DEBIT" ? line.amountCents : -line.amountCents;
  }
  if (balance !== 0) throw new Error(`ledger transaction ${input.idempotencyKey} is unbalanced by ${balance} cents.`);
  const transaction = await tx.ledgerTransaction.create({
    data: {
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      description: input.description,
      currency: input.currency,
      paymentId: input.paymentId ?? null,
      orderId: input.orderId ?? null,
      payoutId: input.payoutId ?? null,
    },
    select: { id: true },
  });
  if (lines.length === 0) return transaction;
  await tx.ledgerEntry.createMany({
    data: lines.map((l) => ({
      transactionId: transaction.id,
      accountId: l.accountId,
      direction: l.direction,
      amountCents: l.amountCents,
      currency: input.currency,
      shipmentId: l.shipmentId ?? null,
    })),
  });
  return transaction;
}
