import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { authConfig } from "./config";
import type { BazaarApp } from "./cookies";
import { sessionReader } from "./session";

export { signInErrorMessages, type SignInErrorCode } from "./config";
export { cookiesFor, type BazaarApp } from "./cookies";
export { cookiesOfHeader } from "./session";
export { safeRedirectPath } from "./redirect";
export { signInWithPassword, type SignInState } from "./sign-in";
export { formStateFromError, formValues } from "./sign-up";

/**
 * Auth.js for one app: `handlers` for /api/auth/[...nextauth], `signIn` / `signOut` for server
 * actions, and `auth()` for the session in route handlers, server components and actions (read
 * from the cookie directly: see session.ts), or `sessionOf(cookiesOfHeader(...))` where there is
 * no Next request scope (a route handler that the storefront's server calls directly). The
 * configuration is built on first use, so `next build` does not need the secrets.
 */
export function createAuth(app: BazaarApp) {
  const { handlers, signIn, signOut } = NextAuth(() => authConfig(app));
  const readSession = sessionReader(app);
  const auth = async () => readSession((await cookies()).getAll());
  return { handlers, signIn, signOut, auth, sessionOf: readSession };
}

export type BazaarAuth = ReturnType<typeof createAuth>;
