import { getLoyaltySummary, listPointsHistory, previewPoints } from "../domain/loyalty/views";
import { buyerProcedure, publicProcedure, router } from "../trpc";
import { ZPointsHistorySchema, ZPointsPreviewSchema } from "../validators/loyalty";

/** A buyer's rewards: their tier, points and history; the points a product would earn (anyone). */
export const loyaltyRouter = router({
  summary: buyerProcedure.query(({ ctx }) => getLoyaltySummary(ctx.db, ctx.actor)),
  history: buyerProcedure.input(ZPointsHistorySchema).query(({ ctx, input }) => listPointsHistory(ctx.db, ctx.actor, input)),
  preview: publicProcedure.input(ZPointsPreviewSchema).query(({ ctx, input }) => previewPoints(ctx.db, ctx.actor, input)),
});
