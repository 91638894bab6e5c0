import { adminProcedure, buyerProcedure, publicProcedure, router, sellerProcedure } from "../trpc";
import { approveReturn, cancelReturn, markReturnSent, receiveReturn, rejectReturn, requestReturn, returnPhotoUpload } from "../domain/returns/returns";
import { getReturnForAdmin, listAllReturns, listSellerReturns } from "../domain/returns/list-returns";
import {
  ZApproveReturnSchema,
  ZBuyerReturnSchema,
  ZListReturnsSchema,
  ZMarkReturnSentSchema,
  ZReceiveReturnSchema,
  ZRejectReturnSchema,
  ZRequestReturnSchema,
  ZReturnIdSchema,
  ZReturnPhotoUploadSchema,
} from "../validators/orders";

// Returns (RMA). Who may do each step is decided in the domain from the actor's relation to the
// order (orders/order-access.ts): the buyer requests, sends and cancels (signed in, or a guest with
// the order link's token, hence public procedures); the seller of that part, or an administrator,
// approves, rejects and receives. An administrator may also send or cancel for the buyer; each
// step an administrator takes is in the audit log.
export const returnsRouter = router({
  /** The buyer (or a guest with the order link): a ticket to upload photos for a return of the order. */
  photoUpload: publicProcedure.input(ZReturnPhotoUploadSchema).mutation(({ ctx, input }) => returnPhotoUpload(ctx.db, ctx.actor, input)),
  request: publicProcedure.input(ZRequestReturnSchema).mutation(({ ctx, input }) => requestReturn(ctx.db, ctx.actor, input)),
  cancel: publicProcedure.input(ZBuyerReturnSchema).mutation(({ ctx, input }) => cancelReturn(ctx.db, ctx.actor, input)),
  markSent: publicProcedure.input(ZMarkReturnSentSchema).mutation(({ ctx, input }) => markReturnSent(ctx.db, ctx.actor, input)),
  approve: buyerProcedure.input(ZApproveReturnSchema).mutation(({ ctx, input }) => approveReturn(ctx.db, ctx.actor, input)),
  reject: buyerProcedure.input(ZRejectReturnSchema).mutation(({ ctx, input }) => rejectReturn(ctx.db, ctx.actor, input)),
  receive: buyerProcedure.input(ZReceiveReturnSchema).mutation(({ ctx, input }) => receiveReturn(ctx.db, ctx.actor, input)),
  /** Seller: their returns, newest first. */
  sellerList: sellerProcedure.input(ZListReturnsSchema.optional()).query(({ ctx, input }) => listSellerReturns(ctx.db, ctx.actor, input ?? {})),
  /** Admin: every return. */
  adminList: adminProcedure.input(ZListReturnsSchema.optional()).query(({ ctx, input }) => listAllReturns(ctx.db, ctx.actor, input ?? {})),
  /** Admin: one return, to step in on it. */
  adminGet: adminProcedure.input(ZReturnIdSchema).query(({ ctx, input }) => getReturnForAdmin(ctx.db, ctx.actor, input)),
});
