"use client";

import { ConfirmDialog, formatMoney, RefundItemsDialog } from "@bazaar/ui";
import { parsePriceToCents } from "@bazaar/api/validators";
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

interface RefundItemsProps {
  orderId: string;
  orderNumber: number;
  currency: string;
  part: {
    shipmentId: string;
    shopName: string;
    items: { id: string; name: string; quantity: number; refundedQuantity: number }[];
    shippingCents: number;
    refundableCents: number;
    shipped: boolean;
  };
}

/** Refunds chosen units and/or an amount of one shop's part (`orders.refundItems`); no limit for an administrator. */
export function RefundItemsButton({ orderId, orderNumber, currency, part }: RefundItemsProps) {
  const trpc = useTRPC();
  const refund = useAdminMutation(trpc.orders.refundItems.mutationOptions());
  return (
    <RefundItemsDialog
      title={`Refund items of ${part.shopName}'s part of order #${orderNumber}`}
      triggerAccessibleName={`Refund items of ${part.shopName}'s part`}
      currency={currency}
      items={part.items.map((i) => ({ id: i.id, name: i.name, quantity: i.quantity, left: i.quantity - i.refundedQuantity }))}
      shippingCents={part.shippingCents}
      refundableCents={part.refundableCents}
      shipped={part.shipped}
      parseAmount={parsePriceToCents}
      onSubmit={(request) => refund.run({ orderId, shipmentId: part.shipmentId, ...request })}
      error={refund.error}
      pending={refund.pending}
    />
  );
}
