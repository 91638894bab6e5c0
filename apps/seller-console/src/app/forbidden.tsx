import { redirect } from "next/navigation";
import { Alert, AuthPanel, buttonClasses } from "@bazaar/ui";
import { ApplicationStatus } from "~/components/application-status";
import { getSellerAccess } from "~/server/access";
import { api } from "~/trpc/server";
import { resendVerificationAction, signOutAction } from "./actions";

/** What a signed-in user who may not use the console sees on any of its pages, answered with 403. */
export default async function Forbidden() {
  const access = await getSellerAccess();
  if (access.kind === "signed-out") redirect("/sign-in");
  if (access.kind !== "refused") redirect("/");
  const seller = access.account.seller;
  // A shop in review sees its application and the road ahead; other refusals need no more than the reason.
  const onboarding = seller?.status === "PENDING" && access.account.status === "ACTIVE" ? await api.seller.onboarding() : null;
  return (
    <AuthPanel title={access.title}>
      <div className="space-y-6" data-testid="access-refused">
        <Alert tone={access.tone}>{access.reason}</Alert>
        {seller?.status === "PENDING" && !access.account.emailVerified ? (
          <div data-testid="email-unverified" className="space-y-3">
            <Alert tone="warning" title="Confirm your email address first">
              We sent a link to {access.account.email}. Your shop can be approved only once you have followed it: the Bazaar team cannot approve it before.
            </Alert>
            <form action={resendVerificationAction}>
              <button type="submit" className={buttonClasses("secondary")}>
                Email me a new link
              </button>
            </form>
          </div>
        ) : null}
        {onboarding ? <ApplicationStatus status={onboarding} /> : null}
        <form action={signOutAction}>
          <button type="submit" className={buttonClasses("secondary")}>
            Sign out
          </button>
        </form>
      </div>
    </AuthPanel>
  );
}
