import type { Metadata } from "next";
import { Alert, SignUpForm } from "@bazaar/ui";
import { requireSignIn } from "~/server/session";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  await requireSignIn("/account/password");
  const { changed } = await searchParams;
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Password</h1>
      {changed ? (
        <Alert tone="success" title="Password changed">
          Every other device signed in to your account has been signed out.
        </Alert>
      ) : (
        <p className="text-sm text-slate-600">Changing it signs out every other device signed in to your account.</p>
      )}
      <SignUpForm
        action={changePasswordAction}
        submitLabel="Change password"
        fields={[
          { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
          { name: "newPassword", label: "New password", type: "password", autoComplete: "new-password", hint: "At least 8 characters." },
        ]}
      />
    </div>
  );
}
