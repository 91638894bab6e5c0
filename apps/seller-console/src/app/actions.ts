"use server";

import { signOut } from "~/auth";
import { api } from "~/trpc/server";

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

/** A seller whose email is not confirmed asks for a new link (limited to a few an hour). */
export async function resendVerificationAction(): Promise<void> {
  await api.account.resendVerification();
}
