import { TRPCClientError } from "@trpc/client";

/**
 * The message to show for a failed call: the API's own (written for people) when it sent one,
 * field messages for a form, and a plain fallback for a network failure.
 */
export function errorMessage(error: unknown, fallback = "Something went wrong. Check your connection and try again."): string {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<never>).data as { code?: string; fieldErrors?: Record<string, string[] | undefined> | null } | undefined;
    const field = data?.fieldErrors ? Object.values(data.fieldErrors).flat().find(Boolean) : undefined;
    if (field) return field;
    if (data?.code === "INTERNAL_SERVER_ERROR") return fallback;
    return error.message || fallback;
  }
  return fallback;
}

/** Field messages of a failed form submission, by field name. */
export function fieldErrors(error: unknown): Partial<Record<string, string[]>> {
  if (!(error instanceof TRPCClientError)) return {};
  const data = (error as TRPCClientError<never>).data as { fieldErrors?: Partial<Record<string, string[]>> | null } | undefined;
  return data?.fieldErrors ?? {};
}

/** The API's domain error code (OUT_OF_STOCK, CONFLICT, ...) of a failed call, if it sent one. */
export function domainCodeOf(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error as TRPCClientError<never>).data as { domainCode?: string | null } | undefined;
  return data?.domainCode ?? null;
}
