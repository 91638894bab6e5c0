import type { NextAuthConfig } from "next-auth";
import { getEnv } from "../env";

export type BazaarApp = "storefront" | "seller-console" | "admin-console";

/**
 * The three apps run on one host (localhost) on different ports and browsers share cookies
 * across ports, so each app names its own cookies: signing in to the admin console must not
 * sign the same browser in to (or out of) the storefront.
 */
export function cookiesFor(app: BazaarApp, secure: boolean): NextAuthConfig["cookies"] {
  const prefix = secure ? "__Secure-" : "";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  const name = (cookie: string) => `${prefix}bazaar-${app}.${cookie}`;
  return {
    sessionToken: { name: name("session-token"), options },
    callbackUrl: { name: name("callback-url"), options },
    csrfToken: { name: `${secure ? "__Host-" : ""}bazaar-${app}.csrf-token`, options },
    pkceCodeVerifier: { name: name("pkce.code_verifier"), options: { ...options, maxAge: 60 * 15 } },
    state: { name: name("state"), options: { ...options, maxAge: 60 * 15 } },
    nonce: { name: name("nonce"), options },
  };
}

const appUrl = (app: BazaarApp) => {
  const env = getEnv();
  return { storefront: env.STOREFRONT_URL, "seller-console": env.SELLER_CONSOLE_URL, "admin-console": env.ADMIN_CONSOLE_URL }[app];
};

/** The app's Auth.js cookies (Secure-prefixed when it is served over https). */
export const appCookies = (app: BazaarApp) => cookiesFor(app, appUrl(app).startsWith("https:"));
