import { LoadingRegion, Skeleton } from "@bazaar/ui";

/** Shown while a console page loads its data. */
export default function Loading() {
  return (
    <LoadingRegion label="Loading the page">
      <Skeleton className="mb-2 h-8 w-56" />
      <Skeleton className="mb-6 h-4 w-80 max-w-full" />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-72 w-full" />
    </LoadingRegion>
  );
}
