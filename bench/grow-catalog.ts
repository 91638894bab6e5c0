// Grows the catalogue of the database at DATABASE_URL to N products (see lib/catalog.ts).
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mydb node --import tsx bench/grow-catalog.ts 100000
import pg from "pg";
import { growCatalog } from "./lib/catalog";

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new Error("usage: grow-catalog.ts <products, 1 to 10,000,000>");
if (!process.env.DATABASE_URL) throw new Error("set DATABASE_URL to the database to grow");
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
try {
  const { before, after, ms } = await growCatalog(pool, n);
  console.log(`catalogue: ${before} -> ${after} products in ${(ms / 1000).toFixed(1)} s`);
} finally {
  await pool.end();
}
