import type { Metadata } from "next";
import { AuthPanel, AuthSwitch, SignUpForm } from "@bazaar/ui";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Open a shop" };

export default function SignUpPage() {
  return (
    <AuthPanel title="Open a shop on Bazaar" description="Tell us about you and your shop. The Bazaar team reviews every new shop before it can sell.">
      <SignUpForm
        action={signUpAction}
        submitLabel="Apply to sell"
        fields={[
          { name: "name", label: "Your name", autoComplete: "name" },
          { name: "email", label: "Email (to sign in)", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: "At least 8 characters." },
          { name: "shopName", label: "Shop name", autoComplete: "organization" },
          { name: "slug", label: "Shop address", hint: "Lower-case letters, digits and hyphens, e.g. northwind-audio." },
          { name: "contactEmail", label: "Contact email for buyers", type: "email", autoComplete: "email" },
        ]}
        footer={<AuthSwitch prompt="Already selling on Bazaar?" href="/sign-in" label="Sign in" />}
      />
    </AuthPanel>
  );
}
