"use server";

import { formStateFromError, type SignInState } from "@bazaar/api/auth";
import { auth, signIn } from "~/auth";
import { api } from "~/trpc/server";

export async function changePasswordAction(_state: SignInState, formData: FormData): Promise<SignInState> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const session = await auth();
  if (!session?.user) return { error: "Sign in again to change your password." };
  try {
    await api.account.changePassword({ currentPassword: field("currentPassword"), newPassword: field("newPassword") });
  } catch (error) {
    const state = formStateFromError(error, {});
    const fieldErrors = (error as { cause?: { details?: { fieldErrors?: Record<string, string[]> } } }).cause?.details?.fieldErrors;
    return fieldErrors ? { error: null, fieldErrors } : state;
  }
  // Every other session is signed out by the change; this one signs in again with the new password.
  await signIn("credentials", { email: session.user.email, password: field("newPassword"), redirectTo: "/account/password?changed=1" });
  return { error: null };
}
