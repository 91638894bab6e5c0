import {
  approveSeller,
  getSellerDetail,
  listSellers,
  reinstateSeller,
  rejectSeller,
  setSellerCommission,
  suspendSeller,
} from "../../domain/sellers/manage-sellers";
import { adminProcedure, router } from "../../trpc";
import { ZListSellersSchema, ZSellerIdSchema, ZSellerReasonSchema, ZSetCommissionSchema } from "../../validators/seller";
import { ZSellerSchema } from "../../validators/seller";

export const adminSellersRouter = router({
  list: adminProcedure.input(ZListSellersSchema.optional()).query(({ ctx, input }) => listSellers(ctx.db, ctx.actor, input)),
  get: adminProcedure.input(ZSellerIdSchema).query(({ ctx, input }) => getSellerDetail(ctx.db, ctx.actor, input)),
  /** Approves an application: ledger accounts created, `seller/approved` published. */
  approve: adminProcedure
    .input(ZSellerIdSchema)
    .output(ZSellerSchema)
    .mutation(({ ctx, input }) => approveSeller(ctx.db, ctx.actor, input)),
  reject: adminProcedure
    .input(ZSellerReasonSchema)
    .output(ZSellerSchema)
    .mutation(({ ctx, input }) => rejectSeller(ctx.db, ctx.actor, input)),
  /** Hides the shop's products and stops its payouts until reinstated. */
  suspend: adminProcedure
    .input(ZSellerReasonSchema)
    .output(ZSellerSchema)
    .mutation(({ ctx, input }) => suspendSeller(ctx.db, ctx.actor, input)),
  reinstate: adminProcedure
    .input(ZSellerIdSchema)
    .output(ZSellerSchema)
    .mutation(({ ctx, input }) => reinstateSeller(ctx.db, ctx.actor, input)),
  setCommission: adminProcedure
    .input(ZSetCommissionSchema)
    .output(ZSellerSchema)
    .mutation(({ ctx, input }) => setSellerCommission(ctx.db, ctx.actor, input)),
});
