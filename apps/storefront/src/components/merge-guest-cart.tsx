"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@bazaar/ui";
import { TRPCReactProvider, useTRPC } from "~/trpc/react";
import { setCartCount } from "./visitor";

/**
 * Rendered when a signed-in buyer still has a guest cart cookie (they just signed in or up):
 * moves the guest cart into theirs once and says what happened. Brings its own provider: it
 * sits in the root layout, above the pages' providers (the browser's query client is shared).
 */
export function MergeGuestCart() {
  return (
    <TRPCReactProvider>
      <Merge />
    </TRPCReactProvider>
  );
}

function Merge() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const started = useRef(false);
  const [notes, setNotes] = useState<string[] | null>(null);
  const merge = useMutation(
    trpc.cart.mergeGuest.mutationOptions({
      onSuccess: (result) => {
        queryClient.setQueryData(trpc.cart.get.queryKey(), result.cart);
        setCartCount(result.cart.itemCount);
        // The response cleared the cookie, so the header's next answer (after navigating) unmounts this.
        if (result.merged) setNotes(result.notes);
      },
    }),
  );
  useEffect(() => {
    // Strict mode mounts twice in development; merging is idempotent, but one request is enough.
    if (started.current) return;
    started.current = true;
    merge.mutate();
  }, [merge]);

  if (merge.isError) {
    return (
      <Alert tone="warning" title="Your guest cart could not be added to your account" className="mb-6">
        {merge.error.message} Your earlier items are still saved: reload the page to try again.
      </Alert>
    );
  }
  if (!notes) return null;
  return (
    <Alert tone="success" title="We added the items from your guest cart to your cart" className="mb-6">
      {notes.length > 0 ? (
        <ul className="list-disc pl-5">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
