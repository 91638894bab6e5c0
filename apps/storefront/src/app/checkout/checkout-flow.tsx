"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FillImage } from "~/components/fill-image";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useState } from "react";
import type { RouterInputs, RouterOutputs } from "@bazaar/api";
import { HARD_RESERVATION_MS } from "@bazaar/api/domain/inventory/constants";
import { Alert, Button, Card, CardBody, CardHeader, EmptyState, formatMoney, Input, LinkButton, LoadingRegion, PageHeader, Skeleton } from "@bazaar/ui";
import { AddressForm, formatAddress, type AddressValues } from "~/components/address-form";
import { OrderTotals } from "~/components/order-totals";
import { checkoutKey, forgetCheckoutKey, guestCheckout, rememberGuestCheckout } from "~/lib/checkout-key";
import { signInHref } from "~/lib/sign-in-href";
import { errorMessage, fieldErrors } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";
import { PaymentForm, type PaymentTarget } from "./payment-form";

type Address = RouterOutputs["address"]["list"][number];
type CheckoutStart = RouterInputs["checkout"]["start"];
type Destination = Pick<CheckoutStart, "addressId" | "shippingAddress">;

const NEW = "new";

/**
 * Checkout in three steps on one page: where to ship, what ships from which shop (with the
 * real shipping and tax for that address), then payment. Placing the order (which holds the
 * stock for 30 minutes) happens when the buyer moves on to payment, because Stripe's card form
 * needs the PaymentIntent it creates. A refresh at any point resumes the order awaiting payment
 * (found through the cart) instead of placing another.
 */
export function CheckoutFlow({ signedIn }: { signedIn: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  // A guest has no address book: they type the address, and an email for the receipt.
  const addresses = useQuery(trpc.address.list.queryOptions(undefined, { enabled: signedIn }));
  const [email, setEmail] = useState("");
  const [emailError, setEmailError] = useState<string | null>(null);
  const config = useQuery(trpc.payments.config.queryOptions());

  const [choice, setChoice] = useState<string | null>(null);
  const [newAddress, setNewAddress] = useState<AddressValues | null>(null);
  const [saveAddress, setSaveAddress] = useState(true);
  const [placed, setPlaced] = useState<(PaymentTarget & { destination: Destination }) | null>(null);
  /** Why the last payment attempt failed, shown until the next attempt. */
  const [declined, setDeclined] = useState<string | null>(null);
  /** Points the buyer chose to use (1 point = 1 cent), in the cart's steps up to what this order can take. */
  const [pointsWanted, setPointsWanted] = useState(0);

  const saved = addresses.data ?? [];
  const selectedId = choice ?? saved[0]?.id ?? NEW;
  const selected: Address | null = saved.find((a) => a.id === selectedId) ?? null;
  const country = selected?.country ?? newAddress?.country;
  const cart = useQuery(trpc.cart.get.queryOptions(country ? { country } : undefined));
  const loyalty = cart.data?.loyalty ?? null;
  const step = Math.max(1, loyalty?.stepPoints ?? 1);
  const usePoints = loyalty ? Math.min(loyalty.maxRedeemablePoints, Math.floor(pointsWanted / step) * step) : 0;

  // After a refresh (or coming back from the cart) the order awaiting payment is found again.
  const awaitingPayment = cart.data?.status === "CHECKOUT";
  const pendingList = useQuery(trpc.orders.list.queryOptions({ limit: 5 }, { enabled: signedIn && awaitingPayment && !placed }));
  const pendingId = pendingList.data?.items.find((order) => order.status === "PENDING_PAYMENT")?.id;
  const pending = useQuery(trpc.orders.get.queryOptions({ orderId: pendingId ?? "" }, { enabled: Boolean(pendingId) && !placed }));
  const resumed =
    pending.data?.payment?.clientSecret && pending.data.payment.providerPaymentId && pending.data.status === "PENDING_PAYMENT"
      ? {
          orderId: pending.data.id,
          orderNumber: pending.data.number,
          paymentId: pending.data.payment.id,
          provider: pending.data.payment.provider,
          paymentIntentId: pending.data.payment.providerPaymentId,
          clientSecret: pending.data.payment.clientSecret,
          totalCents: pending.data.totalCents,
          currency: pending.data.currency,
          accessToken: null,
          destination: { shippingAddress: pending.data.shippingAddress as AddressValues },
        }
      : null;
  const target = placed ?? resumed;

  const refreshCart = () => queryClient.invalidateQueries(trpc.cart.pathFilter());
  const createAddress = useMutation(trpc.address.create.mutationOptions());
  const start = useMutation(trpc.checkout.start.mutationOptions());
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: async () => {
        forgetCheckoutKey();
        setPlaced(null);
        await Promise.all([refreshCart(), queryClient.invalidateQueries(trpc.orders.pathFilter())]);
      },
    }),
  );

  const destination = async (): Promise<Destination> => {
    if (selected) return { addressId: selected.id };
    if (!newAddress) throw new Error("Enter a shipping address first.");
    if (!signedIn || !saveAddress) return { shippingAddress: newAddress };
    const created = await createAddress.mutateAsync({ ...newAddress, isDefault: saved.length === 0 });
    await queryClient.invalidateQueries(trpc.address.pathFilter());
    setChoice(created.id);
    return { addressId: created.id };
  };

  const placeOrder = async (to: Destination, guestEmail = email) => {
    if (!signedIn && to.shippingAddress) rememberGuestCheckout({ email: guestEmail, shippingAddress: to.shippingAddress });
    const result = await start.mutateAsync({
      idempotencyKey: checkoutKey(),
      ...to,
      ...(signedIn ? { usePoints } : { email: guestEmail }),
    });
    const next = { ...result, destination: to };
    setPlaced(next);
    void refreshCart();
    return next;
  };

  const continueToPayment = async () => {
    setDeclined(null);
    if (!signedIn && !/^\S+@\S+\.\S+$/.test(email.trim())) {
      setEmailError("Enter your email address: your receipt and your order's link are sent there.");
      return;
    }
    setEmailError(null);
    try {
      await placeOrder(await destination());
    } catch {
      // The mutation's error is shown below the button.
    }
  };

  /** The card was declined: the order stays open (its items held) for another card, under the same number. */
  const onDeclined = (message: string) => {
    setDeclined(message);
    void queryClient.invalidateQueries(trpc.orders.pathFilter());
  };

  // A guest's refresh mid-payment: the same key, email and address (kept in this tab) resume the
  // order already placed. Without them (another tab), the cart's own message says what to do.
  const [guestResumeState, setGuestResumeState] = useState<"idle" | "pending" | "done">("idle");
  const guestResumeWanted = !signedIn && awaitingPayment && !placed;
  // An effect event: it reads the latest placeOrder without the effect re-running when it changes.
  const resumeGuestCheckout = useEffectEvent(() => {
    const stored = guestCheckout();
    if (!stored) {
      setGuestResumeState("done");
      return;
    }
    setGuestResumeState("pending");
    setEmail(stored.email);
    placeOrder({ shippingAddress: stored.shippingAddress as AddressValues }, stored.email)
      .catch(() => undefined)
      .finally(() => setGuestResumeState("done"));
  });
  useEffect(() => {
    if (guestResumeWanted && guestResumeState === "idle") resumeGuestCheckout();
  }, [guestResumeWanted, guestResumeState]);
  const guestResume = { isPending: guestResumeWanted && guestResumeState !== "done" };

  const onPaid = async (orderId: string) => {
    forgetCheckoutKey();
    await Promise.all([refreshCart(), queryClient.invalidateQueries(trpc.orders.pathFilter())]);
    const token = target?.orderId === orderId ? target.accessToken : null;
    router.push(`/checkout/confirmation/${orderId}${token ? `?token=${encodeURIComponent(token)}` : ""}`);
  };

  if (
    cart.isPending ||
    (signedIn && addresses.isPending) ||
    config.isPending ||
    (signedIn && awaitingPayment && !target && (pendingList.isPending || pending.isFetching)) ||
    (!signedIn && awaitingPayment && !target && guestResume.isPending)
  ) {
    return (
      <LoadingRegion label="Loading checkout">
        <Skeleton className="mb-6 h-8 w-40" />
        <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
          <Skeleton className="h-80" />
          <Skeleton className="h-64" />
        </div>
      </LoadingRegion>
    );
  }
  if (cart.isError || addresses.isError || config.isError) {
    return (
      <Alert tone="danger" title="Checkout could not be loaded">
        {errorMessage(cart.error ?? addresses.error ?? config.error)} Reload the page to try again.
      </Alert>
    );
  }
  const view = cart.data;
  if (!target && view.groups.length === 0) {
    return (
      <>
        <PageHeader title="Checkout" />
        <EmptyState
          title="Your cart is empty"
          description="Add something to your cart to check out."
          action={<LinkButton href="/">Continue shopping</LinkButton>}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title="Checkout" description="Every shop ships its own items; you pay once." />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:items-start">
        <div className="space-y-6">
          {target ? (
            <Card aria-labelledby="payment-heading">
              <CardHeader
                title={<span id="payment-heading">Payment</span>}
                description={`Order #${target.orderNumber}: ${formatMoney(target.totalCents, target.currency)}. Your items are held for you while you pay.`}
              />
              <CardBody className="space-y-4">
                {declined ? (
                  <Alert tone="danger" title="Payment declined">
                    {declined} Nothing was charged, and your items are still held for order #{target.orderNumber}: try another card.
                  </Alert>
                ) : null}
                {start.isError ? <Alert tone="danger">{errorMessage(start.error)}</Alert> : null}
                <PaymentForm
                  target={target}
                  publishableKey={config.data.publishableKey}
                  onAttempt={() => setDeclined(null)}
                  onDeclined={onDeclined}
                  onPaid={onPaid}
                />
                <p className="text-sm text-slate-600">
                  Changed your mind?{" "}
                  <button
                    type="button"
                    className="font-medium text-brand-700 underline disabled:opacity-50"
                    disabled={cancel.isPending}
                    onClick={() => cancel.mutate({ orderId: target.orderId, token: target.accessToken, reason: "Left checkout to change the cart" })}
                  >
                    Cancel this checkout
                  </button>{" "}
                  to change your cart; the items stay in it.
                </p>
                {cancel.isError ? <Alert tone="danger">{errorMessage(cancel.error)}</Alert> : null}
              </CardBody>
            </Card>
          ) : (
            <>
              {signedIn ? null : (
                <Card aria-labelledby="contact-heading">
                  <CardHeader
                    title={<span id="contact-heading">Your email</span>}
                    description="Check out as a guest: your receipt and a link to follow your order go to this address."
                  />
                  <CardBody className="space-y-3">
                    <Input
                      label="Email"
                      name="email"
                      type="email"
                      autoComplete="email"
                      required
                      value={email}
                      onChange={(event) => setEmail(event.target.value)}
                      error={emailError ?? fieldErrors(start.error).email?.[0]}
                    />
                    <p className="text-sm text-slate-600">
                      Have an account?{" "}
                      <Link href={signInHref("/checkout")} className="font-medium text-brand-700 underline underline-offset-2">
                        Sign in
                      </Link>{" "}
                      to use your saved addresses; your cart comes with you.
                    </p>
                  </CardBody>
                </Card>
              )}
              <Card aria-labelledby="address-heading">
                <CardHeader title={<span id="address-heading">1. Shipping address</span>} />
                <CardBody className="space-y-4">
                  {saved.length > 0 ? (
                    <fieldset className="space-y-2">
                      <legend className="sr-only">Choose a shipping address</legend>
                      {saved.map((address) => (
                        <label
                          key={address.id}
                          className="flex cursor-pointer items-start gap-3 rounded-md p-3 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500"
                        >
                          <input
                            type="radio"
                            name="address"
                            value={address.id}
                            checked={selectedId === address.id}
                            onChange={() => setChoice(address.id)}
                            className="mt-1 accent-brand-600"
                          />
                          <span className="text-sm">
                            <span className="font-medium text-slate-900">
                              {address.label ?? address.fullName}
                              {address.isDefault ? <span className="ml-2 text-xs font-normal text-slate-500">Default</span> : null}
                            </span>
                            <span className="block text-slate-600">{formatAddress(address)}</span>
                          </span>
                        </label>
                      ))}
                      <label className="flex cursor-pointer items-center gap-3 rounded-md p-3 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500">
                        <input
                          type="radio"
                          name="address"
                          value={NEW}
                          checked={selectedId === NEW}
                          onChange={() => setChoice(NEW)}
                          className="accent-brand-600"
                        />
                        <span className="text-sm font-medium text-slate-900">Ship to a new address</span>
                      </label>
                    </fieldset>
                  ) : null}
                  {selectedId === NEW ? (
                    newAddress ? (
                      <div className="flex flex-wrap items-start justify-between gap-3 rounded-md bg-slate-50 p-3 text-sm">
                        <span>{formatAddress(newAddress)}</span>
                        <button type="button" className="font-medium text-brand-700 underline" onClick={() => setNewAddress(null)}>
                          Change
                        </button>
                      </div>
                    ) : (
                      <AddressForm
                        onSubmit={setNewAddress}
                        errors={fieldErrors(createAddress.error ?? start.error)}
                        extra={
                          signedIn ? (
                            <label className="flex items-center gap-2 text-sm text-slate-700">
                              <input
                                type="checkbox"
                                checked={saveAddress}
                                onChange={(e) => setSaveAddress(e.target.checked)}
                                className="size-4 accent-brand-600"
                              />
                              Save this address to my address book
                            </label>
                          ) : null
                        }
                        actions={
                          <Button type="submit" variant="secondary">
                            Use this address
                          </Button>
                        }
                      />
                    )
                  ) : null}
                </CardBody>
              </Card>

              <Card aria-labelledby="review-heading">
                <CardHeader
                  title={<span id="review-heading">2. Review your order</span>}
                  description={`${view.groups.length === 1 ? "One shipment" : `${view.groups.length} shipments`}, one from each shop.`}
                />
                <div className="divide-y divide-slate-200">
                  {view.groups.map((group) => (
                    <section key={group.seller.id} aria-label={`Shipment from ${group.seller.shopName}`} className="px-5 py-4" data-testid="checkout-shipment">
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <h3 className="text-sm font-semibold text-slate-900">From {group.seller.shopName}</h3>
                        {group.totals ? (
                          <p className="text-sm text-slate-600">
                            Shipping {group.totals.shippingCents === 0 ? "free" : formatMoney(group.totals.shippingCents, view.currency)}
                          </p>
                        ) : null}
                      </div>
                      <ul className="mt-3 space-y-3">
                        {group.lines.map((line) => (
                          <li key={line.id} className="flex items-center gap-3 text-sm">
                            <div className="relative size-12 shrink-0 overflow-hidden rounded bg-slate-100">
                              {line.image ? <FillImage src={line.image.url} alt="" /> : null}
                            </div>
                            <span className="min-w-0 flex-1">
                              {line.name} <span className="text-slate-500">× {line.quantity}</span>
                            </span>
                            <span className="tabular-nums">{formatMoney(line.lineSubtotalCents, view.currency)}</span>
                          </li>
                        ))}
                      </ul>
                    </section>
                  ))}
                </div>
              </Card>
            </>
          )}
        </div>

        <aside aria-label="Order summary" className="lg:sticky lg:top-32">
          <Card>
            <CardBody className="space-y-4">
              <h2 className="text-base font-semibold text-slate-900">Order summary</h2>
              {target ? (
                <p className="text-sm text-slate-700" data-testid="checkout-total">
                  Total to pay: <span className="font-semibold">{formatMoney(target.totalCents, target.currency)}</span>
                </p>
              ) : (
                <>
                  {loyalty && loyalty.maxRedeemablePoints > 0 ? (
                    <div className="space-y-1 rounded-md bg-brand-50 p-3" data-testid="points-control">
                      <Input
                        label={`Points to use (you have ${loyalty.availablePoints.toLocaleString("en-US")})`}
                        name="usePoints"
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={loyalty.maxRedeemablePoints}
                        step={step}
                        value={String(pointsWanted)}
                        onChange={(event) => setPointsWanted(Math.max(0, Math.floor(Number(event.target.value) || 0)))}
                      />
                      <p className="text-xs text-slate-600">
                        {step} points = {formatMoney(step, view.currency)}; up to {loyalty.maxRedeemablePoints.toLocaleString("en-US")} on this order.{" "}
                        <button type="button" className="font-medium text-brand-700 underline" onClick={() => setPointsWanted(loyalty.maxRedeemablePoints)}>
                          Use the most
                        </button>
                      </p>
                    </div>
                  ) : null}
                  <OrderTotals
                    totals={{
                      ...view.totals,
                      pointsDiscountCents: usePoints,
                      pointsRedeemed: usePoints,
                      totalCents: view.totals.totalCents - usePoints,
                    }}
                    currency={view.currency}
                    promoCode={view.promo?.applied ? view.promo.code : null}
                    tierName={loyalty?.tierName}
                  />
                  {view.warnings.length > 0 ? (
                    <Alert tone="warning" title="Your cart needs attention">
                      <ul className="list-disc pl-5">
                        {view.warnings.map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                      <Link href="/cart" className="mt-2 inline-block font-medium underline">
                        Back to cart
                      </Link>
                    </Alert>
                  ) : null}
                  {start.isError || createAddress.isError ? (
                    <Alert tone="danger" title="The order was not placed">
                      {errorMessage(start.error ?? createAddress.error)}
                    </Alert>
                  ) : null}
                  <Button
                    size="lg"
                    className="w-full"
                    disabled={!view.canCheckout || (selectedId === NEW && !newAddress)}
                    pending={start.isPending || createAddress.isPending}
                    onClick={() => void continueToPayment()}
                  >
                    Continue to payment
                  </Button>
                  {selectedId === NEW && !newAddress ? <p className="text-xs text-slate-600">Enter a shipping address to continue.</p> : null}
                  <p className="text-xs text-slate-600">Your items are held for {HARD_RESERVATION_MS / 60_000} minutes while you pay.</p>
                </>
              )}
            </CardBody>
          </Card>
        </aside>
      </div>
    </>
  );
}
