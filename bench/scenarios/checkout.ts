// From cart to a confirmed, paid, split order: each buyer adds a product, checks out, pays
// with the simulator's good test card (which delivers the signed webhook to the storefront
// before it answers), and the order counts as done once its ledger split is written and the
// worker has stored the buyer's confirmation mail (what the order's `order/confirmed` sets off),
// so that the worker's share of every counted order falls inside the phase. `connections`
// buyers go at once.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { trpcData, trpcMutation, type HttpClient } from "../lib/http";
import { mapConcurrent } from "../lib/http";
import { readCounters, type CounterReader, type CpuReader } from "../lib/load";
import { round, summarize, type LatencySummary } from "../lib/stats";
import type { SignedInBuyer } from "./cart";

export interface CheckoutFigures {
  buyers: number;
  /** Buyers who started before the time budget ran out (the rest are not counted). */
  attempted: number;
  confirmed: number;
  failed: number;
  /** The first few failures' messages. */
  failures: string[];
  /** Until the last ledger split was written. */
  durationS: number;
  ordersPerSec: number;
  /** Until the last payment answered (the webhook applied), without waiting for the splits. */
  paidDurationS: number;
  checkout: LatencySummary;
  addToCart: LatencySummary;
  pay: LatencySummary;
  /** Orders still without their split or their confirmation mail when the wait gave up. */
  splitsMissing: number;
  /** CPU time of the app processes per confirmed order (all its requests, the webhook and the worker's split). */
  cpuMsPerOrder: Record<string, number>;
  /** Statements per confirmed order (add, checkout, pay, split), by process. */
  statementsPerOrder: Record<string, number>;
}

const SHIPPING_ADDRESS = { fullName: "Bench Buyer", line1: "1 Benchmark Way", city: "Springfield", region: "IL", postalCode: "62701", country: "US" };
const GOOD_CARD = "4242424242424242";

// An order's three requests, as `checkout` and `steps` both make them. Each throws when the
// storefront refuses, and adds the request's time to `times` when given (a failed payment's too).

/** `cart.add` of one unit of a random SKU of `variantIds`. */
export async function addRandomSku(client: HttpClient, cookie: string, variantIds: readonly string[], times?: number[]): Promise<void> {
  const variantId = variantIds[Math.floor(Math.random() * variantIds.length)] as string;
  const added = await client.request(trpcMutation("cart.add", { variantId, quantity: 1 }, cookie));
  trpcData(added);
  times?.push(added.ms);
}

export interface PlacedOrder {
  orderId: string;
  paymentId: string;
  paymentIntentId: string;
  clientSecret: string;
}

/** `checkout.start` of the buyer's cart to the bench's US address. */
export async function startCheckout(client: HttpClient, cookie: string, times?: number[]): Promise<PlacedOrder> {
  const placed = await client.request(trpcMutation("checkout.start", { idempotencyKey: `bench-${randomUUID()}`, shippingAddress: SHIPPING_ADDRESS }, cookie));
  const order = trpcData<PlacedOrder>(placed);
  times?.push(placed.ms);
  return order;
}

/** `payments.simulatorConfirm` with the good test card; throws unless the payment succeeded. */
export async function payWithGoodCard(client: HttpClient, order: PlacedOrder, cookie: string, times?: number[]): Promise<void> {
  const paid = await client.request(
    trpcMutation("payments.simulatorConfirm", { paymentIntentId: order.paymentIntentId, clientSecret: order.clientSecret, cardNumber: GOOD_CARD }, cookie),
  );
  const outcome = trpcData<{ status: string; message: string | null }>(paid);
  times?.push(paid.ms);
  if (outcome.status !== "succeeded") throw new Error(`payment ${outcome.status}: ${outcome.message}`);
}

/**
 * Waits until every order is split in the ledger and the worker has stored its buyer's
 * confirmation mail (the worker relays the outbox on its own schedule), for at most `timeoutMs`.
 * Returns how many orders are still missing either.
 */
export async function waitForConfirmed(pool: pg.Pool, orders: readonly { paymentId: string; orderId: string }[], timeoutMs: number): Promise<number> {
  let missing = orders.length;
  const deadline = Date.now() + timeoutMs;
  while (missing > 0 && Date.now() < deadline) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM unnest($1::text[], $2::text[]) AS o("paymentId", "orderId")
        WHERE EXISTS (SELECT 1 FROM "LedgerTransaction" t WHERE t."kind" = 'PAYMENT_SPLIT' AND t."paymentId" = o."paymentId")
          AND EXISTS (SELECT 1 FROM "Email" e WHERE e."dedupeKey" = 'order-confirmation:' || o."orderId")`,
      [orders.map((order) => order.paymentId), orders.map((order) => order.orderId)],
    );
    missing = orders.length - (rows[0]?.n ?? 0);
    if (missing > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return missing;
}

export async function runCheckout(
  client: HttpClient,
  pool: pg.Pool,
  buyers: readonly SignedInBuyer[],
  options: {
    connections: number;
    variantIds: readonly string[];
    budgetMs: number;
    splitTimeoutMs: number;
    cpu?: CpuReader;
    statements?: CounterReader;
  },
): Promise<CheckoutFigures> {
  const addTimes: number[] = [];
  const checkoutTimes: number[] = [];
  const payTimes: number[] = [];
  const failures: string[] = [];
  const paidOrders: { paymentId: string; orderId: string }[] = [];
  const counted = await readCounters(options.cpu, options.statements);
  const started = performance.now();
  let attempted = 0;

  await mapConcurrent(buyers, options.connections, async (buyer) => {
    // On a slow machine a fixed number of buyers could take many minutes: stop starting new ones.
    if (performance.now() - started > options.budgetMs) return;
    attempted++;
    try {
      await addRandomSku(client, buyer.cookie, options.variantIds, addTimes);
      const order = await startCheckout(client, buyer.cookie, checkoutTimes);
      await payWithGoodCard(client, order, buyer.cookie, payTimes);
      paidOrders.push({ paymentId: order.paymentId, orderId: order.orderId });
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  });
  const paidAt = performance.now();

  const missing = await waitForConfirmed(pool, paidOrders, options.splitTimeoutMs);
  const durationS = (performance.now() - started) / 1000;
  const confirmed = paidOrders.length - missing;
  const perOrder = await counted(confirmed);
  return {
    buyers: buyers.length,
    attempted,
    confirmed,
    failed: failures.length,
    failures: failures.slice(0, 5),
    durationS: round(durationS, 2),
    ordersPerSec: round(confirmed / durationS),
    paidDurationS: round((paidAt - started) / 1000, 2),
    checkout: summarize(checkoutTimes),
    addToCart: summarize(addTimes),
    pay: summarize(payTimes),
    splitsMissing: missing,
    cpuMsPerOrder: perOrder.cpuMsPerRequest,
    statementsPerOrder: perOrder.statementsPerRequest,
  };
}
