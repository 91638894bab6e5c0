import type { Tx } from "@bazaar/db";
import type Stripe from "stripe";
import { publish } from "../../events/publish";
import { ensurePlatformLedgerAccounts, lockAccounts } from "../ledger/accounts";
import { postLedgerTransaction, type LedgerLine } from "../ledger/post";
import { disputedByShipment, sellerSidesFor, tellSellersInDebt, type SellerSide } from "../ledger/seller-side";
import { splitCommissionOf } from "../ledger/split-payment";
import { allocateByWeight, applyBasisPoints, applyRatio, formatMoney } from "../money";
import { lockOrder, lockPayment, noteOrder } from "../orders/transitions";
import { readPlatformSettings } from "../settings/settings";
import { shipmentBalance } from "../ledger/payout-holds";

// Disputes (chargebacks). When a buyer's bank disputes a charge, Stripe takes the disputed amount
// from the platform at once. Bazaar takes it from the sellers of the order (in proportion to what
// is left of each part, each part's share coming from the seller and the commission in the
// proportion the split gave them, as refunds do) into a disputes-held account, where it stays
// until the dispute closes: won, it goes back; lost, it goes to the buyer, and the processor's fee
// is borne by the sellers and/or Bazaar (a platform setting).

export const disputeOpenKey = (disputeId: string) => `dispute-open:${disputeId}`;
export const disputeCloseKey = (disputeId: string) => `dispute-close:${disputeId}`;

const intentOf = (dispute: Stripe.Dispute) => (typeof dispute.payment_intent === "string" ? dispute.payment_intent : (dispute.payment_intent?.id ?? null));

async function lockForIntent(tx: Tx, paymentIntentId: string) {
  const found = await tx.payment.findUnique({ where: { providerPaymentId: paymentIntentId }, select: { id: true, orderId: true } });
  if (!found) return null;
  const order = await lockOrder(tx, found.orderId);
  const payment = await lockPayment(tx, found.id);
  return { order, payment };
}

export type DisputeOutcome = { outcome: "applied" | "ignored"; detail: string };

/** `charge.dispute.created`: records the dispute and holds its amount from the sellers, once per dispute. */
export async function openDispute(tx: Tx, dispute: Stripe.Dispute): Promise<DisputeOutcome> {
  const intentId = intentOf(dispute);
  if (!intentId) return { outcome: "ignored", detail: "the dispute names no PaymentIntent" };
  const locked = await lockForIntent(tx, intentId);
  if (!locked) return { outcome: "ignored", detail: `no Bazaar payment has PaymentIntent ${intentId}` };
  const { order, payment } = locked;
  if (await tx.dispute.findUnique({ where: { providerDisputeId: dispute.id }, select: { id: true } })) {
    return { outcome: "ignored", detail: `dispute ${dispute.id} is already recorded` };
  }
  if (payment.status !== "CAPTURED" && payment.status !== "REFUNDED") return { outcome: "ignored", detail: "the payment was never captured" };
  // What was already refunded cannot be disputed again (the bank reverses only what the buyer paid and kept paid).
  const amount = Math.min(dispute.amount, payment.amountCents - payment.refundedCents - payment.disputedCents);
  if (amount <= 0) return { outcome: "ignored", detail: "nothing of the payment is left to dispute" };

  const record = await tx.dispute.create({
    data: {
      paymentId: payment.id,
      orderId: order.id,
      providerDisputeId: dispute.id,
      amountCents: amount,
      currency: payment.currency,
      reason: dispute.reason,
      evidenceDueBy: dispute.evidence_details?.due_by ? new Date(dispute.evidence_details.due_by * 1000) : null,
    },
  });
  await tx.payment.update({ where: { id: payment.id }, data: { disputedCents: { increment: amount } } });

  const commissionOf = await splitCommissionOf(tx, payment.id);
  const shipments = await tx.shipment.findMany({
    where: { orderId: order.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, sellerId: true, totalCents: true, refundedCents: true },
  });
  const disputed = await disputedByShipment(
    tx,
    shipments.map((s) => s.id),
  );
  const parts = allocateByWeight(
    amount,
    shipments.map((s) => Math.max(s.totalCents - s.refundedCents - (disputed.get(s.id) ?? 0), 0)),
  );
  const platform = await ensurePlatformLedgerAccounts(tx, payment.currency);
  const sides = await sellerSidesFor(
    tx,
    shipments.filter((_, i) => (parts[i] ?? 0) > 0),
    payment.currency,
  );
  const lines: LedgerLine[] = [];
  for (const [i, shipment] of shipments.entries()) {
    const part = parts[i] ?? 0;
    const side = sides.get(shipment.id);
    if (part === 0 || !side) continue;
    let sellerPart = part - (shipment.totalCents > 0 ? applyRatio(commissionOf(shipment.id), part, shipment.totalCents) : 0);
    // Rounding (or an earlier dispute) must not take more than is still pending of the sale.
    if (!side.released) sellerPart = Math.max(0, Math.min(sellerPart, await shipmentBalance(tx, side.accountId, shipment.id)));
    lines.push(
      { accountId: side.accountId, direction: "DEBIT", amountCents: sellerPart, shipmentId: shipment.id },
      { accountId: platform.revenueId, direction: "DEBIT", amountCents: part - sellerPart, shipmentId: shipment.id },
      { accountId: platform.disputesHeldId, direction: "CREDIT", amountCents: part, shipmentId: shipment.id },
    );
  }
  const posted = await postLedgerTransaction(tx, {
    kind: "DISPUTE",
    idempotencyKey: disputeOpenKey(record.id),
    description: `Order #${order.number}: dispute opened (${dispute.reason}), ${formatMoney(amount, payment.currency)} held`,
    currency: payment.currency,
    paymentId: payment.id,
    orderId: order.id,
    lines,
  });
  await tellSellersInDebt(tx, sides.values(), { currency: payment.currency, transactionId: posted.id, cause: `A dispute on order #${order.number}` });
  await noteOrder(tx, order, {
    status: "DISPUTE_OPENED",
    note: `The buyer's bank disputed ${formatMoney(amount, payment.currency)} (${dispute.reason.replaceAll("_", " ")}); the amount is held until it closes.`,
  });
  await publish(tx, "dispute/opened", { disputeId: record.id, orderId: order.id });
  return { outcome: "applied", detail: `dispute opened, ${amount} cents held` };
}

/**
 * `charge.dispute.closed`: won (or an inquiry closed without a chargeback), the held amount goes
 * back where it came from (pending funds or the payable, by each part's hold); lost, it goes to the
 * buyer and the processor's fee is booked. Once per dispute.
 */
export async function closeDispute(tx: Tx, dispute: Stripe.Dispute): Promise<DisputeOutcome> {
  const found = await tx.dispute.findUnique({ where: { providerDisputeId: dispute.id }, select: { id: true, orderId: true, paymentId: true } });
  if (!found) return { outcome: "ignored", detail: `dispute ${dispute.id} was never opened here` };
  const order = await lockOrder(tx, found.orderId);
  await lockPayment(tx, found.paymentId);
  const record = await tx.dispute.findUniqueOrThrow({ where: { id: found.id } });
  if (record.status !== "OPEN") return { outcome: "ignored", detail: `dispute ${dispute.id} is already ${record.status.toLowerCase()}` };
  const won = dispute.status === "won" || dispute.status === "warning_closed";

  const opened = await tx.ledgerTransaction.findUniqueOrThrow({
    where: { idempotencyKey: disputeOpenKey(record.id) },
    select: { entries: { select: { shipmentId: true, amountCents: true, direction: true, account: { select: { kind: true } } } } },
  });
  const byShipment = new Map<string, { seller: number; commission: number; held: number }>();
  for (const e of opened.entries) {
    if (!e.shipmentId) continue;
    const row = byShipment.get(e.shipmentId) ?? { seller: 0, commission: 0, held: 0 };
    if (e.account.kind === "SELLER_PENDING" || e.account.kind === "SELLER_PAYABLE") row.seller += e.amountCents;
    if (e.account.kind === "PLATFORM_REVENUE") row.commission += e.amountCents;
    if (e.account.kind === "DISPUTES_HELD") row.held += e.amountCents;
    byShipment.set(e.shipmentId, row);
  }
  const shipments = await tx.shipment.findMany({
    where: { id: { in: [...byShipment.keys()] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, sellerId: true },
  });
  const platform = await ensurePlatformLedgerAccounts(tx, record.currency);
  const sides = await sellerSidesFor(tx, shipments, record.currency);
  const lines: LedgerLine[] = [];
  const feeFromPayable: SellerSide[] = [];
  let feeCents = 0;
  if (won) {
    for (const shipment of shipments) {
      const row = byShipment.get(shipment.id);
      const side = sides.get(shipment.id);
      if (!row || !side) continue;
      lines.push(
        { accountId: platform.disputesHeldId, direction: "DEBIT", amountCents: row.held, shipmentId: shipment.id },
        { accountId: side.accountId, direction: "CREDIT", amountCents: row.seller, shipmentId: shipment.id },
        { accountId: platform.revenueId, direction: "CREDIT", amountCents: row.commission, shipmentId: shipment.id },
      );
    }
    await tx.payment.update({ where: { id: record.paymentId }, data: { disputedCents: { decrement: record.amountCents } } });
  } else {
    lines.push(
      { accountId: platform.disputesHeldId, direction: "DEBIT", amountCents: record.amountCents },
      { accountId: platform.buyerExternalId, direction: "CREDIT", amountCents: record.amountCents },
    );
    const settings = await readPlatformSettings(tx);
    feeCents = settings.disputeFeeCents;
    const sellersShare = applyBasisPoints(feeCents, settings.disputeFeeSellerBps);
    await lockAccounts(
      tx,
      [...sides.values()].map((side) => side.payableId),
    );
    const perShipment = allocateByWeight(
      sellersShare,
      shipments.map((s) => byShipment.get(s.id)?.held ?? 0),
    );
    for (const [i, shipment] of shipments.entries()) {
      const side = sides.get(shipment.id);
      const fee = perShipment[i] ?? 0;
      if (!side || fee === 0) continue;
      // From what is still pending of the sale, the rest from the payable (a debt the seller is told about).
      const fromPending = side.released ? 0 : Math.min(fee, Math.max(0, await shipmentBalance(tx, side.accountId, shipment.id)));
      lines.push(
        { accountId: side.accountId, direction: "DEBIT", amountCents: fromPending, shipmentId: shipment.id },
        { accountId: side.payableId, direction: "DEBIT", amountCents: fee - fromPending, shipmentId: shipment.id },
      );
      if (fee > fromPending) feeFromPayable.push({ ...side, released: true });
    }
    lines.push(
      { accountId: platform.revenueId, direction: "DEBIT", amountCents: feeCents - sellersShare },
      { accountId: platform.processorFeesId, direction: "CREDIT", amountCents: feeCents },
    );
  }
  const status = won ? "WON" : "LOST";
  const posted = await postLedgerTransaction(tx, {
    kind: "DISPUTE",
    idempotencyKey: disputeCloseKey(record.id),
    description: won
      ? `Order #${order.number}: dispute won, ${formatMoney(record.amountCents, record.currency)} released`
      : `Order #${order.number}: dispute lost, ${formatMoney(record.amountCents, record.currency)} to the buyer, fee ${formatMoney(feeCents, record.currency)}`,
    currency: record.currency,
    paymentId: record.paymentId,
    orderId: order.id,
    lines,
  });
  await tx.dispute.update({ where: { id: record.id }, data: { status, closedAt: new Date(), feeCents } });
  if (!won)
    await tellSellersInDebt(tx, sides.values(), { currency: record.currency, transactionId: posted.id, cause: `A lost dispute on order #${order.number}` });
  await noteOrder(tx, order, {
    status: `DISPUTE_${status}`,
    note: won
      ? `The dispute was decided for the shop: ${formatMoney(record.amountCents, record.currency)} released.`
      : `The dispute was lost: ${formatMoney(record.amountCents, record.currency)} went back to the buyer through their bank.`,
  });
  await publish(tx, "dispute/closed", { disputeId: record.id, orderId: order.id, status });
  return { outcome: "applied", detail: `dispute ${status.toLowerCase()}` };
}
