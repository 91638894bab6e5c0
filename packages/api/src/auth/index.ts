import NextAuth from "next-auth";
import { authConfig, type BazaarApp } from "./config";

export { signInErrorMessages, cookiesFor, type BazaarApp, type SignInErrorCode } from "./config";
export { signInWithPassword, safeRedirectPath, type SignInState } from "./sign-in";
export { formStateFromError, formValues } from "./sign-up";

/**
 * Auth.js for one app: `handlers` for /api/auth/[...nextauth], `auth()` for the session,
 * `signIn` / `signOut` for server actions. The configuration is built on first use, so
 * `next build` does not need the secrets.
 */
export function createAuth(app: BazaarApp) {
  return NextAuth(() => authConfig(app));
}

export type BazaarAuth = ReturnType<typeof createAuth>;
