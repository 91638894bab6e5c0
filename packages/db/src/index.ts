export * from "./generated/prisma/client";
export {
  connectionPools,
  createPrismaClient,
  getDb,
  onQuery,
  sqlOn,
  sqlPoolOf,
  sqlTransaction,
  type SqlPool,
  type SqlTransactionOptions,
  type SqlTx,
} from "./client";
export { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnreachable } from "./availability";
export { ANALYZE_FILLED_TABLES } from "./statistics";
import type { PrismaClient } from "./generated/prisma/client";

/** What a domain function receives: the client, or the transaction it runs inside. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type Db = PrismaClient;
