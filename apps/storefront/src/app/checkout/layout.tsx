import type { ReactNode } from "react";
import { ApiProvider } from "~/components/api-provider";

export default function Layout({ children }: { children: ReactNode }) {
  return <ApiProvider>{children}</ApiProvider>;
}
