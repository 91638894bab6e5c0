import type { ReactNode } from "react";
import { ApiProvider } from "~/components/api-provider";
import { VisitorBoundary } from "~/components/visitor-boundary";

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ApiProvider>
      <VisitorBoundary>{children}</VisitorBoundary>
    </ApiProvider>
  );
}
