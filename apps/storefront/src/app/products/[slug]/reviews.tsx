import { Stars } from "~/components/rating";
import { publicApi } from "~/server/public-api";
import { MoreReviews } from "./more-reviews";
import { ReviewItem } from "./review-item";

const REVIEWS_PER_PAGE = 5;

/** The newest reviews (read fresh: a review posted a minute ago shows), then "More reviews". */
export async function Reviews({ productId, ratingAvg, ratingCount }: { productId: string; ratingAvg: number; ratingCount: number }) {
  const page = await publicApi.reviews.forProduct({ productId, limit: REVIEWS_PER_PAGE });
  return (
    <section aria-labelledby="reviews" id="reviews" className="scroll-mt-32">
      <h2 id="reviews" className="text-xl font-bold tracking-tight text-slate-900">
        Reviews
      </h2>
      {ratingCount > 0 ? (
        <div className="mt-2 flex items-center gap-3" data-testid="rating-summary">
          <span className="text-3xl font-bold text-slate-900">{ratingAvg.toFixed(1)}</span>
          <div>
            <Stars rating={ratingAvg} />
            <p className="text-sm text-slate-600">
              {ratingCount} {ratingCount === 1 ? "review" : "reviews"}
            </p>
          </div>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-600">No reviews yet. Buyers can review a product once it has been delivered to them.</p>
      )}
      {page.items.length > 0 ? (
        <ul className="mt-4 divide-y divide-slate-200">
          {page.items.map((review) => (
            <ReviewItem key={review.id} review={review} />
          ))}
        </ul>
      ) : null}
      {page.nextCursor ? <MoreReviews productId={productId} cursor={page.nextCursor} pageSize={REVIEWS_PER_PAGE} /> : null}
    </section>
  );
}
