import { NextResponse, type NextRequest } from "next/server";
import { isBadRequest } from "~/lib/not-found";
import { publicApi } from "~/server/public-api";

/**
 * The header search's suggestions as plain JSON: the box is on every page, and a fetch keeps the
 * tRPC client out of pages that need nothing else from it. Public data, the same for everyone.
 */
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get("q") ?? "";
  // Text the API refuses (control characters) suggests nothing rather than failing the box.
  const suggestions = await publicApi.storefront.suggest({ q: q.slice(0, 200) }).catch((error: unknown) => {
    if (isBadRequest(error)) return [];
    throw error;
  });
  return NextResponse.json(suggestions, { headers: { "Cache-Control": "public, max-age=60" } });
}
