import type { RouterOutputs } from "@bazaar/api";
import { Stars } from "~/components/rating";

export type Review = RouterOutputs["reviews"]["forProduct"]["items"][number];

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function ReviewItem({ review }: { review: Review }) {
  return (
    <li className="space-y-1 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <Stars rating={review.rating} className="text-sm" />
        {review.title ? <p className="text-sm font-semibold text-slate-900">{review.title}</p> : null}
      </div>
      <p className="text-xs text-slate-600">
        {review.author} · {dateFormat.format(review.createdAt)}
        {review.verifiedPurchase ? " · Verified purchase" : ""}
      </p>
      {review.body ? <p className="text-sm whitespace-pre-line text-slate-700">{review.body}</p> : null}
    </li>
  );
}
