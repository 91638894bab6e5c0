import { LoadingRegion, Skeleton } from "@bazaar/ui";

/** Shown while a console page's data loads (the navigation stays in place). */
export default function Loading() {
  return (
    <LoadingRegion label="Loading the page">
      <Skeleton className="mb-2 h-8 w-56" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <Skeleton className="mb-4 h-20 w-full" />
      <div className="space-y-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    </LoadingRegion>
  );
}
