import type { NextAuthConfig } from "next-auth";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb, type Role } from "@bazaar/db";
import { getEnv } from "../env";
import { isDomainError } from "../errors";
import { verifyCredentials } from "../domain/accounts/verify-credentials";
import { cookiesFor, type BazaarApp } from "./cookies";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; email: string; name?: string | null };
  }
  interface User {
    role?: Role;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
  }
}

/** Why a sign-in failed, as the `code` Auth.js passes back to the sign-in page. */
export type SignInErrorCode = "invalid_credentials" | "suspended";

class InvalidCredentials extends CredentialsSignin {
  override code: SignInErrorCode = "invalid_credentials";
}

class AccountSuspended extends CredentialsSignin {
  override code: SignInErrorCode = "suspended";
}

export const signInErrorMessages: Record<SignInErrorCode, string> = {
  invalid_credentials: "That email and password do not match an account.",
  suspended: "This account is suspended. Contact support@bazaar.test to find out why and to reinstate it.",
};

const appUrl = (app: BazaarApp) => {
  const env = getEnv();
  return { storefront: env.STOREFRONT_URL, "seller-console": env.SELLER_CONSOLE_URL, "admin-console": env.ADMIN_CONSOLE_URL }[app];
};

/** The Auth.js configuration of one app: email + password, JWT sessions carrying id and role. */
export function authConfig(app: BazaarApp): NextAuthConfig {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    // Behind `next start` on localhost (and behind proxies) the Host header is the app's own.
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    cookies: cookiesFor(app, appUrl(app).startsWith("https:")),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          try {
            return await verifyCredentials(getDb(), credentials);
          } catch (error) {
            if (isDomainError(error) && error.code === "FORBIDDEN") throw new AccountSuspended();
            if (isDomainError(error)) throw new InvalidCredentials();
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        // The role here is for display and quick routing; every request re-reads the user
        // (loadActor), so a suspension or role change applies at once.
        if (token.sub) session.user.id = token.sub;
        if (token.role) session.user.role = token.role;
        return session;
      },
    },
  };
}
