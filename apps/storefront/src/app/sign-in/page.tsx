import type { Metadata } from "next";
import { AuthPanel, AuthSwitch, SignInForm } from "@bazaar/ui";
import { safeRedirectPath } from "@bazaar/api/auth";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <AuthPanel title="Sign in to Bazaar" description="Use the email and password of your Bazaar account.">
      <SignInForm
        action={signInAction}
        redirectTo={safeRedirectPath(callbackUrl)}
        footer={<AuthSwitch prompt="New to Bazaar?" href="/sign-up" label="Create an account" />}
      />
    </AuthPanel>
  );
}
