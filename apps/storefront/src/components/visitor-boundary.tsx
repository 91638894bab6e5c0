import { Suspense, type ReactNode } from "react";
import { LoadingRegion, Skeleton } from "@bazaar/ui";

/**
 * Around pages that read the visitor's session or the query string: they render per request,
 * and the boundary lets the rest of the route be prerendered (Cache Components) while they load.
 */
export function VisitorBoundary({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <LoadingRegion label="Loading">
          <Skeleton className="h-64" />
        </LoadingRegion>
      }
    >
      {children}
    </Suspense>
  );
}
