"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { centsToPriceText, parsePriceToCents } from "@bazaar/api/validators";
import { Alert, Button, formatMoney, Input } from "@bazaar/ui";
import { errorMessage } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";
import { textField } from "~/lib/form-data";

/** Pays out the whole balance, or the amount typed. */
export function PayoutForm({ currency, availableCents }: { currency: string; availableCents: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [amountError, setAmountError] = useState<string | null>(null);
  const request = useMutation(trpc.ledger.requestPayout.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = textField(new FormData(event.currentTarget), "amount").trim();
    const cents = text ? parsePriceToCents(text) : null;
    if (text && (cents === null || cents <= 0)) return setAmountError("Enter an amount like 25.00, or leave it empty for the whole balance.");
    if (cents !== null && cents > availableCents) return setAmountError(`You can pay out at most ${formatMoney(availableCents, currency)}.`);
    setAmountError(null);
    request.mutate({ currency, ...(cents ? { amountCents: cents } : {}) });
  };

  if (availableCents <= 0 && !request.isSuccess) {
    return <p className="text-sm text-slate-600">Nothing to pay out yet: your balance grows as buyers pay for your orders.</p>;
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Request a payout">
      {request.isSuccess ? (
        <Alert tone="success">
          Payout of {formatMoney(request.data.amountCents, request.data.currency)} requested. It is usually sent within a minute; you will be notified.
        </Alert>
      ) : null}
      {request.error ? <Alert tone="danger">{errorMessage(request.error)}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Input
          label={`Amount (${currency})`}
          name="amount"
          inputMode="decimal"
          placeholder={centsToPriceText(Math.max(availableCents, 0))}
          hint="Empty for the whole balance."
          error={amountError}
          containerClassName="w-40"
        />
        <Button type="submit" pending={request.isPending} disabled={availableCents <= 0}>
          Request payout
        </Button>
      </div>
    </form>
  );
}
