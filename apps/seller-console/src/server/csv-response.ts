import "server-only";

import { TRPCError } from "@trpc/server";

const STATUS: Partial<Record<TRPCError["code"], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400 };

/** A CSV download, or the refusal as plain text (a signed-out or unapproved caller gets 401/403, never data). */
export async function csvDownload(fileName: string, produce: () => Promise<string>): Promise<Response> {
  try {
    const csv = await produce();
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && STATUS[error.code]) {
      return new Response(error.message, { status: STATUS[error.code], headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
    }
    throw error;
  }
}

export const today = () => new Date().toISOString().slice(0, 10);
