import { createReview, listProductReviews } from "../domain/reviews/reviews";
import { buyerProcedure, publicProcedure, router } from "../trpc";
import { ZCreateReviewSchema, ZProductReviewsSchema } from "../validators/reviews";
import { ZReviewSchema } from "../validators/reviews";

export const reviewsRouter = router({
  /** A buyer reviews a product delivered to them, once. */
  create: buyerProcedure
    .input(ZCreateReviewSchema)
    .output(ZReviewSchema)
    .mutation(({ ctx, input }) => createReview(ctx.db, ctx.actor, input)),
  forProduct: publicProcedure.input(ZProductReviewsSchema).query(({ ctx, input }) => listProductReviews(ctx.db, input)),
});
