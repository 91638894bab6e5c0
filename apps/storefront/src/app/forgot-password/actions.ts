"use server";

import { redirect } from "next/navigation";
import { formStateFromError, formValues, type SignInState } from "@bazaar/api/auth";
import { api } from "~/trpc/server";

export async function forgotPasswordAction(_state: SignInState, formData: FormData): Promise<SignInState> {
  const values = formValues(formData, ["email"] as const);
  try {
    await api.account.requestPasswordReset({ email: values.email ?? "" });
  } catch (error) {
    return formStateFromError(error, values);
  }
  redirect("/forgot-password?sent=1");
}
