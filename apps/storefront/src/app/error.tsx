"use client";

import { Button, EmptyState, LinkButton } from "@bazaar/ui";

/** A page that failed to render: say so and offer a retry (the cart and any order are safe). */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState
      title="This page did not load"
      description={
        <>
          Something went wrong on our side. Your cart and orders are safe. Try again in a moment.
          {/* Next.js logs the failure on the server with this digest: support can find it from here. */}
          {error.digest ? <span className="mt-2 block text-xs text-slate-500">Reference: {error.digest}</span> : null}
        </>
      }
      action={
        <div className="flex flex-wrap justify-center gap-3">
          <Button onClick={reset}>Try again</Button>
          <LinkButton href="/" variant="secondary">
            Home
          </LinkButton>
        </div>
      }
    />
  );
}
