import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { appRouter } from "@bazaar/api";
import { createCaller, createContext } from "@bazaar/api/server";
import { requestIdentity } from "~/server/identity";
import { createQueryClient } from "./query-client";

// One context per request, built the same way as the /api/trpc route's.
const createRscContext = cache(async () => createContext(await requestIdentity()));

export const getQueryClient = cache(createQueryClient);

/** Query options for server components that prefetch for client components. */
export const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: createRscContext, queryClient: getQueryClient });

/** Direct calls from server components and server actions. */
export const api = createCaller(createRscContext);

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/**
 * Loads a query on the server for the client components below HydrateClient. Await it: the page
 * then renders with the data on the server and in the browser alike. A query still pending when
 * the page renders would be streamed in later, and the browser's first render (with the data)
 * would not match the server's (a skeleton): React's hydration error #418 on the cart page.
 * A failed query is left for the browser to retry, as if never prefetched.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query's options, as in tRPC's own docs
export async function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T): Promise<void> {
  const queryClient = getQueryClient();
  if (queryOptions.queryKey[1]?.type === "infinite") {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument -- see above
    await queryClient.prefetchInfiniteQuery(queryOptions as any);
  } else {
    await queryClient.prefetchQuery(queryOptions);
  }
}
