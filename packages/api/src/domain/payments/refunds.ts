import type { Payment, Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { publish } from "../../events/publish";
import { writeRefundReversal } from "../ledger/reverse-refund";
import { formatMoney } from "../money";
import { getPaymentGateway, type PaymentGateway } from "./gateway";

export interface RecordRefundInput {
  paymentId: string;
  /** The seller's part refunded; null spreads the refund over the order's shipments. */
  shipmentId: string | null;
  amountCents: number;
  providerRefundId: string | null;
  idempotencyKey: string;
  reason: string | null;
  /** The units this refund is for, when it is for units: counted on their order lines. */
  items?: { orderItemId: string; quantity: number }[];
  /**
   * False for a payment that never became a sale (it arrived after its order was cancelled):
   * it was never split, so there is nothing to reverse.
   */
  reverseLedger?: boolean;
}

/**
 * Records a refund the provider made: the refund row, the refunded totals of payment and order,
 * and the ledger reversal, in the caller's transaction (which holds the order and payment locks).
 */
export async function recordSucceededRefund(tx: Tx, input: RecordRefundInput) {
  const existing = await tx.refund.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return existing;
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId } });
  // What an open or lost dispute holds went back to the buyer through their bank, or may.
  const refundable = payment.amountCents - payment.refundedCents - payment.disputedCents;
  if (input.amountCents <= 0 || input.amountCents > refundable) {
    throw new DomainError(
      "CONFLICT",
      `Only ${formatMoney(Math.max(refundable, 0), payment.currency)} of this payment can still be refunded${payment.disputedCents > 0 ? " (a dispute holds part of it)" : ""}.`,
      { refundableCents: refundable },
    );
  }
  const refund = await tx.refund.create({
    data: {
      paymentId: payment.id,
      shipmentId: input.shipmentId,
      amountCents: input.amountCents,
      currency: payment.currency,
      status: "SUCCEEDED",
      providerRefundId: input.providerRefundId,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
      ...(input.items?.length ? { items: { create: input.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })) } } : {}),
    },
  });
  for (const item of input.items ?? []) {
    // The CHECK on refundedQuantity <= quantity refuses refunding a unit twice, whatever raced.
    await tx.orderItem.update({ where: { id: item.orderItemId }, data: { refundedQuantity: { increment: item.quantity } } });
  }
  const fullyRefunded = payment.refundedCents + input.amountCents === payment.amountCents;
  await tx.payment.update({
    where: { id: payment.id },
    data: { refundedCents: { increment: input.amountCents }, ...(fullyRefunded ? { status: "REFUNDED" } : {}) },
  });
  await tx.order.update({ where: { id: payment.orderId }, data: { refundedCents: { increment: input.amountCents } } });
  if (input.reverseLedger !== false) await writeRefundReversal(tx, refund.id);
  await publish(tx, "payment/refunded", { refundId: refund.id, paymentId: payment.id, orderId: payment.orderId });
  return refund;
}

/**
 * Refunds through the provider, then records it. Runs inside the caller's transaction holding
 * the order and payment locks: a `charge.refunded` webhook for this very refund waits on the
 * payment lock and then finds it recorded. Should the transaction fail after the provider
 * refunded, a retry with the same idempotency key gets the same provider refund back.
 */
export async function refundThroughGateway(
  tx: Tx,
  payment: Pick<Payment, "id" | "providerPaymentId" | "status">,
  input: Omit<RecordRefundInput, "paymentId" | "providerRefundId">,
  gateway: PaymentGateway = getPaymentGateway(),
) {
  const existing = await tx.refund.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return existing;
  if (payment.status !== "CAPTURED" || !payment.providerPaymentId) {
    throw new DomainError("CONFLICT", "Only a captured payment can be refunded.");
  }
  const { id } = await gateway.refund({
    paymentIntentId: payment.providerPaymentId,
    amountCents: input.amountCents,
    idempotencyKey: input.idempotencyKey,
    reason: input.reason ?? undefined,
  });
  return recordSucceededRefund(tx, { ...input, paymentId: payment.id, providerRefundId: id });
}
