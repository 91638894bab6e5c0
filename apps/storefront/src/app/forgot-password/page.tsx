import type { Metadata } from "next";
import { Alert, AuthPanel, AuthSwitch, SignUpForm } from "@bazaar/ui";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const { sent } = await searchParams;
  return (
    <AuthPanel title="Forgot your password?" description="We email you a link to choose a new one. It works once, for an hour.">
      {sent ? (
        <div className="mb-4">
          <Alert tone="success" title="Check your email">
            If an account uses that address, a link to reset its password is on its way.
          </Alert>
        </div>
      ) : null}
      <SignUpForm
        action={forgotPasswordAction}
        submitLabel="Email me a link"
        fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
        footer={<AuthSwitch prompt="Remembered it?" href="/sign-in" label="Sign in" />}
      />
    </AuthPanel>
  );
}
