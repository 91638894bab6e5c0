import { forbidden, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getAdminAccess } from "~/server/access";
import { ConsoleNav } from "~/components/console-nav";

/** Every console page: administrators only; anyone else sees why not (with HTTP 403). */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const access = await getAdminAccess();
  if (access.kind === "signed-out") redirect("/sign-in");
  if (access.kind === "admin") {
    return (
      <div className="lg:grid lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-8">
        <div className="mb-6 lg:mb-0">
          <div className="lg:sticky lg:top-6">
            <ConsoleNav />
          </div>
        </div>
        <div className="min-w-0">{children}</div>
      </div>
    );
  }
  // Anyone else gets 403 and app/forbidden.tsx, which says why.
  forbidden();
}
