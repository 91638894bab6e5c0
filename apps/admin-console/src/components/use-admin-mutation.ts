"use client";

import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { errorMessage, fieldErrorsOf, type FieldErrors } from "~/lib/trpc-errors";

export interface AdminMutation<I> {
  run: (input: I) => Promise<boolean>;
  pending: boolean;
  error: string | null;
  fieldErrors: FieldErrors;
  /** A client-side check failed: show it like a server error. */
  fail: (message: string, fieldErrors?: FieldErrors) => void;
  reset: () => void;
}

/**
 * Runs a tRPC mutation (`trpc.x.y.mutationOptions()`), keeps its error for the form, and on
 * success re-renders the page's server components (the data on screen comes from them), so lists
 * and figures update at once.
 */
export function useAdminMutation<TData, TError, I, TContext>(options: UseMutationOptions<TData, TError, I, TContext>): AdminMutation<I> {
  const { mutateAsync: mutate } = useMutation(options);
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  return {
    pending: busy || refreshing,
    error,
    fieldErrors,
    fail: (message, fields = {}) => {
      setError(message);
      setFieldErrors(fields);
    },
    reset: () => {
      setError(null);
      setFieldErrors({});
    },
    run: async (input) => {
      setBusy(true);
      setError(null);
      setFieldErrors({});
      try {
        await mutate(input);
        startTransition(() => router.refresh());
        return true;
      } catch (e) {
        setError(errorMessage(e));
        setFieldErrors(fieldErrorsOf(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
