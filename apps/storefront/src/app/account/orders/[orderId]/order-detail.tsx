"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { isCancellableByBuyer } from "@bazaar/api/domain/orders/status";
import { Alert, Badge, Button, Card, CardBody, CardHeader, formatMoney, LinkButton, LoadingRegion, Skeleton } from "@bazaar/ui";
import { formatAddress } from "~/components/address-form";
import { OrderTotals } from "~/components/order-totals";
import { refreshVisitor } from "~/components/visitor";
import { errorMessage } from "~/lib/errors";
import { buyerTimeline, formatDateTime, isAwaitingPayment, orderStatus, shipmentStatus } from "~/lib/order-status";
import { useTRPC } from "~/trpc/react";
import { ReviewForm } from "./review-form";
import { ShipmentReturns } from "./shipment-returns";
import { trackingUrl } from "~/lib/tracking";

type Order = RouterOutputs["orders"]["get"];
type ShipmentAddress = Parameters<typeof formatAddress>[0];

/** One order: the buyer's (in their account), or a guest's opened with the signed link's `token`. */
export function OrderDetail({ orderId, token = null }: { orderId: string; token?: string | null }) {
  const trpc = useTRPC();
  const order = useQuery(
    trpc.orders.get.queryOptions(token ? { orderId, token } : { orderId }, {
      refetchInterval: (query) => (query.state.data && isAwaitingPayment(query.state.data.status) ? 2000 : false),
    }),
  );
  if (order.isPending) {
    return (
      <LoadingRegion label="Loading your order">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="mt-6 h-64" />
      </LoadingRegion>
    );
  }
  if (order.isError) {
    return (
      <Alert tone="danger" title="This order could not be loaded">
        {errorMessage(order.error)} {token ? null : <Link href="/account/orders">Back to your orders</Link>}
      </Alert>
    );
  }
  const data = order.data;
  const status = orderStatus(data.status);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            {data.isGuestOrder ? (
              `Guest order · emails go to ${data.email ?? "your address"}`
            ) : (
              <Link href="/account/orders" className="hover:underline">
                Your orders
              </Link>
            )}
          </p>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Order #{data.number}</h1>
          <p className="text-sm text-slate-600">Placed {formatDateTime(data.createdAt)}</p>
        </div>
        <Badge tone={status.tone} className="text-sm" data-testid="order-status">
          {status.label}
        </Badge>
      </div>

      {data.status === "PENDING_PAYMENT" ? (
        <Alert tone="info" title="This order is waiting for payment">
          <LinkButton href="/checkout" size="sm" className="mt-2">
            Complete the payment
          </LinkButton>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem] lg:items-start">
        <div className="space-y-6">
          {data.shipments.map((shipment) => (
            <Shipment key={shipment.id} order={data} shipment={shipment} token={token} />
          ))}
          <Timeline order={data} />
        </div>
        <aside className="space-y-4" aria-label="Order summary">
          <Card>
            <CardBody className="space-y-4">
              <h2 className="text-base font-semibold text-slate-900">Summary</h2>
              <OrderTotals totals={data} currency={data.currency} />
              {data.refundedCents > 0 ? <p className="text-sm text-slate-700">Refunded: {formatMoney(data.refundedCents, data.currency)}</p> : null}
            </CardBody>
          </Card>
          <Card>
            <CardBody className="space-y-1 text-sm">
              <h2 className="text-base font-semibold text-slate-900">Shipping to</h2>
              <p className="text-slate-700">{formatAddress(data.shippingAddress as ShipmentAddress)}</p>
            </CardBody>
          </Card>
          <CancelOrder order={data} token={token} />
        </aside>
      </div>
    </div>
  );
}

function Shipment({ order, shipment, token }: { order: Order; shipment: Order["shipments"][number]; token: string | null }) {
  const status = shipmentStatus(shipment.status);
  const [reviewing, setReviewing] = useState<string | null>(null);
  return (
    <Card aria-label={`Shipment from ${shipment.seller.shopName}`} data-testid="shipment">
      <CardHeader
        as="h2"
        title={
          <>
            From{" "}
            <Link href={`/shops/${shipment.seller.slug}`} className="text-brand-700 underline underline-offset-2">
              {shipment.seller.shopName}
            </Link>
          </>
        }
        description={
          shipment.trackingNumber ? (
            <span data-testid="tracking">
              {shipment.carrier ?? "Carrier"} tracking number <TrackingNumber carrier={shipment.carrier} trackingNumber={shipment.trackingNumber} />
              {shipment.shippedAt ? ` · shipped ${formatDateTime(shipment.shippedAt)}` : ""}
              {shipment.deliveredAt ? ` · delivered ${formatDateTime(shipment.deliveredAt)}` : ""}
            </span>
          ) : (
            "Tracking appears here when the shop ships."
          )
        }
        actions={<Badge tone={status.tone}>{status.label}</Badge>}
      />
      <ul className="divide-y divide-slate-100">
        {shipment.items.map((item) => (
          <li key={item.id} className="px-5 py-3">
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="text-slate-800">
                {item.name} <span className="text-slate-500">× {item.quantity}</span>
              </span>
              <span className="flex items-center gap-3">
                <span className="tabular-nums">{formatMoney(item.subtotalCents, order.currency)}</span>
                {item.canReview && reviewing !== item.id ? (
                  <Button size="sm" variant="secondary" onClick={() => setReviewing(item.id)}>
                    Write a review<span className="sr-only"> of {item.name}</span>
                  </Button>
                ) : null}
              </span>
            </div>
            {reviewing === item.id ? (
              <ReviewForm orderId={order.id} productId={item.productId} productName={item.name} onDone={() => setReviewing(null)} />
            ) : null}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap justify-end gap-4 border-t border-slate-100 px-5 py-3 text-xs text-slate-600">
        <span>Shipping {shipment.shippingCents === 0 ? "free" : formatMoney(shipment.shippingCents, order.currency)}</span>
        <span>Tax {formatMoney(shipment.taxCents, order.currency)}</span>
        <span className="font-medium text-slate-900">Total {formatMoney(shipment.totalCents, order.currency)}</span>
        {shipment.refundedCents > 0 ? <span className="font-medium text-slate-900">Refunded {formatMoney(shipment.refundedCents, order.currency)}</span> : null}
      </div>
      <ShipmentReturns order={order} shipment={shipment} token={token} />
    </Card>
  );
}

function Timeline({ order }: { order: Order }) {
  return (
    <Card aria-labelledby="timeline-heading">
      <CardHeader title={<span id="timeline-heading">Timeline</span>} />
      <CardBody>
        <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="order-timeline">
          {buyerTimeline(order.timeline, order.shipments.length).map(({ label, ...entry }) => {
            return (
              <li key={entry.id} className="relative">
                <span aria-hidden className="absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full bg-brand-600 ring-4 ring-white" />
                <p className="text-sm font-medium text-slate-900">
                  {entry.shopName ? `${entry.shopName}: ` : ""}
                  {label}
                </p>
                {entry.note ? <p className="text-sm text-slate-600">{entry.note}</p> : null}
                <p className="text-xs text-slate-500">
                  <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                </p>
              </li>
            );
          })}
        </ol>
      </CardBody>
    </Card>
  );
}

function CancelOrder({ order, token }: { order: Order; token: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await Promise.all([queryClient.invalidateQueries(trpc.orders.pathFilter()), queryClient.invalidateQueries(trpc.cart.pathFilter())]);
        // The header's count is outside this page's queries.
        void refreshVisitor();
      },
    }),
  );
  if (
    !isCancellableByBuyer(
      order.status,
      order.shipments.map((s) => s.status),
    )
  )
    return null;
  const paid = order.status !== "PENDING_PAYMENT";
  return (
    <Card>
      <CardBody className="space-y-3 text-sm">
        <h2 className="text-base font-semibold text-slate-900">Cancel this order</h2>
        <p className="text-slate-600">
          {paid
            ? `Nothing has shipped yet, so you can cancel. You get ${formatMoney(order.totalCents - order.refundedCents, order.currency)} back on your card.`
            : "You have not paid yet; cancelling releases the items."}
        </p>
        {cancel.isError ? <Alert tone="danger">{errorMessage(cancel.error)}</Alert> : null}
        {confirming ? (
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" size="sm" pending={cancel.isPending} onClick={() => cancel.mutate({ orderId: order.id, token })}>
              Yes, cancel order #{order.number}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={cancel.isPending}>
              Keep the order
            </Button>
          </div>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
            Cancel order
          </Button>
        )}
      </CardBody>
    </Card>
  );
}

function TrackingNumber({ carrier, trackingNumber }: { carrier: string | null; trackingNumber: string }) {
  const url = trackingUrl(carrier, trackingNumber);
  const number = <span className="font-mono font-medium text-slate-900">{trackingNumber}</span>;
  if (!url) return number;
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      className="underline underline-offset-2"
      aria-label={`Track ${trackingNumber} on ${carrier ?? "the carrier"}'s site (opens in a new tab)`}
    >
      {number}
    </a>
  );
}
