"use client";

import { ConfirmDialog, formatMoney } from "@bazaar/ui";
import { useTRPC } from "~/trpc/react";
import { useAdminMutation } from "./use-admin-mutation";

interface RefundProps {
  orderId: string;
  orderNumber: number;
  /** One shop's part; the whole order when absent. */
  part?: {
    sellerId: string;
    shopName: string;
    refundableCents: number;
    shipped: boolean;
  };
  refundableCents: number;
  currency: string;
}

/** Refunds through the payment provider, reverses the ledger and puts the units back in stock. */
export function RefundButton({ orderId, orderNumber, part, refundableCents, currency }: RefundProps) {
  const trpc = useTRPC();
  const refund = useAdminMutation(trpc.orders.adminRefund.mutationOptions());
  const what = part ? `${part.shopName}'s part of order #${orderNumber}` : `all of order #${orderNumber}`;
  return (
    <ConfirmDialog
      triggerLabel={part ? `Refund ${part.shopName}'s part` : "Refund whole order"}
      triggerVariant="danger"
      testId={part ? `refund-part-${part.sellerId}` : "refund-order"}
      title={`Refund ${what}?`}
      description={
        <>
          <p>
            {formatMoney(refundableCents, currency)} goes back to the buyer&apos;s card. The seller&apos;s share and Bazaar&apos;s commission are reversed in
            the ledger and the units go back into stock.
          </p>
          {part?.shipped ? <p className="mt-2">This part has shipped: it stays shipped (treat it as a return).</p> : null}
        </>
      }
      confirmLabel="Refund"
      reason={{ label: "Reason (the buyer and seller see this)", minLength: 3 }}
      onConfirm={(reason) => refund.run({ orderId, sellerId: part?.sellerId, reason })}
      error={refund.error}
      pending={refund.pending}
    />
  );
}
