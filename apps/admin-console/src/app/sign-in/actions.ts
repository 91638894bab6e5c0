"use server";

import { signInWithPassword, type SignInState } from "@bazaar/api/auth";
import { signIn } from "~/auth";

export async function signInAction(_state: SignInState, formData: FormData): Promise<SignInState> {
  return signInWithPassword(signIn, formData);
}
