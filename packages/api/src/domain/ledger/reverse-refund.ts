import type { Tx } from "@bazaar/db";
import { ensurePlatformLedgerAccounts } from "./accounts";
import { shipmentBalance } from "./payout-holds";
import { disputedByShipment, sellerSidesFor, tellSellersInDebt, type SellerSide } from "./seller-side";
import { postLedgerTransaction, type LedgerLine } from "./post";
import { allocateByWeight } from "../money";
import { reverseFundedRefund, type FundedRefundReversal } from "./split";
import { splitFundingOf } from "./split-payment";
import { onRefundReversed } from "../loyalty/lifecycle";

export const refundIdempotencyKey = (refundId: string) => `refund:${refundId}`;

/**
 * Posts the ledger reversal of a succeeded refund and adds it to the shipments' refunded totals.
 * A refund for one shipment comes back from that seller; a refund for the whole payment (one
 * made outside Bazaar, say) is spread over the shipments in proportion to what is still
 * refundable. Each shipment's part comes back from the seller and the platform in the proportion
 * the split gave them (see `reverseForRefund`). The seller's part comes out of their pending
 * funds while the shipment is in its payout hold, out of their payable after (which can then go
 * below zero: they are told). A part with loyalty discounts also gives back the same share of the
 * redeemed points (to the buyer, as points) and of Bazaar's tier funding (see `reverseFundedRefund`);
 * the points the part earned shrink. The caller holds the payment's row lock.
 */
export async function writeRefundReversal(tx: Tx, refundId: string): Promise<{ transactionId: string }> {
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: { payment: { select: { orderId: true, currency: true, order: { select: { number: true, buyerId: true } } } } },
  });
  const existing = await tx.ledgerTransaction.findUnique({ where: { idempotencyKey: refundIdempotencyKey(refundId) }, select: { id: true } });
  if (existing) return { transactionId: existing.id };

  const fundingOf = await splitFundingOf(tx, refund.paymentId);

  const shipments = await tx.shipment.findMany({
    where: { orderId: refund.payment.orderId, ...(refund.shipmentId ? { id: refund.shipmentId } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true, sellerId: true, totalCents: true, refundedCents: true },
  });
  const disputed = await disputedByShipment(
    tx,
    shipments.map((s) => s.id),
  );
  const parts = allocateByWeight(
    refund.amountCents,
    shipments.map((s) => Math.max(0, s.totalCents - s.refundedCents - (disputed.get(s.id) ?? 0))),
  );

  const { currency } = refund.payment;
  const platform = await ensurePlatformLedgerAccounts(tx, currency);
  const sides = await sellerSidesFor(
    tx,
    shipments.filter((_, i) => (parts[i] ?? 0) > 0),
    currency,
  );
  const lines: LedgerLine[] = [];
  let pointsBack = 0;
  for (const [i, shipment] of shipments.entries()) {
    const amount = parts[i] ?? 0;
    if (amount === 0) continue;
    const reversal = reverseFundedRefund({
      totalCents: shipment.totalCents,
      funding: fundingOf(shipment.id),
      refundedBeforeCents: shipment.refundedCents,
      refundCents: amount,
    });
    const side = sides.get(shipment.id);
    if (!side) throw new Error(`shipment ${shipment.id} was not locked for the refund`);
    lines.push(...(await takeBackLines(tx, { shipmentId: shipment.id, side, reversal, platform })), {
      accountId: platform.clearingId,
      direction: "CREDIT",
      amountCents: amount,
      shipmentId: shipment.id,
    });
    pointsBack += reversal.pointsBackCents;
    await tx.shipment.update({ where: { id: shipment.id }, data: { refundedCents: { increment: amount } } });
  }
  lines.push(
    { accountId: platform.clearingId, direction: "DEBIT", amountCents: refund.amountCents },
    { accountId: platform.buyerExternalId, direction: "CREDIT", amountCents: refund.amountCents },
  );
  const posted = await postLedgerTransaction(tx, {
    kind: "REFUND",
    idempotencyKey: refundIdempotencyKey(refundId),
    description: `Order #${refund.payment.order.number}: refund${refund.reason ? ` (${refund.reason})` : ""}`,
    currency,
    paymentId: refund.paymentId,
    orderId: refund.payment.orderId,
    lines,
  });
  await tellSellersInDebt(tx, sides.values(), { currency, transactionId: posted.id, cause: `A refund on order #${refund.payment.order.number}` });
  await onRefundReversed(tx, {
    refundId,
    orderId: refund.payment.orderId,
    orderNumber: refund.payment.order.number,
    buyerId: refund.payment.order.buyerId,
    pointsBack,
    shipmentIds: shipments.filter((_, i) => (parts[i] ?? 0) > 0).map((s) => s.id),
  });
  return { transactionId: posted.id };
}

/**
 * The lines that take one shipment's share of a sale back (a refund's, or a dispute's while it is
 * open): the seller's part from their pending funds or payable, the commission from Bazaar, and
 * the loyalty funding the split put in given back (points to the liability, Bazaar's tier funding
 * to its commission and loyalty expense). They leave `reversal`'s cash amount for the caller to
 * credit where the money goes (clearing for a refund, the disputes-held account for a dispute).
 */
export async function takeBackLines(
  tx: Tx,
  input: { shipmentId: string; side: SellerSide; reversal: FundedRefundReversal; platform: Awaited<ReturnType<typeof ensurePlatformLedgerAccounts>> },
): Promise<LedgerLine[]> {
  const { shipmentId, side, reversal, platform } = input;
  // A dispute's share and a refund's share of the commission round separately: never take more
  // than is still pending of the sale; the cent or so left over comes from the commission.
  const sellerCents = side.released ? reversal.sellerCents : Math.min(reversal.sellerCents, Math.max(0, await shipmentBalance(tx, side.accountId, shipmentId)));
  return [
    { accountId: side.accountId, direction: "DEBIT", amountCents: sellerCents, shipmentId },
    { accountId: platform.revenueId, direction: "DEBIT", amountCents: reversal.commissionCents + reversal.sellerCents - sellerCents, shipmentId },
    { accountId: platform.revenueId, direction: "CREDIT", amountCents: reversal.fromCommissionBackCents, shipmentId },
    { accountId: platform.loyaltyExpenseId, direction: "CREDIT", amountCents: reversal.expenseBackCents, shipmentId },
    { accountId: platform.pointsLiabilityId, direction: "CREDIT", amountCents: reversal.pointsBackCents, shipmentId },
  ];
}
