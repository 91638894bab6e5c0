import { NextResponse, type NextRequest } from "next/server";
import { createCaller, createContext } from "@bazaar/api/server";
import { ZWishlistMergeSchema } from "@bazaar/api/validators";
import { requestIdentity } from "~/server/identity";
import { jsonAnswer } from "~/server/json-answer";

/** A guest's hearts (kept in their browser) join the account's wishlist once they sign in. */
export async function POST(request: NextRequest) {
  const body = ZWishlistMergeSchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return NextResponse.json({ message: body.error.issues[0]?.message ?? "Send the saved products." }, { status: 400 });
  const identity = await requestIdentity();
  const api = createCaller(() => createContext(identity));
  return jsonAnswer(async () => {
    await api.wishlist.mergeGuest(body.data);
    return { ids: await api.wishlist.ids() };
  });
}
