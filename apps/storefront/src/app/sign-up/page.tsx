import type { Metadata } from "next";
import { AuthPanel, AuthSwitch, SignUpForm } from "@bazaar/ui";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <AuthPanel title="Create your Bazaar account" description="Shop from every seller with one account and one checkout.">
      <SignUpForm
        action={signUpAction}
        submitLabel="Create account"
        fields={[
          { name: "name", label: "Name", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: "At least 8 characters." },
        ]}
        footer={<AuthSwitch prompt="Already have an account?" href="/sign-in" label="Sign in" />}
      />
    </AuthPanel>
  );
}
