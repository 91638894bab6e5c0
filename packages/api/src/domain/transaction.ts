import type { Prisma, PrismaClient, Tx } from "@bazaar/db";

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

/** Runs `fn` in one interactive transaction, retrying it whole on deadlock or serialization failure. */
export async function inTransaction<T>(
  db: PrismaClient,
  fn: (tx: Tx) => Promise<T>,
  options: { isolationLevel?: Prisma.TransactionIsolationLevel } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => fn(tx), { ...OPTIONS, ...options });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
    }
  }
}
