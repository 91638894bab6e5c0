"use client";

import { useMutation } from "@tanstack/react-query";
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
// The pure entry loads js.stripe.com only when loadStripe runs (the Stripe path), never for the simulator.
import { loadStripe } from "@stripe/stripe-js/pure";
import { useMemo, useState, type FormEvent } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { Alert, Button, formatMoney, Input } from "@bazaar/ui";
import { domainCodeOf, errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";

export type PaymentTarget = RouterOutputs["checkout"]["start"];

export interface PaymentFormProps {
  target: PaymentTarget;
  publishableKey: string | null;
  onAttempt: () => void;
  /** A declined card: the order stays open for another attempt on the same PaymentIntent. */
  onDeclined: (message: string) => void;
  onPaid: (orderId: string) => Promise<void>;
}

/** Stripe's Payment Element when Stripe is configured; the local simulator's card field otherwise. */
export function PaymentForm(props: PaymentFormProps) {
  if (props.target.provider === "STRIPE") {
    if (!props.publishableKey) {
      return (
        <Alert tone="danger" title="Card payments are not available">
          This shop takes payments through Stripe, but its publishable key is missing (STRIPE_PUBLISHABLE_KEY). Nothing was charged; try again later.
        </Alert>
      );
    }
    return <StripePayment {...props} publishableKey={props.publishableKey} />;
  }
  return <SimulatorPayment {...props} />;
}

const groupDigits = (value: string) =>
  value
    .replace(/\D/g, "")
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, "$1 ");

/** The simulator's card form: Stripe's test card numbers decide the outcome. */
function SimulatorPayment({ target, onAttempt, onDeclined, onPaid }: PaymentFormProps) {
  const trpc = useTRPC();
  const [card, setCard] = useState("");
  const [error, setError] = useState<{ message: string; field: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = useMutation(trpc.payments.simulatorConfirm.mutationOptions());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    onAttempt();
    setBusy(true);
    try {
      const result = await confirm.mutateAsync({ paymentIntentId: target.paymentIntentId, clientSecret: target.clientSecret, cardNumber: card });
      if (result.status === "succeeded") {
        await onPaid(result.orderId);
        return;
      }
      onDeclined(result.message ?? "Your card was declined.");
    } catch (e) {
      setError({ message: errorMessage(e), field: domainCodeOf(e) === "BAD_REQUEST" });
    }
    setBusy(false);
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate aria-label="Pay by card">
      <Input
        label="Card number"
        name="cardNumber"
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="1234 1234 1234 1234"
        value={card}
        onChange={(e) => setCard(groupDigits(e.target.value))}
        error={error?.field ? error.message : null}
        hint={
          <>
            Test mode, no real charge: <span className="font-mono">4242 4242 4242 4242</span> pays, <span className="font-mono">4000 0000 0000 0002</span> is
            declined.
          </>
        }
      />
      {error && !error.field ? <Alert tone="danger">{error.message}</Alert> : null}
      <Button type="submit" size="lg" className="w-full sm:w-auto" pending={busy} disabled={!card.trim()}>
        Pay {formatMoney(target.totalCents, target.currency)}
      </Button>
    </form>
  );
}

function StripePayment(props: PaymentFormProps & { publishableKey: string }) {
  const stripe = useMemo(() => loadStripe(props.publishableKey), [props.publishableKey]);
  // Another order's PaymentIntent needs a new Elements instance.
  return (
    <Elements key={props.target.clientSecret} stripe={stripe} options={{ clientSecret: props.target.clientSecret, appearance: { theme: "stripe" } }}>
      <StripeCardForm {...props} />
    </Elements>
  );
}

function StripeCardForm({ target, onAttempt, onDeclined, onPaid }: PaymentFormProps) {
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!stripe || !elements) return;
    setError(null);
    onAttempt();
    setBusy(true);
    const result = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: `${window.location.origin}/checkout/confirmation/${target.orderId}` },
      redirect: "if_required",
    });
    if (!result.error) {
      await onPaid(target.orderId);
      return;
    }
    if (result.error.type === "card_error") {
      // The PaymentIntent is back to requires_payment_method: the same form pays it with another card.
      onDeclined(result.error.message ?? "Your card was declined.");
    } else {
      setError(result.error.message ?? "The payment could not be completed. Try again.");
    }
    setBusy(false);
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" aria-label="Pay by card">
      <PaymentElement />
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Button type="submit" size="lg" className="w-full sm:w-auto" pending={busy} disabled={!stripe}>
        Pay {formatMoney(target.totalCents, target.currency)}
      </Button>
    </form>
  );
}
