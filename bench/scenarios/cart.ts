// Add to cart over HTTP as signed-in buyers: the cart.add tRPC mutation, the storefront's own
// route, session cookie and all. Once spread over many SKUs (rows rarely collide) and once on a
// single hot SKU (every request queues for one stock row), then a burst for the last few units
// of the hot SKU, which must sell exactly those units and not one more.
import type pg from "pg";
import { HOT_PRODUCT_ID, setHotAvailable } from "../lib/fixtures";
import { trpcMutation, type HttpClient } from "../lib/http";
import { closedLoop, type CounterReader, type CpuReader, type LoadFigures } from "../lib/load";

export interface SignedInBuyer {
  id: string;
  cookie: string;
}

export interface HotStockCheck {
  /** Units the app said it reserved (200 answers) vs what the stock row says it holds. */
  unitsAnswered: number;
  unitsHeld: number;
  reservationsMatchRow: boolean;
  burst: { available: number; buyers: number; succeeded: number; refused: number; failed: number; availableAfter: number };
  /** Units handed out beyond what there was: must be 0. */
  oversold: number;
  /** Units answered but not held, or held without a reservation behind them (a client-side timeout can cause the first): must be 0. */
  mismatched: number;
}

interface StockRow {
  onHand: number;
  reserved: number;
  allocated: number;
  heldByReservations: number;
}

async function hotRow(pool: pg.Pool): Promise<StockRow> {
  const { rows } = await pool.query<StockRow>(
    `SELECT s."onHand", s."reserved", s."allocated",
            (SELECT COALESCE(sum(r."quantity"), 0)::int FROM "Reservation" r
              WHERE r."stockLevelId" = s."id" AND r."type" = 'SOFT' AND r."status" = 'ACTIVE') AS "heldByReservations"
       FROM "StockLevel" s WHERE s."productId" = $1`,
    [HOT_PRODUCT_ID],
  );
  if (!rows[0]) throw new Error("the hot product has no stock row");
  return rows[0];
}

/**
 * Connection `worker` takes turns with buyers worker, worker + connections, worker + 2 * connections...,
 * so every buyer has at most one request in flight.
 */
function buyerFor(buyers: readonly SignedInBuyer[], connections: number, worker: number, iteration: number): SignedInBuyer {
  const perConnection = Math.max(1, Math.floor(buyers.length / connections));
  return buyers[(worker + connections * (iteration % perConnection)) % buyers.length] as SignedInBuyer;
}

export async function runAddToCart(
  client: HttpClient,
  buyers: readonly SignedInBuyer[],
  options: { connections: number; durationMs: number; variantIds: readonly string[]; cpu?: CpuReader; statements?: CounterReader },
): Promise<LoadFigures> {
  return closedLoop({
    client,
    connections: options.connections,
    durationMs: options.durationMs,
    cpu: options.cpu,
    statements: options.statements,
    next: (worker, iteration) => {
      const variantId = options.variantIds[Math.floor(Math.random() * options.variantIds.length)] as string;
      return trpcMutation("cart.add", { variantId, quantity: 1 }, buyerFor(buyers, options.connections, worker, iteration).cookie);
    },
  });
}

export async function runHotSku(
  client: HttpClient,
  pool: pg.Pool,
  buyers: readonly SignedInBuyer[],
  options: { connections: number; durationMs: number; burstUnits: number; cpu?: CpuReader; statements?: CounterReader },
): Promise<{ load: LoadFigures; check: HotStockCheck }> {
  const before = await hotRow(pool);
  let unitsAnswered = 0;
  const load = await closedLoop({
    client,
    connections: options.connections,
    durationMs: options.durationMs,
    cpu: options.cpu,
    statements: options.statements,
    next: (worker, iteration) =>
      trpcMutation("cart.add", { productId: HOT_PRODUCT_ID, quantity: 1 }, buyerFor(buyers, options.connections, worker, iteration).cookie),
    onResponse: (response) => {
      if (response.status === 200) unitsAnswered++;
    },
  });
  const after = await hotRow(pool);
  const unitsHeld = after.reserved - before.reserved;

  // The last `burstUnits` units, wanted by up to four times as many buyers at the same moment.
  await setHotAvailable(pool, options.burstUnits);
  const contenders = buyers.slice(0, Math.min(buyers.length, options.burstUnits * 4));
  const answers = await Promise.all(
    contenders.map((buyer) =>
      client.request(trpcMutation("cart.add", { productId: HOT_PRODUCT_ID, quantity: 1 }, buyer.cookie)).then(
        (response) => response.status,
        () => 0,
      ),
    ),
  );
  const end = await hotRow(pool);
  const succeeded = answers.filter((status) => status === 200).length;
  const refused = answers.filter((status) => status === 409).length;
  const availableAfter = end.onHand - end.reserved - end.allocated;
  const oversold = Math.max(0, succeeded - options.burstUnits) + Math.max(0, -availableAfter);
  const mismatched = Math.abs(unitsAnswered - unitsHeld) + Math.abs(end.reserved - end.heldByReservations);
  return {
    load,
    check: {
      unitsAnswered,
      unitsHeld,
      reservationsMatchRow: end.reserved === end.heldByReservations,
      burst: { available: options.burstUnits, buyers: contenders.length, succeeded, refused, failed: answers.length - succeeded - refused, availableAfter },
      oversold,
      mismatched,
    },
  };
}
