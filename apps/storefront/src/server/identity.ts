import "server-only";

import { cookies } from "next/headers";
import type { RequestIdentity } from "@bazaar/api/server";
import { auth } from "~/auth";

/** The guest cart's cookie: a guest's cart is found by it until they sign in. */
export const GUEST_CART_COOKIE = "bazaar_cart";

/** Who is asking: shared by the /api/trpc route and server components. */
export async function requestIdentity(): Promise<RequestIdentity> {
  const [session, jar] = await Promise.all([auth(), cookies()]);
  return { userId: session?.user.id ?? null, guestCartToken: jar.get(GUEST_CART_COOKIE)?.value ?? null };
}
