import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export interface CreateClientOptions {
  url?: string;
  /** Pool size per process; defaults to what a 2-core box serves well. */
  max?: number;
}

export function createPrismaClient(options: CreateClientOptions = {}): PrismaClient {
  const connectionString = options.url ?? process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the project with `npm run dev` or `npm start`, which provide one.");
  }
  const adapter = new PrismaPg({ connectionString, max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { bazaarPrisma?: PrismaClient };

/** The process's client, created on first use and kept on globalThis so dev reloads reuse it. */
export function getDb(): PrismaClient {
  globalForPrisma.bazaarPrisma ??= createPrismaClient();
  return globalForPrisma.bazaarPrisma;
}
