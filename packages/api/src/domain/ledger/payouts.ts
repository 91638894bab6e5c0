import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { DomainError, isDomainError, notFound } from "../../errors";
import { publish } from "../../events/publish";
import { getPaymentGateway, type PaymentGateway } from "../payments/gateway";
import { ensureSellerLedgerAccounts } from "./accounts";
import { accountBalanceCents } from "./balances";
import { postLedgerTransaction } from "./post";

const formatCents = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;

/**
 * Moves (part of) a seller's balance from their payable account to their payouts account and
 * records the payout; the transfer itself runs afterwards (`processPayout`, on `payout/requested`).
 * The payable account's row lock serialises concurrent requests, so together they never take
 * more than the balance.
 */
export async function requestPayout(db: PrismaClient, actor: Actor, input: { amountCents?: number; currency?: string }) {
  const { sellerId } = requireSeller(actor);
  const currency = input.currency ?? "USD";
  return db.$transaction(async (tx) => {
    const seller = await tx.seller.findUnique({ where: { id: sellerId }, select: { status: true } });
    if (!seller) throw notFound("Your shop");
    if (seller.status !== "APPROVED") throw new DomainError("FORBIDDEN", "Your shop is not active, so it cannot be paid out. Contact support.");
    const accounts = await ensureSellerLedgerAccounts(tx, sellerId, currency);
    await tx.$queryRaw`SELECT id FROM "LedgerAccount" WHERE id = ${accounts.payableId} FOR UPDATE`;
    const balance = await accountBalanceCents(tx, accounts.payableId);
    const amount = input.amountCents ?? balance;
    if (balance < 0) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        `Your balance is ${formatCents(balance, currency)} after a refund or dispute on money already paid out. Your next sales pay it back first; payouts resume once it is above zero.`,
        { availableCents: balance },
      );
    }
    if (balance === 0)
      throw new DomainError("PRECONDITION_FAILED", "You have no balance available to pay out yet: sales become available once their payout hold ends.");
    if (amount <= 0) throw new DomainError("BAD_REQUEST", "Enter an amount above zero.");
    if (amount > balance) {
      throw new DomainError("PRECONDITION_FAILED", `You can pay out at most ${formatCents(balance, currency)}.`, { availableCents: balance });
    }
    const payout = await tx.payout.create({ data: { sellerId, amountCents: amount, currency, idempotencyKey: `payout:${randomUUID()}` } });
    await postLedgerTransaction(tx, {
      kind: "PAYOUT",
      idempotencyKey: `payout:${payout.id}`,
      description: `Payout ${formatCents(amount, currency)}`,
      currency,
      payoutId: payout.id,
      lines: [
        { accountId: accounts.payableId, direction: "DEBIT", amountCents: amount },
        { accountId: accounts.payoutsId, direction: "CREDIT", amountCents: amount },
      ],
    });
    await publish(tx, "payout/requested", { payoutId: payout.id, sellerId });
    return payout;
  });
}

/**
 * Sends a requested payout: a Stripe transfer to the seller's connected account when Stripe is
 * configured, simulated otherwise. A refusal (no connected account, a suspended seller) fails the
 * payout and gives the money back to the payable account; anything else (Stripe unreachable) is
 * thrown so the caller retries, which the idempotency key makes safe.
 */
export async function processPayout(db: PrismaClient, payoutId: string, gateway: PaymentGateway = getPaymentGateway()) {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Payout" WHERE id = ${payoutId} FOR UPDATE`;
      const payout = await tx.payout.findUnique({
        where: { id: payoutId },
        include: {
          seller: {
            select: {
              status: true,
              stripeAccountId: true,
              stripeUpdatedAt: true,
              stripePayoutsEnabled: true,
              stripeRequirements: true,
              stripeDisabledReason: true,
            },
          },
        },
      });
      if (!payout) throw notFound("The payout");
      if (payout.status !== "REQUESTED") return payout;
      const waiting = payoutWaitingReason(payout.seller);
      if (waiting) return tx.payout.update({ where: { id: payout.id }, data: { waitingReason: waiting } });

      let failure: string | null = payout.seller.status === "APPROVED" ? null : "The shop is not active, so it cannot be paid out.";
      let transferId: string | null = null;
      if (!failure) {
        try {
          transferId = (
            await gateway.transfer({
              amountCents: payout.amountCents,
              currency: payout.currency,
              destination: payout.seller.stripeAccountId,
              idempotencyKey: payout.idempotencyKey,
              metadata: { payoutId: payout.id, sellerId: payout.sellerId },
            })
          ).id;
        } catch (error) {
          if (!isDomainError(error)) throw error;
          failure = error.message;
        }
      }
      if (failure) {
        const accounts = await ensureSellerLedgerAccounts(tx, payout.sellerId, payout.currency);
        await postLedgerTransaction(tx, {
          kind: "ADJUSTMENT",
          idempotencyKey: `payout-failed:${payout.id}`,
          description: `Payout failed, returned to balance: ${failure}`,
          currency: payout.currency,
          payoutId: payout.id,
          lines: [
            { accountId: accounts.payoutsId, direction: "DEBIT", amountCents: payout.amountCents },
            { accountId: accounts.payableId, direction: "CREDIT", amountCents: payout.amountCents },
          ],
        });
        return tx.payout.update({ where: { id: payout.id }, data: { status: "FAILED", failureReason: failure, completedAt: new Date() } });
      }
      return tx.payout.update({
        where: { id: payout.id },
        data: { status: "PAID", providerTransferId: transferId, completedAt: new Date(), waitingReason: null },
      });
    },
    // The transfer call runs inside the transaction holding the payout's lock, so allow for the network.
    { timeout: 30_000 },
  );
}

/**
 * Why a payout cannot be sent now although nothing is wrong with it: Stripe said (account.updated)
 * that the seller's connected account cannot receive payouts. The payout waits as REQUESTED and is
 * sent when Stripe enables them (see connect-state.ts). Sellers Stripe never reported on (the
 * simulator) are not held back.
 */
export function payoutWaitingReason(seller: {
  stripeUpdatedAt: Date | null;
  stripePayoutsEnabled: boolean;
  stripeRequirements: string[];
  stripeDisabledReason: string | null;
}): string | null {
  if (!seller.stripeUpdatedAt || seller.stripePayoutsEnabled) return null;
  const needs = seller.stripeRequirements.length > 0 ? ` Stripe still needs: ${seller.stripeRequirements.slice(0, 5).join(", ")}.` : "";
  const why = seller.stripeDisabledReason ? ` (${seller.stripeDisabledReason})` : "";
  return `Your Stripe account cannot receive payouts yet${why}.${needs} This payout is sent as soon as Stripe enables payouts.`;
}

export async function listSellerPayouts(db: PrismaClient, actor: Actor, input: { cursor?: string | null; limit?: number }) {
  const { sellerId } = requireSeller(actor);
  const limit = input.limit ?? 20;
  const rows = await db.payout.findMany({
    where: { sellerId },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, amountCents: true, currency: true, status: true, failureReason: true, waitingReason: true, requestedAt: true, completedAt: true },
  });
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
}
