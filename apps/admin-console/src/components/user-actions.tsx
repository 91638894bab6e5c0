"use client";

import { ConfirmDialog } from "@bazaar/ui";
import { useTRPC } from "~/trpc/react";
import { useAdminMutation } from "./use-admin-mutation";

interface UserActionsProps {
  userId: string;
  email: string;
  role: "BUYER" | "SELLER" | "ADMIN";
  status: "ACTIVE" | "SUSPENDED";
  isSelf: boolean;
}

/** Role changes (buyer <-> administrator) and suspension; the server refuses what would leave no administrator. */
export function UserActions({ userId, email, role, status, isSelf }: UserActionsProps) {
  const trpc = useTRPC();
  const changeRole = useAdminMutation(trpc.admin.users.changeRole.mutationOptions());
  const suspend = useAdminMutation(trpc.admin.users.suspend.mutationOptions());
  const reinstate = useAdminMutation(trpc.admin.users.reinstate.mutationOptions());

  return (
    <div className="flex gap-2">
      {role === "BUYER" ? (
        <ConfirmDialog
          triggerLabel="Make admin"
          triggerAccessibleName={`Make admin: ${email}`}
          tone="primary"
          title={`Make ${email} an administrator?`}
          description="They get full access to this console: every shop, order, refund and setting."
          confirmLabel="Make administrator"
          onConfirm={() => changeRole.run({ userId, role: "ADMIN" })}
          error={changeRole.error}
          pending={changeRole.pending}
        />
      ) : null}
      {role === "ADMIN" ? (
        <ConfirmDialog
          triggerLabel={isSelf ? "Step down" : "Remove admin"}
          triggerAccessibleName={`${isSelf ? "Step down" : "Remove admin"}: ${email}`}
          title={isSelf ? "Stop being an administrator?" : `Remove ${email} as administrator?`}
          description={`${isSelf ? "You" : "They"} become a buyer and lose access to this console at once. Bazaar always keeps at least one active administrator.`}
          confirmLabel="Make buyer"
          onConfirm={() => changeRole.run({ userId, role: "BUYER" })}
          error={changeRole.error}
          pending={changeRole.pending}
        />
      ) : null}
      {status === "ACTIVE" && !isSelf ? (
        <ConfirmDialog
          triggerLabel="Suspend"
          triggerVariant="danger"
          triggerAccessibleName={`Suspend ${email}`}
          title={`Suspend ${email}?`}
          description={
            role === "SELLER"
              ? "They cannot sign in to any Bazaar app, and their shop's products leave the storefront until you reinstate them."
              : "They cannot sign in to any Bazaar app until you reinstate them. Their orders stay as they are."
          }
          confirmLabel="Suspend account"
          reason={{ label: "Reason (kept in the audit log)", minLength: 3 }}
          onConfirm={(reason) => suspend.run({ userId, reason })}
          error={suspend.error}
          pending={suspend.pending}
        />
      ) : null}
      {status === "SUSPENDED" ? (
        <ConfirmDialog
          triggerLabel="Reinstate"
          triggerVariant="primary"
          triggerAccessibleName={`Reinstate ${email}`}
          tone="primary"
          title={`Reinstate ${email}?`}
          description="They can sign in again at once."
          confirmLabel="Reinstate account"
          onConfirm={() => reinstate.run({ userId })}
          error={reinstate.error}
          pending={reinstate.pending}
        />
      ) : null}
    </div>
  );
}
