// What must hold after any amount of load, checked over the whole benchmark database.
import type pg from "pg";

export interface ConsistencyFigures {
  /** Stock rows with reserved + allocated above on hand, or a negative column. */
  oversoldRows: number;
  /** Stock rows whose reserved / allocated differ from their active SOFT / HARD reservations. */
  reservationsMismatchRows: number;
  /** Ledger transactions whose debits and credits differ. */
  unbalancedTransactions: number;
  /** Captured payments without exactly one payment split. */
  capturedWithoutOneSplit: number;
  /** Paid orders that are not CONFIRMED (or further along). */
  paidNotConfirmed: number;
}

export const inconsistencies = (figures: ConsistencyFigures) => (Object.values(figures) as number[]).reduce((sum, value) => sum + value, 0);

export async function checkConsistency(pool: pg.Pool): Promise<ConsistencyFigures> {
  const count = async (sql: string) => (await pool.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
  return {
    oversoldRows: await count(
      `SELECT count(*)::int AS n FROM "StockLevel" WHERE "reserved" + "allocated" > "onHand" OR "onHand" < 0 OR "reserved" < 0 OR "allocated" < 0`,
    ),
    reservationsMismatchRows: await count(
      `SELECT count(*)::int AS n FROM "StockLevel" s
         LEFT JOIN (SELECT "stockLevelId",
                           sum("quantity") FILTER (WHERE "type" = 'SOFT') AS soft,
                           sum("quantity") FILTER (WHERE "type" = 'HARD') AS hard
                      FROM "Reservation" WHERE "status" = 'ACTIVE' GROUP BY "stockLevelId") r ON r."stockLevelId" = s."id"
        WHERE s."reserved" <> COALESCE(r.soft, 0) OR s."allocated" <> COALESCE(r.hard, 0)`,
    ),
    unbalancedTransactions: await count(
      `SELECT count(*)::int AS n FROM (
         SELECT t."id" FROM "LedgerTransaction" t LEFT JOIN "LedgerEntry" e ON e."transactionId" = t."id"
          GROUP BY t."id"
         HAVING COALESCE(sum(e."amountCents") FILTER (WHERE e."direction" = 'DEBIT'), 0)
             <> COALESCE(sum(e."amountCents") FILTER (WHERE e."direction" = 'CREDIT'), 0)
             OR count(e."id") = 0) unbalanced`,
    ),
    capturedWithoutOneSplit: await count(
      `SELECT count(*)::int AS n FROM "Payment" p
        WHERE p."status" IN ('CAPTURED', 'REFUNDED')
          AND (SELECT count(*) FROM "LedgerTransaction" t WHERE t."paymentId" = p."id" AND t."kind" = 'PAYMENT_SPLIT') <> 1`,
    ),
    paidNotConfirmed: await count(
      `SELECT count(*)::int AS n FROM "Order" o
        WHERE EXISTS (SELECT 1 FROM "Payment" p WHERE p."orderId" = o."id" AND p."status" = 'CAPTURED')
          AND o."status" IN ('PENDING_PAYMENT', 'PAID', 'PAYMENT_FAILED')`,
    ),
  };
}
