import type { NextAuthConfig } from "next-auth";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb, type Role } from "@bazaar/db";
import { getEnv } from "../env";
import { isDomainError } from "../errors";
import { authenticate } from "../domain/accounts/authenticate";
import { clientIpOf } from "../http/client-ip";
import { appCookies, type BazaarApp } from "./cookies";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; email: string; name?: string | null; sessionVersion?: number };
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    /** The user's session version at sign-in; a password change moves it on and this session ends. */
    sv?: number;
  }
}

/** Why a sign-in failed, as the `code` Auth.js passes back to the sign-in page. */
export type SignInErrorCode = "invalid_credentials" | "suspended" | "throttled";

class InvalidCredentials extends CredentialsSignin {
  override code: SignInErrorCode = "invalid_credentials";
}

class AccountSuspended extends CredentialsSignin {
  override code: SignInErrorCode = "suspended";
}

/** Too many attempts; the code carries the seconds to wait (`throttled:<seconds>`), for the form's message. */
class SignInThrottled extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `throttled:${retryAfterSeconds}`;
  }
}

export const signInErrorMessages: Record<SignInErrorCode, string> = {
  invalid_credentials: "That email and password do not match an account.",
  suspended: "This account is suspended. Contact support@bazaar.test to find out why and to reinstate it.",
  throttled: "Too many sign-in attempts. Wait a few minutes and try again, or reset your password.",
};

/** The form's message for a sign-in error code. */
export function signInErrorMessage(code: string | undefined): string {
  const [kind, seconds] = (code ?? "").split(":");
  if (kind === "throttled" && seconds) {
    const wait = Number(seconds) < 90 ? `${seconds} seconds` : `${Math.ceil(Number(seconds) / 60)} minutes`;
    return `Too many sign-in attempts for this account. Wait ${wait} and try again, or reset your password.`;
  }
  return signInErrorMessages[kind as SignInErrorCode] ?? signInErrorMessages.invalid_credentials;
}

/** The Auth.js configuration of one app: email + password, JWT sessions carrying id and role. */
export function authConfig(app: BazaarApp): NextAuthConfig {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    // Behind `next start` on localhost (and behind proxies) the Host header is the app's own.
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    cookies: appCookies(app),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          try {
            return await authenticate(getDb(), credentials, { ip: clientIpOf(request.headers) });
          } catch (error) {
            if (isDomainError(error) && error.code === "TOO_MANY_REQUESTS") throw new SignInThrottled(Number(error.details?.retryAfterSeconds ?? 60));
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
          token.sv = user.sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        // The role here is for display and quick routing; every request re-reads the user
        // (loadActor), so a suspension or role change applies at once.
        if (token.sub) session.user.id = token.sub;
        if (token.role) session.user.role = token.role;
        session.user.sessionVersion = token.sv ?? 0;
        return session;
      },
    },
  };
}
