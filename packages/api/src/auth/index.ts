import NextAuth from "next-auth";
import { authConfig } from "./config";
import type { BazaarApp } from "./cookies";

export { signInErrorMessages, type SignInErrorCode } from "./config";
export { cookiesFor, type BazaarApp } from "./cookies";
export { safeRedirectPath } from "./redirect";
export { signInWithPassword, type SignInState } from "./sign-in";
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
