import "server-only";

import { cookies, headers } from "next/headers";
import { cookiesOfHeader } from "@bazaar/api/auth";
import { clientIpOf } from "@bazaar/api/http/client-ip";
import type { RequestIdentity } from "@bazaar/api/server";
import { auth, sessionOf } from "~/auth";

/** The guest cart's cookie: a guest's cart is found by it until they sign in. */
export const GUEST_CART_COOKIE = "bazaar_cart";

/** Who is asking, for server components and actions (read through Next's request scope). */
export async function requestIdentity(): Promise<RequestIdentity> {
  const [session, jar, head] = await Promise.all([auth(), cookies(), headers()]);
  return {
    userId: session?.user.id ?? null,
    sessionVersion: session?.user.sessionVersion,
    guestCartToken: jar.get(GUEST_CART_COOKIE)?.value ?? null,
    clientIp: clientIpOf(head),
  };
}

/**
 * Who is asking, from the request's own headers: for /api/trpc, which the storefront's server
 * (server.mjs) also answers outside Next, where `cookies()` and `headers()` have no request to read.
 */
export async function identityOf(request: { headers: Pick<Headers, "get"> }): Promise<RequestIdentity> {
  const jar = cookiesOfHeader(request.headers.get("cookie"));
  const session = await sessionOf(jar);
  return {
    userId: session?.user.id ?? null,
    sessionVersion: session?.user.sessionVersion,
    guestCartToken: jar.find((cookie) => cookie.name === GUEST_CART_COOKIE)?.value ?? null,
    clientIp: clientIpOf(request.headers),
  };
}
