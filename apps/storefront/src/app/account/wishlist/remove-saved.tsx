"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@bazaar/ui";
import { refreshVisitor } from "~/components/visitor";
import { errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";

export function RemoveSaved({ productId, name }: { productId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(
    trpc.wishlist.remove.mutationOptions({
      onSuccess: () => {
        // The hearts elsewhere on the page learn it from the visitor's next answer.
        void refreshVisitor();
        router.refresh();
      },
    }),
  );
  return (
    <div className="shrink-0 self-center text-right">
      <Button
        variant="ghost"
        size="sm"
        onClick={() => remove.mutate({ productId })}
        disabled={remove.isPending}
        aria-label={`Remove ${name} from your wishlist`}
      >
        Remove
      </Button>
      {remove.isError ? (
        <p role="alert" className="text-xs text-red-700">
          {errorMessage(remove.error)}
        </p>
      ) : null}
    </div>
  );
}
