import type { Tx } from "@bazaar/db";
import type Stripe from "stripe";
import { publish } from "../../events/publish";
import { ensurePlatformLedgerAccounts, lockAccounts } from "../ledger/accounts";
import { postLedgerTransaction, type LedgerLine } from "../ledger/post";
import { disputedByShipment, sellerSidesFor, tellSellersInDebt, type SellerSide } from "../ledger/seller-side";
import { splitFundingOf } from "../ledger/split-payment";
import { takeBackLines } from "../ledger/reverse-refund";
import { reverseFundedRefund } from "../ledger/split";
import { allocateByWeight, applyBasisPoints, formatMoney } from "../money";
import { lockOrder, lockPayment, noteOrder } from "../orders/transitions";
import { readPlatformSettings } from "../settings/settings";
import { shipmentBalance } from "../ledger/payout-holds";
import { onDisputeLost } from "../loyalty/lifecycle";
import { disputeCloseKey, disputeOpenKey } from "./dispute-ledger";

// Disputes (chargebacks). When a buyer's bank disputes a charge, Stripe takes the disputed amount
// from the platform at once. Bazaar takes it from the sellers of the order (in proportion to what
// is left of each part, each part's share taken back exactly as a refund of that amount would:
// from the seller and the commission as the split gave them, and the loyalty discounts the split
// funded given back to the points liability and Bazaar's tier funding) into a disputes-held
// account, where it stays until the dispute closes: won, everything goes back; lost, the money
// goes to the buyer with the points they paid with, and the processor's fee is borne by the
// sellers and/or Bazaar (a platform setting).

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

  const fundingOf = await splitFundingOf(tx, payment.id);
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
    // As a refund of the same amount would (loyalty funding included), cumulatively over what
    // earlier refunds and disputes took, so the shares add up to the split exactly.
    const reversal = reverseFundedRefund({
      totalCents: shipment.totalCents,
      funding: fundingOf(shipment.id),
      refundedBeforeCents: shipment.refundedCents + (disputed.get(shipment.id) ?? 0),
      refundCents: part,
    });
    lines.push(...(await takeBackLines(tx, { shipmentId: shipment.id, side, reversal, platform })), {
      accountId: platform.disputesHeldId,
      direction: "CREDIT",
      amountCents: part,
      shipmentId: shipment.id,
    });
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
    select: { entries: { select: { accountId: true, shipmentId: true, amountCents: true, direction: true, account: { select: { kind: true } } } } },
  });
  const heldByShipment = new Map<string, number>();
  let pointsHeld = 0;
  for (const e of opened.entries) {
    if (e.shipmentId && e.account.kind === "DISPUTES_HELD") heldByShipment.set(e.shipmentId, (heldByShipment.get(e.shipmentId) ?? 0) + e.amountCents);
    if (e.account.kind === "POINTS_LIABILITY") pointsHeld += e.direction === "CREDIT" ? e.amountCents : -e.amountCents;
  }
  const shipments = await tx.shipment.findMany({
    where: { id: { in: [...heldByShipment.keys()] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, sellerId: true },
  });
  const platform = await ensurePlatformLedgerAccounts(tx, record.currency);
  const sides = await sellerSidesFor(tx, shipments, record.currency);
  const lines: LedgerLine[] = [];
  const feeFromPayable: SellerSide[] = [];
  let feeCents = 0;
  if (won) {
    // Everything the opening took goes back where it came from; the seller's part to the account
    // the shipment's hold now says (its payout hold may have ended while the dispute was open).
    for (const e of opened.entries) {
      const side = e.shipmentId ? sides.get(e.shipmentId) : undefined;
      if (!side) continue;
      const toSeller = e.account.kind === "SELLER_PENDING" || e.account.kind === "SELLER_PAYABLE";
      lines.push({
        accountId: toSeller ? side.accountId : e.accountId,
        direction: e.direction === "DEBIT" ? "CREDIT" : "DEBIT",
        amountCents: e.amountCents,
        shipmentId: e.shipmentId,
      });
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
      shipments.map((s) => heldByShipment.get(s.id) ?? 0),
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
  // Lost, the buyer has their money back as after a refund: the points they paid with are theirs
  // again (the opening credited them to the liability; won, the reversal took them out again), and
  // the points the disputed parts earned, and their spend toward a tier, shrink as for a refund.
  // The sellers the loss left owing are told.
  if (!won) {
    await onDisputeLost(tx, {
      disputeId: record.id,
      orderId: order.id,
      orderNumber: order.number,
      buyerId: order.buyerId,
      pointsBack: pointsHeld,
      shipmentIds: shipments.map((s) => s.id),
    });
    await tellSellersInDebt(tx, sides.values(), { currency: record.currency, transactionId: posted.id, cause: `A lost dispute on order #${order.number}` });
  }
  await noteOrder(tx, order, {
    status: `DISPUTE_${status}`,
    note: won
      ? `The dispute was decided for the shop: ${formatMoney(record.amountCents, record.currency)} released.`
      : `The dispute was lost: ${formatMoney(record.amountCents, record.currency)} went back to the buyer through their bank.`,
  });
  await publish(tx, "dispute/closed", { disputeId: record.id, orderId: order.id, status });
  return { outcome: "applied", detail: `dispute ${status.toLowerCase()}` };
}
