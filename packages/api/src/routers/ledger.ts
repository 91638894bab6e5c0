import { PayoutStatus } from "@bazaar/db";
import { z } from "zod";
import { getSellerBalance, listSellerLedgerEntries } from "../domain/ledger/balances";
import { listPendingSales } from "../domain/ledger/payout-holds";
import { listSellerDisputes } from "../domain/payments/dispute-views";
import { listSellerPayouts, requestPayout } from "../domain/ledger/payouts";
import { getTrialBalance, listLedgerTransactions } from "../domain/ledger/trial-balance";
import { adminProcedure, router, sellerProcedure } from "../trpc";
import { ZLedgerEntriesSchema, ZLedgerTransactionsSchema, ZRequestPayoutSchema } from "../validators/ledger";
import { ZPageSchema } from "../validators/orders";

const ZSellerBalanceSchema = z.array(
  z.object({ currency: z.string(), availableCents: z.number().int(), pendingCents: z.number().int(), paidOutCents: z.number().int() }),
);

export const ledgerRouter = router({
  /** Seller: what Bazaar owes them (available to pay out) and what it has paid them, per currency. */
  balance: sellerProcedure.output(ZSellerBalanceSchema).query(({ ctx }) => getSellerBalance(ctx.db, ctx.actor)),
  /** Seller: their payable account's entries with the running balance. */
  entries: sellerProcedure.input(ZLedgerEntriesSchema.optional()).query(({ ctx, input }) => listSellerLedgerEntries(ctx.db, ctx.actor, input ?? {})),
  /** Seller: sales still in their payout hold, each with when it becomes available. */
  pending: sellerProcedure.query(({ ctx }) => listPendingSales(ctx.db, ctx.actor)),
  /** Seller: disputes on their sales, with their share held. */
  disputes: sellerProcedure.query(({ ctx }) => listSellerDisputes(ctx.db, ctx.actor)),
  payouts: sellerProcedure.input(ZPageSchema.optional()).query(({ ctx, input }) => listSellerPayouts(ctx.db, ctx.actor, input ?? {})),
  /** Seller: pays out the balance (or part of it). */
  requestPayout: sellerProcedure
    .input(ZRequestPayoutSchema)
    .output(z.object({ id: z.string(), amountCents: z.number().int(), currency: z.string(), status: z.enum(PayoutStatus) }))
    .mutation(({ ctx, input }) => requestPayout(ctx.db, ctx.actor, input)),
  /** Admin: every account with its balance, totals per currency, and any unbalanced transaction. */
  trialBalance: adminProcedure.query(({ ctx }) => getTrialBalance(ctx.db, ctx.actor)),
  transactions: adminProcedure.input(ZLedgerTransactionsSchema.optional()).query(({ ctx, input }) => listLedgerTransactions(ctx.db, ctx.actor, input ?? {})),
});
