// The provider and hooks are shared by every app (they all serve the same router at /api/trpc).
export { TRPCReactProvider, useTRPC, useTRPCClient } from "@bazaar/api/react";
