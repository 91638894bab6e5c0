import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AuthPanel, AuthSwitch, SignInForm } from "@bazaar/ui";
import { safeRedirectPath } from "@bazaar/api/auth";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const { callbackUrl, reset } = await searchParams;
  return (
    <AuthPanel title="Sign in to Bazaar" description="Use the email and password of your Bazaar account.">
      <SignInForm
        action={signInAction}
        redirectTo={safeRedirectPath(callbackUrl)}
        notice={
          reset ? (
            <Alert tone="success" title="Password changed">
              Sign in with your new password.
            </Alert>
          ) : null
        }
        footer={
          <div className="space-y-2">
            <p>
              <Link href="/forgot-password">Forgot your password?</Link>
            </p>
            <AuthSwitch prompt="New to Bazaar?" href="/sign-up" label="Create an account" />
          </div>
        }
      />
    </AuthPanel>
  );
}
