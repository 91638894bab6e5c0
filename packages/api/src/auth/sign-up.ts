import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { DomainError } from "../errors";
import type { SignInState } from "./sign-in";

/** The text fields of a submitted form (files and the password left out of `values`). */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = formData.get(field);
      return [field, typeof value === "string" ? value : ""];
    }),
  );
}

/**
 * Turns a failed sign-up (validation or a domain refusal such as a taken email) into what the
 * form shows: messages under the fields they concern, or one message for the form.
 */
export function formStateFromError(error: unknown, values: Record<string, string>): SignInState {
  const cause = error instanceof TRPCError ? error.cause : error;
  const kept = Object.fromEntries(Object.entries(values).filter(([field]) => field !== "password"));
  if (cause instanceof ZodError) {
    return { error: null, fieldErrors: z.flattenError(cause).fieldErrors, values: kept };
  }
  if (cause instanceof DomainError) {
    const field = cause.details?.field;
    if (typeof field === "string") return { error: null, fieldErrors: { [field]: [cause.message] }, values: kept };
    return { error: cause.message, values: kept };
  }
  throw error;
}
