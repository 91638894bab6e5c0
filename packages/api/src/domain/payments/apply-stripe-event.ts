import { Prisma, type Order, type Payment, type PrismaClient, type SqlTx, type Tx } from "@bazaar/db";
import type Stripe from "stripe";
import { notFound } from "../../errors";
import { publish, publishAllSql } from "../../events/publish";
import { checkSale, releaseOrderStock, sellOrderHoldsSql, type SaleCheck } from "../inventory";
import { lockOrderOfIntent, lockPaymentOfIntent, moveOrder, noteOrder, orderMoveSql, orderOfIntentForUpdate } from "../orders/transitions";
import { inSqlTransaction, inTransaction, KEYED } from "../transaction";
import { getPaymentGateway, type PaymentGateway } from "./gateway";
import { connectAccountUpdated, connectPayoutFailed, transferReversed } from "../ledger/connect-state";
import { closeDispute, openDispute } from "./disputes";
import { writePaymentSplit } from "../ledger/split-payment";
import { recordSucceededRefund, refundThroughGateway } from "./refunds";
import { releasePromo } from "../promotions/redemption";
import { restoreReservedPoints } from "../loyalty/points";

export interface StripeEventResult {
  /** "duplicate": this event id was applied before; "ignored": nothing to do for it. */
  outcome: "applied" | "duplicate" | "ignored";
  detail: string;
  /** What became of the order, for the metrics: confirmed by this payment, or failed with it. */
  order?: { outcome: "confirmed" | "failed"; createdAt: Date };
}

/**
 * Applies one verified Stripe event exactly once. The event id is recorded in the same
 * transaction as its effects: a concurrent second delivery waits on the unique key and then
 * finds it taken; a delivery whose work fails leaves no record, so Stripe's retry applies it.
 * Each handler also checks the payment's state under its row lock, so events arriving out of
 * order (a failure after a success) cannot undo what already happened.
 */
export async function applyStripeEvent(db: PrismaClient, event: Stripe.Event, gateway: PaymentGateway = getPaymentGateway()): Promise<StripeEventResult> {
  // A captured card payment, the event on every order's path, runs without Prisma's interactive
  // transaction (inSqlTransaction): its usual course is written out. Its rare courses (the wrong
  // amount, money after the order was given up) roll that back and run in the full one.
  if (event.type === "payment_intent.succeeded") {
    try {
      return await inSqlTransaction(db, (tx) => applyIn(tx, null, event, gateway), KEYED);
    } catch (error) {
      if (!(error instanceof NeedsFullTransaction)) throw error;
    }
  }
  return inTransaction(db, (tx) => applyIn(tx, tx, event, gateway));
}

/** Thrown by a course of an event that needs Prisma's client (`full`) where only written-out SQL runs. */
class NeedsFullTransaction extends Error {
  constructor() {
    super("this course of the event runs in a Prisma transaction");
  }
}

function needFull(full: Tx | null): Tx {
  if (!full) throw new NeedsFullTransaction();
  return full;
}

/** The event's effects in `tx`; `full` is the same transaction when it is Prisma's, else null. */
async function applyIn(tx: SqlTx, full: Tx | null, event: Stripe.Event, gateway: PaymentGateway): Promise<StripeEventResult> {
  // A captured payment records its event in the statement that locks its order (paymentSucceeded).
  if (event.type === "payment_intent.succeeded") return paymentSucceeded(tx, full, event, gateway);
  if ((await tx.$executeRaw(recordEvent(event))) === 0) return duplicateEvent(event);
  switch (event.type) {
    case "payment_intent.payment_failed":
      return paymentFailed(needFull(full), event.data.object);
    case "charge.refunded":
      return chargeRefunded(needFull(full), event.data.object, event.id);
    case "charge.dispute.created":
      return openDispute(needFull(full), event.data.object);
    case "charge.dispute.closed":
      return closeDispute(needFull(full), event.data.object);
    case "account.updated":
      return connectAccountUpdated(needFull(full), event.data.object);
    case "transfer.reversed":
      return transferReversed(needFull(full), event.data.object);
    case "payout.failed":
      return connectPayoutFailed(needFull(full), event.data.object, event.account);
    default:
      return { outcome: "ignored", detail: `Bazaar does not act on ${event.type}` };
  }
}

/**
 * The event's id recorded, written out (every Stripe event's path; a Prisma model query is
 * compiled on every call). A repeat inserts nothing: the event was applied before, or is being
 * applied by a concurrent delivery, which this one waits for on the unique key.
 */
function recordEvent(event: Stripe.Event): Prisma.Sql {
  const now = new Date();
  return Prisma.sql`
    INSERT INTO "WebhookEvent" ("id", "provider", "eventId", "type", "payload", "receivedAt", "processedAt")
    VALUES (gen_random_uuid()::text, 'stripe', ${event.id}, ${event.type}, ${JSON.stringify(event)}::jsonb, ${now}::timestamp(3), ${now}::timestamp(3))
    ON CONFLICT ("provider", "eventId") DO NOTHING`;
}

const duplicateEvent = (event: Stripe.Event): StripeEventResult => ({ outcome: "duplicate", detail: `event ${event.id} was already applied` });

/** The payment and its order for a PaymentIntent, locked order first (see orders/transitions.ts). */
async function lockByIntent(tx: SqlTx, paymentIntentId: string) {
  const order = await lockOrderOfIntent(tx, paymentIntentId);
  if (!order) return null;
  const payment = await lockPaymentOfIntent(tx, paymentIntentId);
  return { order, payment };
}

const unknownIntent = (id: string): StripeEventResult => ({ outcome: "ignored", detail: `no Bazaar payment has PaymentIntent ${id}` });

async function paymentSucceeded(tx: SqlTx, full: Tx | null, event: Stripe.PaymentIntentSucceededEvent, gateway: PaymentGateway): Promise<StripeEventResult> {
  const intent = event.data.object;
  // The event recorded, then the order and its payment locked in that order (as lockByIntent
  // does), in one round trip: the payment's lateral read joins on the order's row, so it runs after it.
  const [found] = await tx.$queryRaw<(Partial<Order> & { recorded: number } & LockedPaymentColumns)[]>`
    WITH "recorded" AS (${recordEvent(event)} RETURNING 1)
    SELECT (SELECT count(*) FROM "recorded")::int AS "recorded", o.*,
           p."id" AS "paymentId", p."status"::text AS "paymentStatus", p."amountCents" AS "paymentAmountCents", p."currency" AS "paymentCurrency"
      FROM (SELECT 1) AS "one"
      LEFT JOIN LATERAL (${orderOfIntentForUpdate(intent.id)}) AS o ON true
      LEFT JOIN LATERAL (SELECT "id", "status", "amountCents", "currency" FROM "Payment"
                          WHERE "providerPaymentId" = ${intent.id} AND "orderId" = o."id" FOR UPDATE) AS p ON true`;
  const { recorded, paymentId, paymentStatus, paymentAmountCents, paymentCurrency, ...row } = found!;
  if (recorded === 0) return duplicateEvent(event);
  if (!row.id) return unknownIntent(intent.id);
  if (!paymentId) throw notFound("The payment");
  const order = row as Order;
  const payment = { id: paymentId, status: paymentStatus, amountCents: paymentAmountCents, currency: paymentCurrency };
  if (payment.status === "CAPTURED" || payment.status === "REFUNDED") return { outcome: "ignored", detail: "the payment was already captured" };
  const mismatch = amountMismatch(intent, payment);
  // The rare courses below read the whole payment again (locked already, by this transaction).
  if (mismatch) return wrongAmountReceived(needFull(full), { order, payment: await lockPaymentOfIntent(tx, intent.id), intent, mismatch }, gateway);
  const late = order.status !== "PENDING_PAYMENT" ? needFull(full) : null;

  if (late) {
    const lockedPayment = await lockPaymentOfIntent(tx, intent.id);
    await late.$executeRaw(capturePayment(payment.id, new Date()));
    // The money came after the order was given up (expired, cancelled, or an earlier attempt
    // failed and released the stock): there is no sale to honour, so the buyer gets it back.
    await refundThroughGateway(
      late,
      { ...lockedPayment, status: "CAPTURED" },
      {
        shipmentId: null,
        amountCents: payment.amountCents,
        idempotencyKey: `refund:late-capture:${payment.id}`,
        reason: "Payment arrived after the order was cancelled",
        reverseLedger: false,
      },
      gateway,
    );
    await noteOrder(late, order, { note: "A payment arrived after this order was cancelled; it was refunded in full." });
    return { outcome: "applied", detail: "late payment refunded" };
  }

  // The order paid and confirmed, its stock sold, the payment captured, the paid cart closed and
  // its event in one statement (their rows are the order's own, locked above, or locked by the
  // sale in id order). A closed cart loses its guest token, so a guest's cookie opens a new cart
  // on its next add (the token is unique among all carts); an order without a cart (cartId null)
  // closes none.
  const move = orderMoveSql(order, [
    { to: "PAID", note: "Payment received" },
    { to: "CONFIRMED", note: "Order confirmed" },
  ]);
  const sale = sellOrderHoldsSql(order.id);
  const now = new Date();
  const [sold] = await tx.$queryRaw<SaleCheck[]>`
    WITH ${move.ctes}, ${sale.ctes},
         "captured" AS (${capturePayment(payment.id, now)}),
         "closed" AS (
           UPDATE "Cart" SET "status" = 'COMPLETED', "completedAt" = ${now}::timestamp(3), "guestToken" = NULL, "updatedAt" = ${now}::timestamp(3)
            WHERE "id" = ${order.cartId} AND "status" = 'CHECKOUT'),
         "published" AS (${publishAllSql(tx, [{ name: "order/confirmed", payload: { orderId: order.id } }])})
    SELECT ${sale.check}`;
  checkSale(order.id, sold);
  // The payment's ledger split in the same transaction: a captured payment is never without it,
  // and an order costs one transaction and one function run less than when the worker split it
  // on a `payment/captured` event (bench/README.md, session 21). Its three statements lock only
  // this order's shipments; the ledger's accounts are read, not locked.
  await writePaymentSplit(tx, payment.id);
  return { outcome: "applied", detail: "order confirmed", order: { outcome: "confirmed", createdAt: order.createdAt } };
}

/** The payment's columns in the captured payment's first statement. */
interface LockedPaymentColumns {
  paymentId: string | null;
  paymentStatus: Payment["status"];
  paymentAmountCents: number;
  paymentCurrency: string;
}

const capturePayment = (paymentId: string, at: Date) => Prisma.sql`
  UPDATE "Payment" SET "status" = 'CAPTURED', "capturedAt" = ${at}::timestamp(3), "failureMessage" = NULL, "updatedAt" = ${at}::timestamp(3)
   WHERE "id" = ${paymentId}`;

/** Why what Stripe says it received is not what the order costs, or null when it is. */
export function amountMismatch(
  intent: Pick<Stripe.PaymentIntent, "amount_received" | "currency">,
  payment: { amountCents: number; currency: string },
): string | null {
  if (intent.currency.toUpperCase() === payment.currency && intent.amount_received === payment.amountCents) return null;
  const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
  return `Stripe reported ${money(intent.amount_received, intent.currency)} received for a payment of ${money(payment.amountCents, payment.currency)}`;
}

/**
 * Money arrived, but not the amount the order costs (the PaymentIntent was changed outside
 * Bazaar): the order is not confirmed on it. What came in goes back to the buyer, the order is
 * cancelled and its stock released, and nothing reaches the ledger, as for a failed payment.
 */
async function wrongAmountReceived(
  tx: Tx,
  { order, payment, intent, mismatch }: { order: Order; payment: Payment; intent: Stripe.PaymentIntent; mismatch: string },
  gateway: PaymentGateway,
): Promise<StripeEventResult> {
  const refund =
    intent.amount_received > 0
      ? await gateway.refund({
          paymentIntentId: intent.id,
          amountCents: intent.amount_received,
          idempotencyKey: `refund:amount-mismatch:${payment.id}`,
          reason: "The amount received did not match the order",
        })
      : null;
  const message = `${mismatch}; not accepted${refund ? `, refunded in full (${refund.id})` : ""}.`;
  await tx.payment.update({ where: { id: payment.id }, data: { status: "FAILED", failureMessage: message, failedAt: new Date() } });
  if (order.status !== "PENDING_PAYMENT") {
    await noteOrder(tx, order, { note: message });
    return { outcome: "applied", detail: "wrong amount received after the order was closed: refunded" };
  }
  await cancelUnpaidOrder(tx, order, payment, { reason: message, note: "Cancelled because the amount paid did not match the order" });
  return { outcome: "applied", detail: "wrong amount received: refunded, order cancelled, stock released" };
}

/**
 * A declined attempt. As with Stripe's PaymentIntent (back to `requires_payment_method`), the
 * order stays open: its stock stays held and its promo code kept until it is paid with another
 * card, cancelled, or its payment time runs out (expire-unpaid-orders). The buyer retries on the
 * same order, under the same number.
 */
async function paymentFailed(tx: Tx, intent: Stripe.PaymentIntent): Promise<StripeEventResult> {
  const locked = await lockByIntent(tx, intent.id);
  if (!locked) return unknownIntent(intent.id);
  const { order, payment } = locked;
  if (payment.status !== "CREATED") return { outcome: "ignored", detail: `the payment is already ${payment.status.toLowerCase()}` };

  const message = intent.last_payment_error?.message ?? "The payment failed.";
  await tx.payment.update({ where: { id: payment.id }, data: { failureMessage: message, failedAt: new Date() } });
  if (order.status !== "PENDING_PAYMENT") return { outcome: "applied", detail: "payment failed after the order was closed" };

  await noteOrder(tx, order, { note: `Payment declined: ${message}` });
  await publish(tx, "payment/failed", { paymentId: payment.id, orderId: order.id, reason: message });
  return { outcome: "applied", detail: "payment declined; the order waits for another card", order: { outcome: "failed", createdAt: order.createdAt } };
}

/** An order whose payment did not go through: cancelled, its stock released, its cart shoppable again. */
async function cancelUnpaidOrder(
  tx: Tx,
  order: Order,
  payment: Payment,
  { reason, note, cancelReason = reason }: { reason: string; note: string; cancelReason?: string },
) {
  await moveOrder(tx, order, "PAYMENT_FAILED", { note: reason });
  await moveOrder(tx, order, "CANCELLED", { note, cancelReason });
  await releaseOrderStock(tx, order.id, "RELEASED");
  await releasePromo(tx, order.id);
  await restoreReservedPoints(tx, order.id);
  // The buyer keeps their cart and can check out again (with another card).
  if (order.cartId) await tx.cart.updateMany({ where: { id: order.cartId, status: "CHECKOUT" }, data: { status: "ACTIVE", lastActivityAt: new Date() } });
  await publish(tx, "payment/failed", { paymentId: payment.id, orderId: order.id, reason });
}

/**
 * Refunds show up here whoever made them. `amount_refunded` is the charge's running total, so
 * what exceeds what we have recorded is a refund made outside Bazaar (in the Stripe dashboard);
 * our own refunds were recorded when we made them, and an older event finds nothing new.
 * Stock does not move: we do not know what, if anything, came back.
 */
async function chargeRefunded(tx: Tx, charge: Stripe.Charge, eventId: string): Promise<StripeEventResult> {
  const intentId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  if (!intentId) return { outcome: "ignored", detail: "the charge has no PaymentIntent" };
  const locked = await lockByIntent(tx, intentId);
  if (!locked) return unknownIntent(intentId);
  const { order, payment } = locked;
  const unrecorded = charge.amount_refunded - payment.refundedCents;
  if (unrecorded <= 0 || payment.status !== "CAPTURED") return { outcome: "ignored", detail: "every refund of this charge is recorded" };

  const latest = charge.refunds?.data[0]?.id ?? null;
  const known = latest ? await tx.refund.findUnique({ where: { providerRefundId: latest }, select: { id: true } }) : null;
  await recordSucceededRefund(tx, {
    paymentId: payment.id,
    shipmentId: null,
    amountCents: unrecorded,
    providerRefundId: known ? null : latest,
    idempotencyKey: `stripe-event:${eventId}`,
    reason: "Refunded in the Stripe dashboard",
  });
  await noteOrder(tx, order, { note: `${(unrecorded / 100).toFixed(2)} ${payment.currency} refunded outside Bazaar` });
  return { outcome: "applied", detail: "external refund recorded" };
}
