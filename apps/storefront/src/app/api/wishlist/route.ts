import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { createCaller, createContext } from "@bazaar/api/server";
import { ZWishlistEntrySchema } from "@bazaar/api/validators";
import { requestIdentity } from "~/server/identity";
import { jsonAnswer } from "~/server/json-answer";

const ZToggleSchema = ZWishlistEntrySchema.extend({ saved: z.boolean() });

/**
 * The hearts on cards and product pages save through this small JSON route rather than tRPC, so
 * listing pages do not download the tRPC client for one button. The same procedures answer.
 */
export async function POST(request: NextRequest) {
  const body = ZToggleSchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return NextResponse.json({ message: "Send the product to save and whether to save it." }, { status: 400 });
  const identity = await requestIdentity();
  const api = createCaller(() => createContext(identity));
  const { saved, ...entry } = body.data;
  return jsonAnswer(() => (saved ? api.wishlist.save(entry) : api.wishlist.remove({ productId: entry.productId })));
}
