import { adminProcedure, buyerProcedure, router, sellerProcedure } from "../trpc";
import { approveReturn, cancelReturn, markReturnSent, receiveReturn, rejectReturn, requestReturn } from "../domain/returns/returns";
import { listAllReturns, listSellerReturns } from "../domain/returns/list-returns";
import {
  ZApproveReturnSchema,
  ZListReturnsSchema,
  ZMarkReturnSentSchema,
  ZReceiveReturnSchema,
  ZRejectReturnSchema,
  ZRequestReturnSchema,
  ZReturnIdSchema,
} from "../validators/orders";

// Returns (RMA). Who may do each step is decided in the domain from the actor's relation to the
// order (orders/access.ts): the buyer requests, sends and cancels; the seller of that part, or an
// administrator, approves, rejects and receives.
export const returnsRouter = router({
  request: buyerProcedure.input(ZRequestReturnSchema).mutation(({ ctx, input }) => requestReturn(ctx.db, ctx.actor, input)),
  cancel: buyerProcedure.input(ZReturnIdSchema).mutation(({ ctx, input }) => cancelReturn(ctx.db, ctx.actor, input)),
  markSent: buyerProcedure.input(ZMarkReturnSentSchema).mutation(({ ctx, input }) => markReturnSent(ctx.db, ctx.actor, input)),
  approve: buyerProcedure.input(ZApproveReturnSchema).mutation(({ ctx, input }) => approveReturn(ctx.db, ctx.actor, input)),
  reject: buyerProcedure.input(ZRejectReturnSchema).mutation(({ ctx, input }) => rejectReturn(ctx.db, ctx.actor, input)),
  receive: buyerProcedure.input(ZReceiveReturnSchema).mutation(({ ctx, input }) => receiveReturn(ctx.db, ctx.actor, input)),
  /** Seller: their returns, newest first. */
  sellerList: sellerProcedure.input(ZListReturnsSchema.optional()).query(({ ctx, input }) => listSellerReturns(ctx.db, ctx.actor, input ?? {})),
  /** Admin: every return. */
  adminList: adminProcedure.input(ZListReturnsSchema.optional()).query(({ ctx, input }) => listAllReturns(ctx.db, ctx.actor, input ?? {})),
});
