"use server";

import { formStateFromError, formValues, type SignInState } from "@bazaar/api/auth";
import { signIn } from "~/auth";
import { api } from "~/trpc/server";

const FIELDS = ["name", "email", "password"] as const;

export async function signUpAction(_state: SignInState, formData: FormData): Promise<SignInState> {
  const values = formValues(formData, FIELDS);
  try {
    await api.account.signUpBuyer({ name: values.name ?? "", email: values.email ?? "", password: values.password ?? "" });
  } catch (error) {
    return formStateFromError(error, values);
  }
  // Outside the try: a successful sign-in ends in Next's redirect, which is thrown.
  await signIn("credentials", { email: values.email, password: values.password, redirectTo: "/" });
  return { error: null };
}
