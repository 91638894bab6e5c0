"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Card, CardBody, CardHeader, Input } from "@bazaar/ui";
import { textField } from "~/lib/form-data";
import { errorMessage, fieldErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

/** Whole percent, 0..100, as basis points; null when it is not one. */
function percentToBps(text: string): number | null {
  const trimmed = text.trim().replace(/%$/, "").trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const percent = Number(trimmed);
  return percent <= 100 ? percent * 100 : null;
}

/** The seller's opt-in to pay a share of buyers' tier benefits on their items (see the glossary's "co-fund"). */
export function LoyaltyCofundForm({ cofundBps }: { cofundBps: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [local, setLocal] = useState<string | null>(null);
  const save = useMutation(trpc.seller.loyaltyCofund.mutationOptions({ onSuccess: () => router.refresh() }));
  const error = local ?? (save.error ? (fieldErrorsOf(save.error).cofundBps?.[0] ?? null) : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const bps = percentToBps(textField(new FormData(event.currentTarget), "cofundPercent"));
    setLocal(bps === null ? "Enter a whole percentage from 0 to 100." : null);
    if (bps !== null) save.mutate({ cofundBps: bps });
  };

  return (
    <Card aria-labelledby="cofund-heading" className="mt-8 max-w-3xl">
      <CardHeader
        title={<span id="cofund-heading">Loyalty co-funding</span>}
        description="Share the cost of the tier discounts Bazaar gives its loyal buyers on your items."
      />
      <CardBody className="space-y-4">
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            Buyers in a loyalty tier (Silver, Gold, Platinum) get a discount on your items and may get free shipping over a lower amount. By default Bazaar pays
            for these tier benefits: you are paid your full share of the sale, as if the buyer had paid the full price.
          </p>
          <p>
            If you co-fund, you pay this percentage of the tier benefits on your items yourself: your share of those sales is smaller by that amount, which each
            order shows. Points buyers redeem are always paid by Bazaar. A change applies to orders placed from now on.
          </p>
        </div>
        <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label="Loyalty co-funding">
          <Input
            label="Your share of the tier benefits (%)"
            name="cofundPercent"
            inputMode="numeric"
            required
            defaultValue={String(cofundBps / 100)}
            error={error}
            hint="0 leaves all of it to Bazaar; 100 means you pay all of it."
            containerClassName="w-full sm:w-72"
          />
          <Button type="submit" pending={save.isPending}>
            Save co-funding
          </Button>
        </form>
        {save.error && !error ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
        {save.isSuccess && !save.isPending ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved: you co-fund {save.data.cofundBps / 100}% of the tier benefits on orders placed from now on.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
