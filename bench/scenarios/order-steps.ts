// An order's CPU step by step: every buyer adds a product, then every buyer checks out, then every
// buyer pays, then the worker's mails are waited for. `checkout` measures orders the way a busy
// store sees them (all steps of 64 buyers at once); this says which step the CPU goes to, a few
// buyers at a time so that queueing adds little. The worker relays an order's events while the
// payments are still coming in, so most of its share lands in the payment's step.
import type pg from "pg";
import { mapConcurrent, type HttpClient } from "../lib/http";
import { readCounters, type CounterReader } from "../lib/load";
import type { SignedInBuyer } from "./cart";
import { addRandomSku, payWithGoodCard, startCheckout, waitForConfirmed, type PlacedOrder } from "./checkout";

export const ORDER_STEPS = ["add", "checkout", "pay", "mails"] as const;
export type OrderStep = (typeof ORDER_STEPS)[number];

export interface OrderStepFigures {
  orders: number;
  concurrency: number;
  /** CPU ms per order spent in each step, by process group. */
  cpuMsPerOrder: Record<OrderStep, Record<string, number>>;
  /** Statements per order sent in each step, by process. */
  statementsPerOrder: Record<OrderStep, Record<string, number>>;
  /** Orders still without their split or confirmation mail when the wait gave up. */
  unconfirmed: number;
}

export async function runOrderSteps(
  client: HttpClient,
  pool: pg.Pool,
  buyers: readonly SignedInBuyer[],
  options: { concurrency: number; variantIds: readonly string[]; confirmTimeoutMs: number; cpu?: CounterReader; statements?: CounterReader },
): Promise<OrderStepFigures> {
  const cpuMsPerOrder = {} as OrderStepFigures["cpuMsPerOrder"];
  const statementsPerOrder = {} as OrderStepFigures["statementsPerOrder"];
  const step = async (name: OrderStep, work: () => Promise<unknown>) => {
    const counted = await readCounters(options.cpu, options.statements);
    await work();
    const perOrder = await counted(buyers.length);
    cpuMsPerOrder[name] = perOrder.cpuMsPerRequest;
    statementsPerOrder[name] = perOrder.statementsPerRequest;
  };
  const each = <T>(items: readonly T[], fn: (item: T) => Promise<unknown>) => mapConcurrent(items, options.concurrency, fn);

  await step("add", () => each(buyers, (buyer) => addRandomSku(client, buyer.cookie, options.variantIds)));
  const orders: (PlacedOrder & { cookie: string })[] = [];
  await step("checkout", () => each(buyers, async (buyer) => orders.push({ ...(await startCheckout(client, buyer.cookie)), cookie: buyer.cookie })));
  await step("pay", () => each(orders, (order) => payWithGoodCard(client, order, order.cookie)));
  let unconfirmed = 0;
  await step("mails", async () => {
    unconfirmed = await waitForConfirmed(pool, orders, options.confirmTimeoutMs);
  });
  return { orders: orders.length, concurrency: options.concurrency, cpuMsPerOrder, statementsPerOrder, unconfirmed };
}
