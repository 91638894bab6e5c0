import { connectStripeClient } from "../../domain/ledger/connect";
import { listDisputes, submitDisputeEvidence } from "../../domain/payments/dispute-views";
import { getEnv } from "../../env";
import { getLedgerAccount, listLedgerAccounts, listSellersInDebt } from "../../domain/ledger/admin-views";
import { getOrderForAdmin, listAllOrders } from "../../domain/orders/admin-orders";
import { listPayouts } from "../../domain/ledger/payout-queue";
import { createPromotion, expirePromotion, getPromotion, listPromotions, updatePromotion } from "../../domain/promotions/manage-promotions";
import { adminProcedure, router } from "../../trpc";
import { ZAccountEntriesSchema, ZListDisputesSchema, ZListPayoutsSchema, ZSubmitDisputeEvidenceSchema } from "../../validators/ledger";
import { ZAdminOrderIdSchema, ZListAllOrdersSchema } from "../../validators/orders";
import { ZCreatePromotionSchema, ZExpirePromotionSchema, ZListPromotionsSchema, ZPromotionIdSchema, ZUpdatePromotionSchema } from "../../validators/promotions";
import { ZPromotionSchema } from "../../validators/promotions";

// Refunds are `orders.adminRefund`; the trial balance and transactions are `ledger.*` (their owners' routers).
export const adminOrdersRouter = router({
  list: adminProcedure.input(ZListAllOrdersSchema.optional()).query(({ ctx, input }) => listAllOrders(ctx.db, ctx.actor, input)),
  get: adminProcedure.input(ZAdminOrderIdSchema).query(({ ctx, input }) => getOrderForAdmin(ctx.db, ctx.actor, input)),
});

export const adminMoneyRouter = router({
  /** Every ledger account with its totals and shop (the proof itself is `ledger.trialBalance`). */
  accounts: adminProcedure.query(({ ctx }) => listLedgerAccounts(ctx.db, ctx.actor)),
  account: adminProcedure.input(ZAccountEntriesSchema).query(({ ctx, input }) => getLedgerAccount(ctx.db, ctx.actor, input)),
  payouts: adminProcedure.input(ZListPayoutsSchema.optional()).query(({ ctx, input }) => listPayouts(ctx.db, ctx.actor, input)),
  /** Sellers whose payable is below zero, with what is pending to pay it down. */
  sellersInDebt: adminProcedure.query(({ ctx }) => listSellersInDebt(ctx.db, ctx.actor)),
  disputes: adminProcedure.input(ZListDisputesSchema.optional()).query(({ ctx, input }) => listDisputes(ctx.db, ctx.actor, input ?? {})),
  /** Answers a dispute with evidence (to Stripe, or the simulator's test-mode rules). */
  submitDisputeEvidence: adminProcedure
    .input(ZSubmitDisputeEvidenceSchema)
    .mutation(({ ctx, input }) => submitDisputeEvidence(ctx.db, ctx.actor, input, { stripe: connectStripeClient(getEnv().STRIPE_SECRET_KEY) })),
});

export const adminPromotionsRouter = router({
  list: adminProcedure.input(ZListPromotionsSchema.optional()).query(({ ctx, input }) => listPromotions(ctx.db, ctx.actor, input)),
  get: adminProcedure.input(ZPromotionIdSchema).query(({ ctx, input }) => getPromotion(ctx.db, ctx.actor, input)),
  create: adminProcedure
    .input(ZCreatePromotionSchema)
    .output(ZPromotionSchema)
    .mutation(({ ctx, input }) => createPromotion(ctx.db, ctx.actor, input)),
  update: adminProcedure
    .input(ZUpdatePromotionSchema)
    .output(ZPromotionSchema)
    .mutation(({ ctx, input }) => updatePromotion(ctx.db, ctx.actor, input)),
  expire: adminProcedure
    .input(ZExpirePromotionSchema)
    .output(ZPromotionSchema)
    .mutation(({ ctx, input }) => expirePromotion(ctx.db, ctx.actor, input)),
});
