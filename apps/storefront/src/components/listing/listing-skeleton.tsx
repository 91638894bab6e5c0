import { LoadingRegion, Skeleton } from "@bazaar/ui";

/** What a listing (category or search) shows while its page loads: the filters and eight cards. */
export function ListingSkeleton() {
  return (
    <LoadingRegion label="Loading products">
      <Skeleton className="mb-6 h-8 w-64" />
      <div className="grid gap-6 lg:grid-cols-[15rem_1fr]">
        <Skeleton className="hidden h-96 lg:block" />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="space-y-2">
              <Skeleton className="aspect-square" />
              <Skeleton className="h-4 w-3/4" />
              <Skeleton className="h-4 w-1/3" />
            </div>
          ))}
        </div>
      </div>
    </LoadingRegion>
  );
}
