import type { PrismaClient, Tx } from "@bazaar/db";
import { DomainError, notFound } from "../../errors";
import { ensurePlatformLedgerAccounts, ensureSellerLedgerAccounts, lockShipments, sellerAccountFor } from "./accounts";
import { defaultCommissionBps } from "./commission";
import { postLedgerTransaction, type LedgerLine } from "./post";
import { splitFundedGross, type FundedShipmentSplit } from "./split";

export const splitIdempotencyKey = (paymentId: string) => `split:${paymentId}`;

/**
 * Writes the ledger split of a captured payment, once: buyer external -> clearing for the gross;
 * clearing -> each seller's pending funds (their items, shipping and tax minus commission; the
 * payout hold releases them to the payable later, see payout-holds.ts) and platform revenue (the
 * commission), each line carrying its shipment. Loyalty discounts are topped up into clearing from
 * the points liability and Bazaar's commission (then its loyalty expense), so the seller is paid
 * their full share (see split.ts).
 */
export async function splitPayment(db: PrismaClient, paymentId: string): Promise<{ transactionId: string; created: boolean }> {
  return db.$transaction((tx) => writePaymentSplit(tx, paymentId));
}

/** `splitPayment` inside the caller's transaction (a refund makes sure the split exists first). */
export async function writePaymentSplit(tx: Tx, paymentId: string): Promise<{ transactionId: string; created: boolean }> {
  // The payment row lock makes concurrent splits of one payment wait, then find the first one's work.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Payment" WHERE id = ${paymentId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("The payment");
  const existing = await tx.ledgerTransaction.findUnique({ where: { idempotencyKey: splitIdempotencyKey(paymentId) }, select: { id: true } });
  if (existing) return { transactionId: existing.id, created: false };

  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { order: { include: { shipments: { include: { seller: { select: { commissionBps: true } } }, orderBy: { createdAt: "asc" } } } } },
  });
  if (payment.status !== "CAPTURED" && payment.status !== "REFUNDED") {
    throw new DomainError("PRECONDITION_FAILED", `Payment ${paymentId} is ${payment.status}; only captured payments are split.`);
  }
  const currency = payment.currency;
  const platformDefault = await defaultCommissionBps(tx);
  const splits = splitFundedGross(
    payment.amountCents,
    payment.order.shipments.map((s) => ({
      shipmentId: s.id,
      sellerId: s.sellerId,
      subtotalCents: s.subtotalCents,
      discountCents: s.discountCents,
      shippingCents: s.shippingCents,
      taxCents: s.taxCents,
      totalCents: s.totalCents,
      tierDiscountCents: s.tierDiscountCents,
      shippingDiscountCents: s.shippingDiscountCents,
      pointsDiscountCents: s.pointsDiscountCents,
      sellerFundedCents: s.sellerFundedCents,
      commissionBps: s.seller.commissionBps ?? platformDefault,
    })),
  );

  const platform = await ensurePlatformLedgerAccounts(tx, currency);
  // Under the shipments' locks a release cannot run between reading the hold state and posting.
  const holds = await lockShipments(
    tx,
    splits.map((s) => s.shipmentId),
  );
  const lines: LedgerLine[] = [
    { accountId: platform.buyerExternalId, direction: "DEBIT", amountCents: payment.amountCents },
    { accountId: platform.clearingId, direction: "CREDIT", amountCents: payment.amountCents },
  ];
  for (const split of splits) {
    const seller = await ensureSellerLedgerAccounts(tx, split.sellerId, currency);
    lines.push(
      { accountId: platform.clearingId, direction: "DEBIT", amountCents: split.sellerCents + split.commissionCents, shipmentId: split.shipmentId },
      {
        accountId: sellerAccountFor(holds.get(split.shipmentId) ?? { fundsReleasedAt: null }, seller),
        direction: "CREDIT",
        amountCents: split.sellerCents,
        shipmentId: split.shipmentId,
      },
      { accountId: platform.revenueId, direction: "CREDIT", amountCents: split.commissionCents, shipmentId: split.shipmentId },
      // Loyalty discounts the buyer did not pay (none on most orders: zero lines are dropped).
      { accountId: platform.pointsLiabilityId, direction: "DEBIT", amountCents: split.pointsCents, shipmentId: split.shipmentId },
      { accountId: platform.revenueId, direction: "DEBIT", amountCents: split.fromCommissionCents, shipmentId: split.shipmentId },
      { accountId: platform.loyaltyExpenseId, direction: "DEBIT", amountCents: split.expenseCents, shipmentId: split.shipmentId },
      {
        accountId: platform.clearingId,
        direction: "CREDIT",
        amountCents: split.pointsCents + split.fromCommissionCents + split.expenseCents,
        shipmentId: split.shipmentId,
      },
    );
  }
  const transaction = await postLedgerTransaction(tx, {
    kind: "PAYMENT_SPLIT",
    idempotencyKey: splitIdempotencyKey(paymentId),
    description: `Order #${payment.order.number}: payment split`,
    currency,
    paymentId,
    orderId: payment.orderId,
    lines,
  });
  return { transactionId: transaction.id, created: true };
}

/**
 * What the split took for each shipment: the commission, and how the loyalty discounts were funded
 * (points, Bazaar's tier funding from the commission and from its loyalty expense). Writes the split
 * first if the background job has not yet.
 */
export async function splitFundingOf(
  tx: Tx,
  paymentId: string,
): Promise<(shipmentId: string) => Pick<FundedShipmentSplit, "commissionCents" | "pointsCents" | "fromCommissionCents" | "expenseCents">> {
  await writePaymentSplit(tx, paymentId);
  const split = await tx.ledgerTransaction.findUniqueOrThrow({
    where: { idempotencyKey: splitIdempotencyKey(paymentId) },
    select: { entries: { select: { shipmentId: true, amountCents: true, direction: true, account: { select: { kind: true } } } } },
  });
  return (shipmentId) => {
    const total = (kind: string, direction: "DEBIT" | "CREDIT") =>
      split.entries
        .filter((e) => e.shipmentId === shipmentId && e.account.kind === kind && e.direction === direction)
        .reduce((sum, e) => sum + e.amountCents, 0);
    return {
      commissionCents: total("PLATFORM_REVENUE", "CREDIT"),
      fromCommissionCents: total("PLATFORM_REVENUE", "DEBIT"),
      expenseCents: total("LOYALTY_EXPENSE", "DEBIT"),
      pointsCents: total("POINTS_LIABILITY", "DEBIT"),
    };
  };
}

/**
 * The commission the split took on each shipment, writing the split first if the background job
 * has not yet (a refund or a dispute can come before it). Refund and dispute reversals take the
 * platform's share back in proportion to it.
 */
export async function splitCommissionOf(tx: Tx, paymentId: string): Promise<(shipmentId: string) => number> {
  const fundingOf = await splitFundingOf(tx, paymentId);
  return (shipmentId) => fundingOf(shipmentId).commissionCents;
}
