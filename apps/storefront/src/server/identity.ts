import "server-only";

import { cookies, headers } from "next/headers";
import { clientIpOf } from "@bazaar/api/http/client-ip";
import type { RequestIdentity } from "@bazaar/api/server";
import { auth } from "~/auth";

/** The guest cart's cookie: a guest's cart is found by it until they sign in. */
export const GUEST_CART_COOKIE = "bazaar_cart";

/** Who is asking: shared by the /api/trpc route and server components. */
export async function requestIdentity(): Promise<RequestIdentity> {
  const [session, jar, head] = await Promise.all([auth(), cookies(), headers()]);
  return {
    userId: session?.user.id ?? null,
    sessionVersion: session?.user.sessionVersion,
    guestCartToken: jar.get(GUEST_CART_COOKIE)?.value ?? null,
    clientIp: clientIpOf(head),
  };
}
