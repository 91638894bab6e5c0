import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@bazaar/api";

export type FieldErrors = Partial<Record<string, string[]>>;

type Data = TRPCClientError<AppRouter>["data"];
const dataOf = (error: unknown): Data | null => (error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data : null);

/** The message to show for a failed call: the server's own words for domain and validation errors. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return error instanceof Error ? error.message : "Something went wrong. Try again.";
  const data = dataOf(error);
  if (data?.code === "INTERNAL_SERVER_ERROR") return "Something went wrong on our side. Try again in a moment.";
  if (data?.fieldErrors && Object.keys(data.fieldErrors).length > 0) return "Check the highlighted fields.";
  return error.message;
}

/** Per-field messages from a zod error, or the field a domain error names (`details.field`). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const data = dataOf(error);
  if (!data) return {};
  if (data.fieldErrors) return data.fieldErrors;
  const field = (data.details as { field?: unknown } | null | undefined)?.field;
  return typeof field === "string" && error instanceof Error ? { [field]: [error.message] } : {};
}
