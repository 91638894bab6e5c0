import { forbidden, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSellerAccess } from "~/server/access";

/** Every console page: approved sellers only; anyone else sees why not, with HTTP 403. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const access = await getSellerAccess();
  if (access.kind === "signed-out") redirect("/sign-in");
  if (access.kind === "approved") return children;
  // Anyone else gets 403 and app/forbidden.tsx, which says why (a shop in review sees where it stands).
  forbidden();
}
