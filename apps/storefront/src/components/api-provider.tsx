import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";
import { CartCountSync } from "./cart-count-sync";

/**
 * The tRPC client and React Query, for the parts of the site whose client components call the
 * API (product page, cart, checkout, account). Listings and the home page render from the
 * server alone and do not download them (~22 KB gzip).
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <CartCountSync />
      {children}
    </TRPCReactProvider>
  );
}
