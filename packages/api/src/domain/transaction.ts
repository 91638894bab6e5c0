import { sqlTransaction, type Prisma, type PrismaClient, type SqlTransactionOptions, type SqlTx, type Tx } from "@bazaar/db";

// Commerce transactions wait for a connection and for row locks under contention (a hundred
// buyers on one SKU), so they get more time than Prisma's 2 s / 5 s defaults; a deadlock or
// serialization failure (Postgres aborts one side) is retried with the whole unit of work.
const OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;
const MAX_ATTEMPTS = 4;

const RETRYABLE_SQLSTATES = ["40P01", "40001"];

/** True for Postgres deadlock / serialization failures however the driver adapter wraps them. */
export function isRetryableTransactionError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; meta?: unknown; cause?: unknown; message?: unknown };
  if (e.code === "P2034") return true;
  if (typeof e.code === "string" && RETRYABLE_SQLSTATES.includes(e.code)) return true;
  const text = `${typeof e.message === "string" ? e.message : ""} ${safeJson(e.meta)}`;
  if (RETRYABLE_SQLSTATES.some((state) => text.includes(state)) || /deadlock detected|could not serialize/i.test(text)) return true;
  return e.cause !== undefined && e.cause !== error && isRetryableTransactionError(e.cause);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

type CommitHook = { items: Set<string>; run: (items: string[]) => Promise<void> };
const commitHooks = new WeakMap<SqlTx, Map<string, CommitHook>>();

/**
 * Runs `run` once `tx` has committed, before inTransaction returns, with every item registered
 * under `key` in that transaction (so ten products changed in one transaction make one call).
 * Nothing runs for a transaction that rolls back or is retried. Outside inTransaction (a plain
 * `db.$transaction`) nothing is registered: callers must not depend on it for correctness alone.
 */
export function afterCommit(tx: SqlTx, key: string, items: string[], run: (items: string[]) => Promise<void>): void {
  const hooks = commitHooks.get(tx);
  if (!hooks) return;
  const hook = hooks.get(key) ?? { items: new Set<string>(), run };
  for (const item of items) hook.items.add(item);
  hooks.set(key, hook);
}

/** Runs `fn` in one interactive transaction, retrying it whole on deadlock or serialization failure. */
export function inTransaction<T>(
  db: PrismaClient,
  fn: (tx: Tx) => Promise<T>,
  options: { isolationLevel?: Prisma.TransactionIsolationLevel } = {},
): Promise<T> {
  return withRetries((body: (tx: Tx) => Promise<T>) => db.$transaction(body, { ...OPTIONS, ...options }), fn);
}

/**
 * inTransaction for a hot path whose statements are all written out: the same retries and
 * commit hooks, on a pooled connection without Prisma's interactive transaction (sqlTransaction).
 * Options as sqlTransaction's: `KEYED` for checkout, the payment's webhook and the ledger split.
 */
export function inSqlTransaction<T>(db: PrismaClient, fn: (tx: SqlTx) => Promise<T>, options: SqlTransactionOptions = {}): Promise<T> {
  return withRetries((body: (tx: SqlTx) => Promise<T>) => sqlTransaction(db, body, options), fn);
}

/**
 * For checkout, the payment's webhook and the ledger split, whose statements all find their rows by
 * key (a cart, an order, a payment): planned once per connection (`genericPlans`), not for each
 * call's values, which cost more than running them (checkout's cart read: 0.6 ms to plan, 0.2 to
 * run). Measured on the statements one order sends, one caller: 2.16 -> 0.66 ms of planning per
 * order (bench/README.md, session 15). Not the add: its statements plan cheaply, and under the
 * benchmark's load it cost 0.3 to 0.8 ms more database CPU in four runs of four.
 */
export const KEYED: SqlTransactionOptions = { genericPlans: true };

async function withRetries<T, X extends SqlTx>(begin: (body: (tx: X) => Promise<T>) => Promise<T>, fn: (tx: X) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const hooks = new Map<string, CommitHook>();
    let result: T;
    try {
      result = await begin((tx) => {
        commitHooks.set(tx, hooks);
        return fn(tx);
      });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
      continue;
    }
    await Promise.all([...hooks.values()].map((hook) => hook.run([...hook.items])));
    return result;
  }
}
