import type { Tx } from "@bazaar/db";
import type Stripe from "stripe";
import { publish } from "../../events/publish";
import { formatMoney } from "../money";
import { notify } from "../notifications";
import { ensureSellerLedgerAccounts } from "./accounts";
import { postLedgerTransaction } from "./post";

// What Stripe Connect tells Bazaar about sellers' connected accounts and the money sent to them.

export type ConnectOutcome = { outcome: "applied" | "ignored"; detail: string };

/**
 * `account.updated`: keeps whether the seller's connected account may take charges and receive
 * payouts, and what Stripe still needs. Payouts that waited for it are sent again once payouts
 * are enabled; the seller is told when the state changes.
 */
export async function connectAccountUpdated(tx: Tx, account: Stripe.Account): Promise<ConnectOutcome> {
  const sellerId = account.metadata?.sellerId;
  const seller = await tx.seller.findFirst({
    where: { OR: [{ stripeAccountId: account.id }, ...(sellerId ? [{ id: sellerId, stripeAccountId: null }] : [])] },
    select: { id: true, userId: true, stripePayoutsEnabled: true, stripeChargesEnabled: true, stripeUpdatedAt: true },
  });
  if (!seller) return { outcome: "ignored", detail: `no seller has connected account ${account.id}` };
  await tx.$queryRaw`SELECT id FROM "Seller" WHERE id = ${seller.id} FOR UPDATE`;
  const requirements = [...(account.requirements?.currently_due ?? []), ...(account.requirements?.past_due ?? [])].slice(0, 50);
  const payoutsEnabled = account.payouts_enabled ?? false;
  const chargesEnabled = account.charges_enabled ?? false;
  await tx.seller.update({
    where: { id: seller.id },
    data: {
      stripeAccountId: account.id,
      stripeChargesEnabled: chargesEnabled,
      stripePayoutsEnabled: payoutsEnabled,
      stripeRequirements: [...new Set(requirements)],
      stripeDisabledReason: account.requirements?.disabled_reason ?? null,
      stripeUpdatedAt: new Date(),
    },
  });
  const changed = !seller.stripeUpdatedAt || seller.stripePayoutsEnabled !== payoutsEnabled || seller.stripeChargesEnabled !== chargesEnabled;
  if (changed) {
    await notify(tx, {
      userId: seller.userId,
      type: "CONNECT_UPDATE",
      title: payoutsEnabled ? "Your Stripe account can receive payouts" : "Your Stripe account cannot receive payouts yet",
      body: payoutsEnabled
        ? "Payouts are sent to your Stripe account as you request them."
        : `Stripe still needs: ${requirements.length > 0 ? requirements.slice(0, 5).join(", ") : "more information"}. Finish onboarding from your money page.`,
      link: "/money",
      dedupeKey: `connect:${seller.id}:${account.id}:${payoutsEnabled}:${chargesEnabled}:${Date.now()}`,
    });
  }
  if (payoutsEnabled) {
    const waiting = await tx.payout.findMany({ where: { sellerId: seller.id, status: "REQUESTED", waitingReason: { not: null } }, select: { id: true } });
    for (const payout of waiting) {
      await tx.payout.update({ where: { id: payout.id }, data: { waitingReason: null } });
      await publish(tx, "payout/requested", { payoutId: payout.id, sellerId: seller.id });
    }
  }
  return { outcome: "applied", detail: `connected account ${account.id}: payouts ${payoutsEnabled ? "enabled" : "disabled"}` };
}

/**
 * A payout Bazaar sent came back (`transfer.reversed`, or the simulator's bank returning it): the
 * amount goes back to the seller's payable, the payout becomes REVERSED, and the seller is told.
 * Once per payout.
 */
export async function reversePaidPayout(tx: Tx, input: { payoutId: string; reason: string }): Promise<ConnectOutcome> {
  await tx.$queryRaw`SELECT id FROM "Payout" WHERE id = ${input.payoutId} FOR UPDATE`;
  const payout = await tx.payout.findUnique({ where: { id: input.payoutId }, include: { seller: { select: { userId: true } } } });
  if (!payout) return { outcome: "ignored", detail: `no payout ${input.payoutId}` };
  if (payout.status !== "PAID") return { outcome: "ignored", detail: `payout ${payout.id} is ${payout.status.toLowerCase()}, not paid` };
  const accounts = await ensureSellerLedgerAccounts(tx, payout.sellerId, payout.currency);
  await tx.$queryRaw`SELECT id FROM "LedgerAccount" WHERE id = ${accounts.payableId} FOR UPDATE`;
  await postLedgerTransaction(tx, {
    kind: "ADJUSTMENT",
    idempotencyKey: `payout-reversed:${payout.id}`,
    description: `Payout ${formatMoney(payout.amountCents, payout.currency)} returned: ${input.reason}`,
    currency: payout.currency,
    payoutId: payout.id,
    lines: [
      { accountId: accounts.payoutsId, direction: "DEBIT", amountCents: payout.amountCents },
      { accountId: accounts.payableId, direction: "CREDIT", amountCents: payout.amountCents },
    ],
  });
  await tx.payout.update({ where: { id: payout.id }, data: { status: "REVERSED", failureReason: input.reason } });
  await notify(tx, {
    userId: payout.seller.userId,
    type: "PAYOUT_REVERSED",
    title: `Payout of ${formatMoney(payout.amountCents, payout.currency)} came back`,
    body: `${input.reason} The amount is back in your available balance; check your bank details before the next payout.`,
    link: "/money",
    dedupeKey: `payout-reversed:${payout.id}`,
  });
  await publish(tx, "payout/reversed", { payoutId: payout.id, sellerId: payout.sellerId });
  return { outcome: "applied", detail: `payout ${payout.id} reversed` };
}

/** `transfer.reversed`: the transfer of one of our payouts was taken back. */
export async function transferReversed(tx: Tx, transfer: Stripe.Transfer): Promise<ConnectOutcome> {
  const payout = await tx.payout.findFirst({
    where: { OR: [{ providerTransferId: transfer.id }, ...(transfer.metadata?.payoutId ? [{ id: transfer.metadata.payoutId }] : [])] },
    select: { id: true },
  });
  if (!payout) return { outcome: "ignored", detail: `no payout has transfer ${transfer.id}` };
  return reversePaidPayout(tx, { payoutId: payout.id, reason: "The transfer to your Stripe account was reversed." });
}

/**
 * `payout.failed` (on a connected account: its bank refused the money). A payout Bazaar sent names
 * itself in its metadata and is reversed; any other failed bank payout of the account is Stripe's
 * business with the seller, and they are told to fix their bank details.
 */
export async function connectPayoutFailed(tx: Tx, bankPayout: Stripe.Payout, connectedAccountId: string | undefined): Promise<ConnectOutcome> {
  const message = bankPayout.failure_message?.trim().replace(/\.$/, "");
  const reason = `Your bank refused the payout${message ? `: ${message}` : ""}.`;
  const payoutId = bankPayout.metadata?.payoutId;
  if (payoutId) return reversePaidPayout(tx, { payoutId, reason });
  const seller = connectedAccountId ? await tx.seller.findFirst({ where: { stripeAccountId: connectedAccountId }, select: { userId: true } }) : null;
  if (!seller) return { outcome: "ignored", detail: "the failed payout names no seller of ours" };
  await notify(tx, {
    userId: seller.userId,
    type: "PAYOUT_FAILED",
    title: "Your bank refused a payout from Stripe",
    body: `${reason} Update your bank details in your Stripe account; Stripe keeps the money in your Stripe balance until then.`,
    link: "/money",
    dedupeKey: `bank-payout-failed:${bankPayout.id}`,
  });
  return { outcome: "applied", detail: "seller told about a failed bank payout" };
}
