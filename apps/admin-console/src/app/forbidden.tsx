import { redirect } from "next/navigation";
import { Alert, AuthPanel, buttonClasses } from "@bazaar/ui";
import { getAdminAccess } from "~/server/access";
import { signOutAction } from "./actions";

/** What a signed-in non-administrator sees on any console page, answered with 403. */
export default async function Forbidden() {
  const access = await getAdminAccess();
  if (access.kind === "signed-out") redirect("/sign-in");
  if (access.kind !== "refused") redirect("/");
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
            <a href={access.elsewhere.href} className={buttonClasses("secondary")}>
              {access.elsewhere.label}
            </a>
          ) : null}
        </div>
      </div>
    </AuthPanel>
  );
}
