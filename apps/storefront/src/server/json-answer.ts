import "server-only";

import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";
import { NextResponse } from "next/server";

/** Runs a procedure for a plain JSON route: its result, or its error's message with its HTTP status. */
export async function jsonAnswer(call: () => Promise<unknown>) {
  try {
    return NextResponse.json(await call(), { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return NextResponse.json({ message: error.message }, { status: getHTTPStatusCodeFromError(error) });
  }
}
