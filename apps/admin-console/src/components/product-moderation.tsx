"use client";

import { ConfirmDialog } from "@bazaar/ui";
import { useTRPC } from "~/trpc/react";
import { useAdminMutation } from "./use-admin-mutation";

/** Unlist (with a reason the seller sees) or list again one product. */
export function ProductModeration({ productId, name, unlisted }: { productId: string; name: string; unlisted: boolean }) {
  const trpc = useTRPC();
  const unlist = useAdminMutation(trpc.catalog.unlist.mutationOptions());
  const relist = useAdminMutation(trpc.catalog.relist.mutationOptions());
  return unlisted ? (
    <ConfirmDialog
      triggerLabel="List again"
      triggerAccessibleName={`List again: ${name}`}
      tone="primary"
      title={`List “${name}” again?`}
      description="Buyers see it again if its seller has it active and the shop is approved."
      confirmLabel="List again"
      onConfirm={() => relist.run({ id: productId })}
      error={relist.error}
      pending={relist.pending}
    />
  ) : (
    <ConfirmDialog
      triggerLabel="Unlist"
      triggerVariant="danger"
      triggerAccessibleName={`Unlist ${name}`}
      title={`Unlist “${name}”?`}
      description="It disappears from the storefront, search and carts at once. The seller sees your reason in the seller console and cannot list it again themselves."
      confirmLabel="Unlist product"
      reason={{ label: "Reason (the seller reads this)", minLength: 5 }}
      onConfirm={(reason) => unlist.run({ id: productId, reason })}
      error={unlist.error}
      pending={unlist.pending}
    />
  );
}
