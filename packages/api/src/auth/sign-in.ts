import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { ZSignInSchema } from "../validators/accounts";
import { signInErrorMessage } from "./config";
import type { BazaarAuth } from "./index";
import { safeRedirectPath } from "./redirect";

/** What a sign-in or sign-up action gives back to its form (matches @bazaar/ui's FormState). */
export interface SignInState {
  error: string | null;
  fieldErrors?: Partial<Record<string, string[]>>;
  values?: Partial<Record<string, string>>;
}

/**
 * The body of each app's sign-in server action: checks the form, signs in and redirects, or
 * returns a message for the form. Auth.js signals success by throwing Next's redirect, which
 * must propagate.
 */
export async function signInWithPassword(signIn: BazaarAuth["signIn"], formData: FormData, fallbackRedirect = "/"): Promise<SignInState> {
  const email = formData.get("email");
  const parsed = ZSignInSchema.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) {
    return {
      error: null,
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: { email: typeof email === "string" ? email : "" },
    };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirectPath(formData.get("redirectTo"), fallbackRedirect),
    });
    return { error: null };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { error: signInErrorMessage(error.code), values: { email: parsed.data.email } };
    }
    if (error instanceof AuthError) {
      return { error: "Signing in failed. Try again in a moment.", values: { email: parsed.data.email } };
    }
    throw error;
  }
}
