import type { Metadata } from "next";
import Link from "next/link";
import { Alert, AuthPanel, SignUpForm } from "@bazaar/ui";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthPanel title="Choose a new password" description="Every device signed in to your account will be signed out.">
      {typeof token === "string" && token ? (
        <SignUpForm
          action={resetPasswordAction.bind(null, token)}
          submitLabel="Save my new password"
          fields={[{ name: "password", label: "New password", type: "password", autoComplete: "new-password", hint: "At least 8 characters." }]}
        />
      ) : (
        <Alert tone="warning" title="This link is incomplete">
          Open the link from the email again, or <Link href="/forgot-password">ask for a new one</Link>.
        </Alert>
      )}
    </AuthPanel>
  );
}
