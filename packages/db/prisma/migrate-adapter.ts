// The driver adapter the Prisma CLI uses for migrations (WASM schema engine, `engine: "js"`).
// It needs no engine binary, so migrations run on machines that reach only the npm registry.
// It works around four faults of @prisma/adapter-pg 6.19 as the CLI uses it:
//  1. prisma/orm#27403: catalog columns of type `name` (OID 19) and `"char"` (OID 18) are
//     rejected ("Column type 'name' could not be deserialized"): they are reported as text.
//  2. connectToShadowDb() sets `database` beside a `connectionString`, which wins in pg, so the
//     "shadow" database silently is the main one: we build the shadow pool from parts.
//  3. connectToShadowDb() drops the shadow database before closing its pool
//     ("database ... is being accessed by other users"): we close first, then drop.
//  4. The WASM engine panics ("unreachable") describing CHECK constraints, which it never
//     diffs anyway: the catalog query's CHECK rows are hidden from it. The CHECKs themselves
//     live in the migrations' SQL and are tested against the database.
//  5. executeScript() splits a migration on every ";", which cuts apart PL/pgSQL function
//     bodies ($$ ... ; ... $$): we send the script whole, which PostgreSQL runs as one
//     implicit transaction, so a migration applies completely or not at all.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

type QueryResultLike = { fields?: { name: string; dataTypeID: number }[]; rows?: unknown[]; rowCount?: number | null };

const CATALOG_TYPES_AS_TEXT: Record<number, number> = { 18: 1042, 19: 25, 1003: 1009 }; // "char" -> bpchar, name -> text, name[] -> text[]

function catalogTypesAsText<T>(result: T): T {
  for (const part of (Array.isArray(result) ? result : [result]) as QueryResultLike[]) {
    for (const field of part?.fields ?? []) {
      const replacement = CATALOG_TYPES_AS_TEXT[field.dataTypeID];
      if (replacement !== undefined) field.dataTypeID = replacement;
    }
    hideCheckConstraints(part);
  }
  return result;
}

function hideCheckConstraints(part: QueryResultLike | undefined): void {
  const names = part?.fields?.map((field) => field.name) ?? [];
  const typeColumn = names.indexOf("constraint_type");
  if (!part?.rows || typeColumn < 0 || !names.includes("constraint_definition")) return;
  part.rows = part.rows.filter((row) => {
    const type: unknown = Array.isArray(row) ? row[typeColumn] : (row as Record<string, unknown>).constraint_type;
    return type !== "c";
  });
  part.rowCount = part.rows.length;
}

class CatalogTypesAsTextClient extends pg.Client {
  // pg's query() has many overloads; this one only post-processes the result's `fields`.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (error: Error | null, result: unknown) => void;
      const rest = args.slice(0, -1);
      return (super.query as (...a: unknown[]) => never)(...rest, (error: Error | null, result: unknown) =>
        callback(error, result && catalogTypesAsText(result)),
      );
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    return (pending instanceof Promise ? pending.then(catalogTypesAsText) : pending) as never;
  }
}

function poolConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    Client: CatalogTypesAsTextClient,
  };
}

type Connection = Awaited<ReturnType<PrismaPg["connect"]>>;

function sendScriptsWhole(connection: Connection): Connection {
  const pool = connection.underlyingDriver();
  connection.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      (connection as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return connection;
}

export function migrateAdapter(url: string) {
  const main = new PrismaPg(poolConfig(url));
  return {
    provider: "postgres" as const,
    adapterName: main.adapterName,
    connect: async () => sendScriptsWhole(await main.connect()),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      const admin = new pg.Client(poolConfig(url));
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const shadow = sendScriptsWhole(await new PrismaPg(poolConfig(url, name)).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.end();
      };
      return shadow;
    },
  };
}
