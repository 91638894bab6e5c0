"use server";

import { formStateFromError, formValues, type SignInState } from "@bazaar/api/auth";
import { signIn } from "~/auth";
import { api } from "~/trpc/server";

const FIELDS = ["name", "email", "password", "shopName", "slug", "contactEmail"] as const;

export async function signUpAction(_state: SignInState, formData: FormData): Promise<SignInState> {
  const values = formValues(formData, FIELDS);
  try {
    await api.account.signUpSeller({
      name: values.name ?? "",
      email: values.email ?? "",
      password: values.password ?? "",
      shopName: values.shopName ?? "",
      slug: values.slug ?? "",
      contactEmail: values.contactEmail ?? "",
    });
  } catch (error) {
    return formStateFromError(error, values);
  }
  // The new shop is pending: the console's home says so and what happens next.
  await signIn("credentials", { email: values.email, password: values.password, redirectTo: "/" });
  return { error: null };
}
