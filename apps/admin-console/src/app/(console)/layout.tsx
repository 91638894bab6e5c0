import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Alert, AuthPanel, buttonClasses } from "@bazaar/ui";
import { getAdminAccess } from "~/server/access";
import { ConsoleNav } from "~/components/console-nav";
import { signOutAction } from "../actions";

/** Every console page: administrators only; anyone else sees why not. */
export default async function ConsoleLayout({
  children,
}: {
  children: ReactNode;
}) {
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
  return (
    <AuthPanel title="Access refused">
      <div className="space-y-6" data-testid="access-refused">
        <Alert tone="warning" title={access.title}>
          {access.reason}
        </Alert>
        <div className="flex flex-wrap gap-3">
          <form action={signOutAction}>
            <button type="submit" className={buttonClasses("primary")}>
              Sign out
            </button>
          </form>
          {access.elsewhere ? (
            <a
              href={access.elsewhere.href}
              className={buttonClasses("secondary")}
            >
              {access.elsewhere.label}
            </a>
          ) : null}
        </div>
      </div>
    </AuthPanel>
  );
}
