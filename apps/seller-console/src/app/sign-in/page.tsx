import type { Metadata } from "next";
import { AuthPanel, AuthSwitch, SignInForm } from "@bazaar/ui";
import { safeRedirectPath } from "@bazaar/api/auth";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <AuthPanel title="Sign in to the seller console" description="Manage your shop, products, stock and orders.">
      <SignInForm
        action={signInAction}
        redirectTo={safeRedirectPath(callbackUrl)}
        footer={<AuthSwitch prompt="Want to sell on Bazaar?" href="/sign-up" label="Open a shop" />}
      />
    </AuthPanel>
  );
}
