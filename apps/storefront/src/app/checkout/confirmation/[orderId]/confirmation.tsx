"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Card, CardBody, formatMoney, LinkButton, LoadingRegion, Skeleton } from "@bazaar/ui";
import { CheckIcon } from "~/components/icons";
import { OrderTotals } from "~/components/order-totals";
import { errorMessage } from "~/lib/errors";
import { isAwaitingPayment } from "~/lib/order-status";
import { useTRPC } from "~/trpc/react";

const POLL_MS = 1000;

/**
 * After paying: "payment processing" until the payment provider's webhook lands, then the
 * confirmed order (or why the payment failed). Polls the order until it reaches an outcome.
 */
export function Confirmation({ orderId, token = null }: { orderId: string; token?: string | null }) {
  const trpc = useTRPC();
  const order = useQuery(
    trpc.orders.get.queryOptions(token ? { orderId, token } : { orderId }, {
      refetchInterval: (query) => (query.state.data && !isAwaitingPayment(query.state.data.status) ? false : POLL_MS),
      staleTime: 0,
    }),
  );
  if (order.isPending) {
    return (
      <LoadingRegion label="Loading your order">
        <Skeleton className="mx-auto h-40 max-w-2xl" />
      </LoadingRegion>
    );
  }
  if (order.isError) {
    return (
      <Alert tone="danger" title="This order could not be loaded">
        {errorMessage(order.error)}
      </Alert>
    );
  }
  const data = order.data;
  const awaiting = isAwaitingPayment(data.status);
  const failed = data.status === "CANCELLED" || data.status === "PAYMENT_FAILED";
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div role="status" aria-live="polite" className="text-center" data-testid="order-state">
        {awaiting ? (
          <>
            <span aria-hidden className="mx-auto block size-10 animate-spin rounded-full border-4 border-brand-100 border-t-brand-600" />
            <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900">Payment processing</h1>
            <p className="mt-2 text-sm text-slate-600">
              We are waiting for your bank to confirm the payment for order #{data.number}. This page updates by itself.
            </p>
          </>
        ) : failed ? (
          <>
            <h1 className="text-2xl font-bold tracking-tight text-slate-900">Order #{data.number} was not completed</h1>
            <p className="mt-2 text-sm text-slate-600">
              {data.payment?.failureMessage ?? data.cancelReason ?? "The payment did not go through."} Nothing was charged; your cart still has your items.
            </p>
          </>
        ) : (
          <>
            <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-emerald-100 text-emerald-700">
              <CheckIcon className="size-7" />
            </span>
            <h1 className="mt-4 text-2xl font-bold tracking-tight text-slate-900">Order confirmed</h1>
            <p className="mt-2 text-sm text-slate-600">
              Thank you! Order #{data.number} is paid. {data.shipments.length === 1 ? "The shop" : `Each of the ${data.shipments.length} shops`} will ship
              {data.shipments.length === 1 ? " it" : " its part"}{" "}
              {data.isGuestOrder ? `and we email ${data.email ?? "you"} a link to follow it.` : "and you will see tracking in your orders."}
            </p>
          </>
        )}
      </div>

      <Card>
        <CardBody className="space-y-4">
          {data.shipments.map((shipment) => (
            <section key={shipment.id} aria-label={`From ${shipment.seller.shopName}`}>
              <h2 className="text-sm font-semibold text-slate-900">From {shipment.seller.shopName}</h2>
              <ul className="mt-2 space-y-1 text-sm text-slate-700">
                {shipment.items.map((item) => (
                  <li key={item.id} className="flex justify-between gap-3">
                    <span>
                      {item.name} × {item.quantity}
                    </span>
                    <span className="tabular-nums">{formatMoney(item.subtotalCents, data.currency)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <div className="border-t border-slate-200 pt-4">
            <OrderTotals totals={data} currency={data.currency} />
          </div>
        </CardBody>
      </Card>

      <div className="flex flex-wrap justify-center gap-3">
        {failed ? (
          <LinkButton href="/checkout">Try again</LinkButton>
        ) : (
          <LinkButton href={token ? `/orders/${data.id}?token=${encodeURIComponent(token)}` : `/account/orders/${data.id}`}>View order</LinkButton>
        )}
        <LinkButton href="/" variant="secondary">
          Continue shopping
        </LinkButton>
      </div>
    </div>
  );
}
