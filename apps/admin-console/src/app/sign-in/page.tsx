import type { Metadata } from "next";
import { AuthPanel, SignInForm } from "@bazaar/ui";
import { safeRedirectPath } from "@bazaar/api/auth";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <AuthPanel title="Sign in to the admin console" description="For Bazaar administrators.">
      <SignInForm action={signInAction} redirectTo={safeRedirectPath(callbackUrl)} />
    </AuthPanel>
  );
}
