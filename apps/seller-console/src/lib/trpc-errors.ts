import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@bazaar/api";

type FieldErrors = Partial<Record<string, string[]>>;

/** The message to show for a failed call: the server's own words for domain and validation errors. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    if (data?.code === "INTERNAL_SERVER_ERROR") return "Something went wrong on our side. Try again in a moment.";
    if (data?.fieldErrors && Object.keys(data.fieldErrors).length > 0) return "Check the highlighted fields.";
    return error.message;
  }
  return "The request did not reach Bazaar. Check your connection and try again.";
}

/** Per-field messages from a zod error, or the field a domain error names (`details.field`). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = (error as TRPCClientError<AppRouter>).data;
  if (data?.fieldErrors) return data.fieldErrors;
  const field = (data?.details as { field?: unknown } | null | undefined)?.field;
  return typeof field === "string" ? { [field]: [error.message] } : {};
}

/** The domain code of a failed call ("CONFLICT"...), or null. */
export function domainCodeOf(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  return ((error as TRPCClientError<AppRouter>).data?.domainCode as string | null | undefined) ?? null;
}
