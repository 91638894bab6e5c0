"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { parsePriceToCents } from "@bazaar/api/validators";
import { RefundItemsDialog } from "@bazaar/ui";
import { errorMessage } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

interface RefundItemsButtonProps {
  orderId: string;
  orderNumber: number;
  shipmentId: string;
  currency: string;
  items: { id: string; name: string; quantity: number; refundedQuantity: number }[];
  shippingCents: number;
  refundableCents: number;
  shipped: boolean;
  /** The platform's limit on a seller's own refund. */
  limitCents: number;
}

/** The seller refunds units of their part and/or an amount, within the platform's limit (`orders.refundItems`). */
export function RefundItemsButton({ orderId, orderNumber, shipmentId, items, ...part }: RefundItemsButtonProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const refund = useMutation(trpc.orders.refundItems.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }));
  return (
    <RefundItemsDialog
      title={`Refund items of order #${orderNumber}`}
      items={items.map((i) => ({ id: i.id, name: i.name, quantity: i.quantity, left: i.quantity - i.refundedQuantity }))}
      {...part}
      parseAmount={parsePriceToCents}
      onSubmit={(request) =>
        refund.mutateAsync({ orderId, shipmentId, ...request }).then(
          () => true,
          () => false,
        )
      }
      error={refund.error ? errorMessage(refund.error) : null}
      pending={refund.isPending || refreshing}
    />
  );
}
