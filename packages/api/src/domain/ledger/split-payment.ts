import type { PrismaClient, SqlTx, Tx } from "@bazaar/db";
import { DomainError, notFound } from "../../errors";
import { lockShipmentsWithAccounts, sellerAccountFor } from "./accounts";
import { COMMISSION_SETTING_KEY, commissionBpsOf } from "./commission";
import { insertLedgerTransaction, type LedgerLine } from "./post";
import { inSqlTransaction, KEYED } from "../transaction";
import { splitFundedGross, type FundedShipmentSplit, type ShipmentAmounts, type ShipmentLoyalty } from "./split";

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
  // Every statement is written out: the worker splits each order on a pooled connection, without
  // Prisma's interactive transaction.
  return inSqlTransaction(db, (tx) => writePaymentSplit(tx, paymentId), KEYED);
}

interface PaymentToSplit {
  status: string;
  amountCents: number;
  currency: string;
  orderId: string;
  orderNumber: number;
  existingId: string | null;
  commissionSetting: unknown;
  shipments: (Omit<ShipmentAmounts & ShipmentLoyalty, "shipmentId" | "commissionBps"> & { id: string; sellerCommissionBps: number | null })[];
}

/**
 * `splitPayment` inside the caller's transaction (a refund makes sure the split exists first), in
 * four statements with its COMMIT: the payment (locked) with its shipments and commissions, the
 * shipments' locks with the accounts (made on first use: one more), the transaction with its entries.
 */
export async function writePaymentSplit(tx: SqlTx, paymentId: string): Promise<{ transactionId: string; created: boolean }> {
  // The payment row lock makes concurrent splits of one payment wait. The existing split is read in
  // the statement's snapshot, taken before that wait: a split committed meanwhile is not seen here,
  // and the insert below finds it instead.
  const [payment] = await tx.$queryRaw<PaymentToSplit[]>`
    SELECT p."status"::text AS "status", p."amountCents", p."currency", p."orderId", o."number" AS "orderNumber",
           (SELECT t."id" FROM "LedgerTransaction" t WHERE t."idempotencyKey" = ${splitIdempotencyKey(paymentId)}) AS "existingId",
           (SELECT s."value" FROM "PlatformSetting" s WHERE s."key" = ${COMMISSION_SETTING_KEY}) AS "commissionSetting",
           (SELECT coalesce(json_agg(json_build_object(
                     'id', sh."id", 'sellerId', sh."sellerId", 'subtotalCents', sh."subtotalCents", 'discountCents', sh."discountCents",
                     'shippingCents', sh."shippingCents", 'taxCents', sh."taxCents", 'totalCents', sh."totalCents",
                     'tierDiscountCents', sh."tierDiscountCents", 'shippingDiscountCents', sh."shippingDiscountCents",
                     'pointsDiscountCents', sh."pointsDiscountCents", 'sellerFundedCents', sh."sellerFundedCents",
                     'sellerCommissionBps', se."commissionBps") ORDER BY sh."createdAt", sh."id"), '[]')
              FROM "Shipment" sh JOIN "Seller" se ON se."id" = sh."sellerId" WHERE sh."orderId" = p."orderId") AS "shipments"
      FROM "Payment" p JOIN "Order" o ON o."id" = p."orderId"
     WHERE p."id" = ${paymentId}
       FOR UPDATE OF p`;
  if (!payment) throw notFound("The payment");
  if (payment.existingId) return { transactionId: payment.existingId, created: false };
  if (payment.status !== "CAPTURED" && payment.status !== "REFUNDED") {
    throw new DomainError("PRECONDITION_FAILED", `Payment ${paymentId} is ${payment.status}; only captured payments are split.`);
  }
  const currency = payment.currency;
  const platformDefault = commissionBpsOf(payment.commissionSetting);
  const splits = splitFundedGross(
    payment.amountCents,
    payment.shipments.map(({ id, sellerCommissionBps, ...s }) => ({ ...s, shipmentId: id, commissionBps: sellerCommissionBps ?? platformDefault })),
  );

  // Under the shipments' locks a release cannot run between reading the hold state and posting.
  const { holds, platform, sellers } = await lockShipmentsWithAccounts(
    tx,
    splits.map((s) => s.shipmentId),
    currency,
    splits.map((s) => s.sellerId),
  );
  const lines: LedgerLine[] = [
    { accountId: platform.buyerExternalId, direction: "DEBIT", amountCents: payment.amountCents },
    { accountId: platform.clearingId, direction: "CREDIT", amountCents: payment.amountCents },
  ];
  for (const split of splits) {
    const seller = sellers.get(split.sellerId);
    if (!seller) throw new Error(`ledger accounts of seller ${split.sellerId} are missing after they were ensured`);
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
  const transaction = await insertLedgerTransaction(tx, {
    kind: "PAYMENT_SPLIT",
    idempotencyKey: splitIdempotencyKey(paymentId),
    description: `Order #${payment.orderNumber}: payment split`,
    currency,
    paymentId,
    orderId: payment.orderId,
    lines,
  });
  if (transaction) return { transactionId: transaction.id, created: true };
  // A concurrent split committed while this one waited for the payment's lock.
  const [existing] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "LedgerTransaction" WHERE "idempotencyKey" = ${splitIdempotencyKey(paymentId)}`;
  if (!existing) throw new Error(`The split of payment ${paymentId} was neither written nor found.`);
  return { transactionId: existing.id, created: false };
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
