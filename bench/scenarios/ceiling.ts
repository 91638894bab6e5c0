// The database's own ceiling for the one write every purchase makes: a reservation. Each of
// `connections` clients loops over one transaction (conditional UPDATE of a stock row, INSERT
// of the reservation, COMMIT), the same statements the app's cart runs, without the app. The
// app's add-to-cart figures are read as a share of this.
import pg from "pg";
import { createCpuTracker } from "../lib/proc";
import { round, summarize, type LatencySummary } from "../lib/stats";

export interface CeilingFigures {
  transactions: number;
  /** Transactions whose guard found no stock (never, with the benchmark's deep stock). */
  refused: number;
  durationS: number;
  tps: number;
  latency: LatencySummary;
  errors: number;
  /** CPU time of the PostgreSQL server processes per transaction: the database's own cost of a reservation. */
  dbCpuMsPerTx: number;
}

const RESERVE = `UPDATE "StockLevel" SET "reserved" = "reserved" + 1, "updatedAt" = now()
  WHERE "id" = $1 AND "onHand" - "reserved" - "allocated" >= 1 RETURNING "productId", "variantId"`;
const INSERT = `INSERT INTO "Reservation" ("id", "stockLevelId", "productId", "variantId", "quantity", "type", "expiresAt", "updatedAt")
  VALUES ('ceiling_' || gen_random_uuid(), $1, $2, $3, 1, 'SOFT', now() + interval '15 minutes', now())`;

export async function runCeiling(
  databaseUrl: string,
  options: { connections: number; durationMs: number; stockLevelIds: readonly string[] },
): Promise<CeilingFigures> {
  const clients = await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const backends = { postgres: clients.map((client) => (client as unknown as { processID: number }).processID) };
  const cpuOf = createCpuTracker();
  const cpuBefore = cpuOf(backends).postgres ?? 0;
  const samples: number[] = [];
  let refused = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  let cpuAfter: number;
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const stockLevelId = options.stockLevelIds[Math.floor(Math.random() * options.stockLevelIds.length)] as string;
          const begun = performance.now();
          try {
            await client.query("BEGIN");
            const { rows } = await client.query<{ productId: string; variantId: string }>({ name: "bench_reserve", text: RESERVE, values: [stockLevelId] });
            if (rows[0]) await client.query({ name: "bench_insert_reservation", text: INSERT, values: [stockLevelId, rows[0].productId, rows[0].variantId] });
            else refused++;
            await client.query("COMMIT");
            samples.push(performance.now() - begun);
          } catch {
            errors++;
            await client.query("ROLLBACK").catch(() => undefined);
          }
        }
      }),
    );
  } finally {
    cpuAfter = cpuOf(backends).postgres ?? 0;
    await Promise.all(clients.map((client) => client.end()));
  }
  const durationS = (performance.now() - started) / 1000;
  return {
    transactions: samples.length,
    refused,
    durationS: round(durationS, 2),
    tps: round(samples.length / durationS),
    latency: summarize(samples),
    errors,
    dbCpuMsPerTx: samples.length ? round((cpuAfter - cpuBefore) / samples.length, 2) : 0,
  };
}

/** Takes the ceiling's reservations back out, so the app's runs start from untouched stock. */
export async function undoCeiling(pool: pg.Pool): Promise<void> {
  await pool.query(`DELETE FROM "Reservation" WHERE "id" LIKE 'ceiling\\_%'`);
  await pool.query(
    `UPDATE "StockLevel" s SET "reserved" = COALESCE((SELECT sum(r."quantity") FROM "Reservation" r
        WHERE r."stockLevelId" = s."id" AND r."type" = 'SOFT' AND r."status" = 'ACTIVE'), 0)
      WHERE s."id" LIKE 'bench\\_s\\_%'`,
  );
}
