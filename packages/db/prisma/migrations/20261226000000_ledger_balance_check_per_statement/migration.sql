-- The balance check sums only the rows the statement inserted. It used to sum every entry of the
-- transactions they belong to, which PostgreSQL planned (the plan made once per session and kept)
-- as a scan of the whole LedgerEntry table on every posting: 0.8 ms at 3,000 entries, growing
-- with the ledger. The two are the same check: entries are append-only (LedgerEntry_append_only)
-- and every statement that inserts entries has been checked since the table was created, so a
-- transaction balanced before a statement balances after it exactly when that statement's own
-- entries for it balance.
CREATE OR REPLACE FUNCTION ledger_transactions_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced record;
BEGIN
  SELECT i."transactionId" AS id,
         coalesce(sum(i."amountCents") FILTER (WHERE i."direction" = 'DEBIT'), 0) AS debits,
         coalesce(sum(i."amountCents") FILTER (WHERE i."direction" = 'CREDIT'), 0) AS credits
    INTO unbalanced
    FROM inserted i
   GROUP BY i."transactionId"
  HAVING coalesce(sum(i."amountCents") FILTER (WHERE i."direction" = 'DEBIT'), 0)
      <> coalesce(sum(i."amountCents") FILTER (WHERE i."direction" = 'CREDIT'), 0)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger transaction % is unbalanced: debits % <> credits %', unbalanced.id, unbalanced.debits, unbalanced.credits
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
