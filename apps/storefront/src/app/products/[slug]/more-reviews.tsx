"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@bazaar/ui";
import { errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";
import { ReviewItem } from "./review-item";

/** Further pages of reviews, loaded on request after the ones the server rendered. */
export function MoreReviews({ productId, cursor, pageSize }: { productId: string; cursor: string; pageSize: number }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.reviews.forProduct.infiniteQueryOptions(
      { productId, limit: pageSize },
      { enabled: false, initialCursor: cursor, getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const reviews = query.data?.pages.flatMap((page) => page.items) ?? [];
  const more = query.data ? query.hasNextPage : true;
  return (
    <>
      {reviews.length > 0 ? (
        <ul className="divide-y divide-slate-200 border-t border-slate-200">
          {reviews.map((review) => (
            <ReviewItem key={review.id} review={review} />
          ))}
        </ul>
      ) : null}
      {query.isError ? <p className="text-sm text-red-700">{errorMessage(query.error)}</p> : null}
      {more ? (
        <Button variant="secondary" className="mt-4" pending={query.isFetching} onClick={() => void (query.data ? query.fetchNextPage() : query.refetch())}>
          More reviews
        </Button>
      ) : null}
    </>
  );
}
