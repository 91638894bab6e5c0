import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import SuperJSON from "superjson";

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Server-rendered data is fresh when it arrives; don't refetch it straight away.
      queries: { staleTime: 30_000 },
      dehydrate: {
        serializeData: SuperJSON.serialize,
        // Queries prefetched without await stream to the client as they resolve.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
        shouldRedactErrors: () => false,
      },
      hydrate: { deserializeData: SuperJSON.deserialize },
    },
  });
}
