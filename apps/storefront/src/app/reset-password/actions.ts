"use server";

import { redirect } from "next/navigation";
import { formStateFromError, type SignInState } from "@bazaar/api/auth";
import { api } from "~/trpc/server";

export async function resetPasswordAction(token: string, _state: SignInState, formData: FormData): Promise<SignInState> {
  const password = formData.get("password");
  try {
    await api.account.resetPassword({ token, password: typeof password === "string" ? password : "" });
  } catch (error) {
    return formStateFromError(error, {});
  }
  redirect("/sign-in?reset=1");
}
