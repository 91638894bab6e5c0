import { NextResponse } from "next/server";
import { createCaller, createContext } from "@bazaar/api/server";
import { auth } from "~/auth";
import type { Visitor } from "~/components/visitor";
import { requestIdentity } from "~/server/identity";

/**
 * Who is looking and how full their cart is, for the header's client island. Pages no longer
 * read the session or the cart while rendering, so the same HTML serves every visitor; this
 * small answer personalises it after load.
 */
export async function GET() {
  const [session, identity] = await Promise.all([auth(), requestIdentity()]);
  const user = session?.user ? { name: session.user.name ?? null, email: session.user.email } : null;
  const api = createCaller(() => createContext(identity));
  // A suspended buyer's cart is refused; they still see that they are signed in.
  const [cartCount, saved] = await Promise.all([api.cart.count().catch(() => 0), user ? api.wishlist.ids().catch(() => []) : []]);
  const visitor: Visitor = { user, cartCount, guestCartToMerge: Boolean(user && identity.guestCartToken), saved };
  return NextResponse.json(visitor, { headers: { "Cache-Control": "private, no-store" } });
}
