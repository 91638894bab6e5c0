import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { appRouter } from "@bazaar/api";
import { createQueryClient } from "@bazaar/api/query-client";
import { createCaller, createContext } from "@bazaar/api/server";
import { requestIdentity } from "~/server/identity";

// One context per request, built the same way as the /api/trpc route's.
const createRscContext = cache(async () => createContext(await requestIdentity()));

export const getQueryClient = cache(createQueryClient);

/** Query options for server components that prefetch for client components. */
export const trpc = createTRPCOptionsProxy({
  router: appRouter,
  ctx: createRscContext,
  queryClient: getQueryClient,
});

/** Direct calls from server components and server actions. */
export const api = createCaller(createRscContext);

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query's options, as in tRPC's own docs
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  const queryClient = getQueryClient();
  if (queryOptions.queryKey[1]?.type === "infinite") {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument -- see above
    void queryClient.prefetchInfiniteQuery(queryOptions as any);
  } else {
    void queryClient.prefetchQuery(queryOptions);
  }
}
