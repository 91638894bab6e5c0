"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert, Button } from "@bazaar/ui";
import { errorMessage } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

/** Sends the seller to Stripe's hosted onboarding; Stripe sends them back to `returnPath`. */
export function ConnectPayoutsButton({ returnPath, label = "Set up payouts with Stripe" }: { returnPath: string; label?: string }) {
  const trpc = useTRPC();
  const link = useMutation(
    trpc.seller.connectLink.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
    }),
  );
  return (
    <div className="space-y-2">
      <Button onClick={() => link.mutate({ returnPath })} pending={link.isPending || link.isSuccess}>
        {label}
      </Button>
      {link.error ? <Alert tone="danger">{errorMessage(link.error)}</Alert> : null}
    </div>
  );
}
