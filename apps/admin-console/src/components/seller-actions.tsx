"use client";

import { ConfirmDialog } from "@bazaar/ui";
import { useTRPC } from "~/trpc/react";
import { useAdminMutation } from "./use-admin-mutation";

type SellerStatus = "PENDING" | "APPROVED" | "REJECTED" | "SUSPENDED";

/** The decisions open to an administrator for a shop in its current state. */
export function SellerActions({ sellerId, shopName, status, size = "sm" }: { sellerId: string; shopName: string; status: SellerStatus; size?: "sm" | "md" }) {
  const trpc = useTRPC();
  const approve = useAdminMutation(trpc.admin.sellers.approve.mutationOptions());
  const reject = useAdminMutation(trpc.admin.sellers.reject.mutationOptions());
  const suspend = useAdminMutation(trpc.admin.sellers.suspend.mutationOptions());
  const reinstate = useAdminMutation(trpc.admin.sellers.reinstate.mutationOptions());

  return (
    <div className="flex gap-2">
      {status === "PENDING" || status === "REJECTED" ? (
        <ConfirmDialog
          triggerLabel="Approve"
          triggerVariant="primary"
          triggerSize={size}
          triggerAccessibleName={`Approve ${shopName}`}
          tone="primary"
          title={`Approve ${shopName}?`}
          description="The shop goes live: its products can be published to the storefront and it can be paid. The seller is told by email."
          confirmLabel="Approve shop"
          onConfirm={() => approve.run({ sellerId })}
          error={approve.error}
          pending={approve.pending}
        />
      ) : null}
      {status === "PENDING" ? (
        <ConfirmDialog
          triggerLabel="Reject"
          triggerSize={size}
          triggerAccessibleName={`Reject ${shopName}`}
          title={`Reject ${shopName}?`}
          description="The applicant sees your reason on their application page and can apply again after fixing it."
          confirmLabel="Reject application"
          reason={{ label: "Reason (the applicant reads this)", minLength: 3 }}
          onConfirm={(reason) => reject.run({ sellerId, reason })}
          error={reject.error}
          pending={reject.pending}
        />
      ) : null}
      {status === "APPROVED" ? (
        <ConfirmDialog
          triggerLabel="Suspend"
          triggerVariant="danger"
          triggerSize={size}
          triggerAccessibleName={`Suspend ${shopName}`}
          title={`Suspend ${shopName}?`}
          description="Their products disappear from the storefront and search at once, their lines can no longer be bought, and payouts stop until you reinstate the shop. Orders already placed stay as they are."
          confirmLabel="Suspend shop"
          reason={{ label: "Reason (the seller reads this)", minLength: 3 }}
          onConfirm={(reason) => suspend.run({ sellerId, reason })}
          error={suspend.error}
          pending={suspend.pending}
        />
      ) : null}
      {status === "SUSPENDED" ? (
        <ConfirmDialog
          triggerLabel="Reinstate"
          triggerVariant="primary"
          triggerSize={size}
          triggerAccessibleName={`Reinstate ${shopName}`}
          tone="primary"
          title={`Reinstate ${shopName}?`}
          description="Their active products return to the storefront and payouts resume."
          confirmLabel="Reinstate shop"
          onConfirm={() => reinstate.run({ sellerId })}
          error={reinstate.error}
          pending={reinstate.pending}
        />
      ) : null}
    </div>
  );
}
