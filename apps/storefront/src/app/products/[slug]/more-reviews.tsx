"use client";

import { useState } from "react";
import { Button } from "@bazaar/ui";
import { leanApi } from "~/lib/lean-api";
import { ReviewItem, type Review } from "./review-item";

/** Further pages of reviews, loaded on request after the ones the server rendered. */
export function MoreReviews({ productId, cursor, pageSize }: { productId: string; cursor: string; pageSize: number }) {
  const [reviews, setReviews] = useState<Review[]>([]);
  const [next, setNext] = useState<string | null>(cursor);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loadMore = async (from: string) => {
    setPending(true);
    setError(null);
    try {
      const page = await leanApi.productReviews({ productId, limit: pageSize, cursor: from });
      setReviews((shown) => [...shown, ...page.items]);
      setNext(page.nextCursor ?? null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      {reviews.length > 0 ? (
        <ul className="divide-y divide-slate-200 border-t border-slate-200">
          {reviews.map((review) => (
            <ReviewItem key={review.id} review={review} />
          ))}
        </ul>
      ) : null}
      {error !== null ? <p className="text-sm text-red-700">{error}</p> : null}
      {next !== null ? (
        <Button variant="secondary" className="mt-4" pending={pending} onClick={() => void loadMore(next)}>
          More reviews
        </Button>
      ) : null}
    </>
  );
}
