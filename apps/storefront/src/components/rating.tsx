import { cn } from "@bazaar/ui";

/** Five stars filled to the rating, with the rating in words for screen readers. */
export function Stars({ rating, className }: { rating: number; className?: string }) {
  const percent = Math.max(0, Math.min(100, (rating / 5) * 100));
  return (
    <span
      className={cn("relative inline-block text-base leading-none tracking-tight", className)}
      role="img"
      aria-label={`${rating.toFixed(1)} out of 5 stars`}
    >
      <span aria-hidden className="text-slate-300">
        ★★★★★
      </span>
      <span aria-hidden className="absolute inset-0 overflow-hidden text-amber-500" style={{ width: `${percent}%` }}>
        ★★★★★
      </span>
    </span>
  );
}

export function RatingSummary({ ratingAvg, ratingCount }: { ratingAvg: number; ratingCount: number }) {
  if (ratingCount === 0) return <span className="text-xs text-slate-500">No reviews yet</span>;
  return (
    <span className="inline-flex items-center gap-1 text-xs text-slate-600">
      <Stars rating={ratingAvg} className="text-sm" />
      <span>
        {ratingAvg.toFixed(1)} <span className="sr-only">average from</span>({ratingCount}
        <span className="sr-only"> reviews</span>)
      </span>
    </span>
  );
}
