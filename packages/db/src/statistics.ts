// Planner statistics for a database just filled by a script (the demo seed, its history, the benchmark).
//
// A plain `ANALYZE` also analyzes the tables that are still empty (orders, payments, the ledger on a
// new store), and PostgreSQL then plans them as empty: a sequential scan is the cheapest way to read
// a one-page table. Pooled connections keep their generic plans, so every order, payment and ledger
// lookup keeps scanning its whole table as it grows, until autovacuum next analyzes it (its threshold
// is 50 rows plus a tenth of the table, its nap a minute). A table never analyzed is planned as if
// it held at least ten pages, PostgreSQL's guard for a new table that will grow: index lookups.
// So only the tables that hold rows are analyzed.

/**
 * One statement (a DO block, so one round trip and one transaction): ANALYZE every table of the
 * current schema that holds at least one row, and leave the empty ones never analyzed.
 */
export const ANALYZE_FILLED_TABLES = `DO $$
DECLARE
  relation regclass;
  filled boolean;
BEGIN
  FOR relation IN
    SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r'
  LOOP
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s)', relation) INTO filled;
    IF filled THEN
      EXECUTE format('ANALYZE %s', relation);
    END IF;
  END LOOP;
END
$$`;
