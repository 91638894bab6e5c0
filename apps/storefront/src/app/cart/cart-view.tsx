"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FillImage } from "~/components/fill-image";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { Alert, Button, Card, CardBody, EmptyState, formatMoney, Input, LinkButton, LoadingRegion, PageHeader, Skeleton } from "@bazaar/ui";
import { AvailabilityBadge } from "~/components/availability-badge";
import { ReservationTimer } from "~/components/reservation-timer";
import { OrderTotals } from "~/components/order-totals";
import { QuantityStepper } from "~/components/quantity-stepper";
import { errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";

type Cart = RouterOutputs["cart"]["get"];
type Line = Cart["groups"][number]["lines"][number];

export function CartView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cart = useQuery(trpc.cart.get.queryOptions());
  const [error, setError] = useState<string | null>(null);

  const onSuccess = (view: Cart) => {
    setError(null);
    queryClient.setQueryData(trpc.cart.get.queryKey(), view);
  };
  const onError = (e: unknown) => setError(errorMessage(e));
  const setQuantity = useMutation(trpc.cart.setQuantity.mutationOptions({ onSuccess, onError }));
  const remove = useMutation(trpc.cart.remove.mutationOptions({ onSuccess, onError }));
  const busy = setQuantity.isPending || remove.isPending;

  if (cart.isPending) {
    return (
      <LoadingRegion label="Loading your cart">
        <Skeleton className="mb-6 h-8 w-48" />
        <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
          <Skeleton className="h-64" />
          <Skeleton className="h-64" />
        </div>
      </LoadingRegion>
    );
  }
  if (cart.isError) {
    return (
      <Alert tone="danger" title="Your cart could not be loaded">
        {errorMessage(cart.error)}{" "}
        <button className="underline" onClick={() => void cart.refetch()}>
          Try again
        </button>
      </Alert>
    );
  }
  const view = cart.data;
  if (view.groups.length === 0) {
    return (
      <>
        <PageHeader title="Your cart" />
        <EmptyState
          title="Your cart is empty"
          description="Find something you like and add it to your cart."
          action={<LinkButton href="/">Start shopping</LinkButton>}
        />
      </>
    );
  }

  const awaitingPayment = view.status === "CHECKOUT";
  return (
    <>
      <PageHeader
        title="Your cart"
        description={`${view.itemCount} ${view.itemCount === 1 ? "item" : "items"} from ${view.groups.length} ${view.groups.length === 1 ? "shop" : "shops"}`}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:items-start">
        <div className="space-y-4">
          {awaitingPayment ? (
            <Alert tone="info" title="Your checkout is waiting for payment">
              These items are reserved for the order you started.{" "}
              <Link href="/checkout" className="font-medium underline">
                Complete the payment
              </Link>{" "}
              to finish, or cancel that checkout there to change the cart.
            </Alert>
          ) : view.reservationExpiresAt ? (
            <ReservationTimer expiresAt={view.reservationExpiresAt} />
          ) : null}
          {view.warnings.length > 0 ? (
            <Alert tone="warning" title="Please check your cart">
              <ul className="list-disc space-y-1 pl-5" data-testid="cart-warnings">
                {view.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {error ? <Alert tone="danger">{error}</Alert> : null}
          {view.groups.map((group) => (
            <Card key={group.seller.id} aria-labelledby={`shop-${group.seller.id}`} data-testid="cart-seller-group">
              <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-3 sm:px-5">
                <h2 id={`shop-${group.seller.id}`} className="text-sm font-semibold text-slate-900">
                  Sold and shipped by{" "}
                  <Link href={`/shops/${group.seller.slug}`} className="text-brand-700 underline underline-offset-2">
                    {group.seller.shopName}
                  </Link>
                </h2>
                {group.totals ? (
                  <p className="text-xs text-slate-600">
                    Shipping {group.totals.shippingCents === 0 ? "free" : formatMoney(group.totals.shippingCents, view.currency)}
                  </p>
                ) : null}
              </div>
              <ul className="divide-y divide-slate-100">
                {group.lines.map((line) => (
                  <CartLineRow
                    key={line.id}
                    line={line}
                    disabled={busy || awaitingPayment}
                    onQuantity={(quantity) => setQuantity.mutate({ variantId: line.variantId, quantity })}
                    onRemove={() => remove.mutate({ variantId: line.variantId })}
                  />
                ))}
              </ul>
            </Card>
          ))}
        </div>
        <aside aria-label="Order summary" className="space-y-4 lg:sticky lg:top-32">
          <Card>
            <CardBody className="space-y-4">
              <h2 className="text-base font-semibold text-slate-900">Order summary</h2>
              <PromoCode cart={view} disabled={awaitingPayment} onChanged={onSuccess} />
              <OrderTotals
                totals={view.totals}
                currency={view.currency}
                promoCode={view.promo?.applied ? view.promo.code : null}
                tierName={view.loyalty?.tierName}
              />
              {view.loyalty && view.loyalty.maxRedeemablePoints > 0 ? (
                <p className="text-sm text-slate-600" data-testid="cart-points">
                  You have {view.loyalty.availablePoints.toLocaleString("en-US")} points: use up to {view.loyalty.maxRedeemablePoints.toLocaleString("en-US")} (
                  {formatMoney(view.loyalty.maxRedeemablePoints, view.currency)}) at checkout.
                </p>
              ) : null}
              {awaitingPayment ? (
                <LinkButton href="/checkout" className="w-full">
                  Complete the payment
                </LinkButton>
              ) : view.canCheckout ? (
                <LinkButton href="/checkout" className="w-full" size="lg">
                  Check out
                </LinkButton>
              ) : (
                <>
                  <Button className="w-full" size="lg" disabled aria-describedby="checkout-blocked">
                    Check out
                  </Button>
                  <p id="checkout-blocked" className="text-xs text-slate-600">
                    Fix the items marked above to check out.
                  </p>
                </>
              )}
            </CardBody>
          </Card>
        </aside>
      </div>
    </>
  );
}

function CartLineRow({
  line,
  disabled,
  onQuantity,
  onRemove,
}: {
  line: Line;
  disabled: boolean;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  const priceChanged = line.snapshotPriceCents !== line.unitPriceCents;
  const short = line.quantity > line.maxQuantity;
  return (
    <li className="flex gap-3 px-4 py-4 sm:gap-4 sm:px-5" data-testid="cart-line">
      <div className="relative size-20 shrink-0 overflow-hidden rounded-md bg-slate-100 sm:size-24">
        {line.image ? <FillImage src={line.image.url} alt={line.image.alt || line.name} /> : null}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <Link href={`/products/${line.slug}`} className="text-sm font-medium text-slate-900 hover:underline">
              {line.name}
            </Link>
            <p className="text-xs text-slate-600">
              {formatMoney(line.unitPriceCents, line.currency)} each
              {priceChanged ? (
                <>
                  {" "}
                  <span className="text-amber-800">(was {formatMoney(line.snapshotPriceCents, line.currency)})</span>
                </>
              ) : null}
            </p>
          </div>
          <p className="text-sm font-semibold tabular-nums">{formatMoney(line.lineSubtotalCents, line.currency)}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {line.purchasable ? (
            <QuantityStepper
              value={line.quantity}
              max={Math.max(line.quantity, Math.min(line.maxQuantity, 99))}
              itemName={line.name}
              disabled={disabled}
              onChange={onQuantity}
            />
          ) : null}
          <button type="button" className="text-sm text-slate-600 underline hover:text-slate-900 disabled:opacity-50" onClick={onRemove} disabled={disabled}>
            Remove<span className="sr-only"> {line.name}</span>
          </button>
          {line.purchasable && (short || line.availability !== "in_stock") ? (
            <AvailabilityBadge availability={line.maxQuantity === 0 ? "out" : line.availability} available={line.maxQuantity} />
          ) : null}
          {!line.purchasable ? <span className="text-xs font-medium text-red-700">No longer available</span> : null}
        </div>
        {short && line.maxQuantity > 0 ? (
          <button
            type="button"
            className="self-start text-xs font-medium text-brand-700 underline"
            onClick={() => onQuantity(line.maxQuantity)}
            disabled={disabled}
          >
            Lower to {line.maxQuantity}
          </button>
        ) : null}
      </div>
    </li>
  );
}

function PromoCode({ cart, disabled, onChanged }: { cart: Cart; disabled: boolean; onChanged: (view: Cart) => void }) {
  const trpc = useTRPC();
  const [code, setCode] = useState("");
  const apply = useMutation(trpc.cart.applyPromo.mutationOptions({ onSuccess: (view) => (setCode(""), onChanged(view)) }));
  const removePromo = useMutation(trpc.cart.removePromo.mutationOptions({ onSuccess: onChanged }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) apply.mutate({ code });
  };
  if (cart.promo) {
    return (
      <div className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm" data-testid="applied-promo">
        <span>
          Promo <span className="font-semibold">{cart.promo.code}</span>
          {cart.promo.applied ? ` applied: −${formatMoney(cart.promo.discountCents, cart.currency)}` : " (not applied)"}
        </span>
        <button
          type="button"
          className="text-slate-600 underline disabled:opacity-50"
          disabled={disabled || removePromo.isPending}
          onClick={() => removePromo.mutate()}
        >
          Remove<span className="sr-only"> promo code {cart.promo.code}</span>
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="flex items-start gap-2" noValidate>
      <Input
        label="Promo code"
        name="promo"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        autoComplete="off"
        containerClassName="flex-1"
        disabled={disabled}
        error={apply.isError ? errorMessage(apply.error) : null}
      />
      <Button type="submit" variant="secondary" pending={apply.isPending} disabled={disabled || !code.trim()} className="mt-6">
        Apply
      </Button>
    </form>
  );
}
