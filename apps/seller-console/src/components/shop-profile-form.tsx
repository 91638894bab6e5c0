"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { centsToPriceText, parsePriceToCents } from "@bazaar/api/validators";
import { Alert, Button, Input, Textarea } from "@bazaar/ui";
import { textField } from "~/lib/form-data";
import { errorMessage, fieldErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

type Profile = RouterOutputs["seller"]["profile"];

export function ShopProfileForm({ profile }: { profile: Profile }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const save = useMutation(trpc.seller.updateProfile.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = { ...(save.error ? fieldErrorsOf(save.error) : {}), ...local };
  const err = (name: string) => errors[name]?.[0];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const flat = parsePriceToCents(textField(data, "shippingFlat"));
    const freeText = textField(data, "freeShippingOver").trim();
    const freeOver = freeText ? parsePriceToCents(freeText) : null;
    const found: Record<string, string[]> = {};
    if (flat === null) found.shippingFlatCents = ["Write the shipping rate like 5.99 (0 for free shipping)."];
    if (freeText && freeOver === null) found.freeShippingOverCents = ["Write the amount like 50.00, or leave it empty."];
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({
      shopName: textField(data, "shopName"),
      description: textField(data, "description"),
      contactEmail: textField(data, "contactEmail"),
      shippingFlatCents: flat ?? 0,
      freeShippingOverCents: freeOver,
      shippingPolicy: textField(data, "shippingPolicy"),
      returnPolicy: textField(data, "returnPolicy"),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-4" aria-label="Shop profile">
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="Shop name" name="shopName" required maxLength={80} defaultValue={profile.shopName} error={err("shopName")} />
        <Input
          label="Contact email"
          name="contactEmail"
          type="email"
          required
          defaultValue={profile.contactEmail}
          error={err("contactEmail")}
          hint="Orders and buyers' messages go here."
        />
      </div>
      <Textarea label="Description" name="description" rows={3} maxLength={1000} defaultValue={profile.description} error={err("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label="Shipping per order (USD)"
          name="shippingFlat"
          inputMode="decimal"
          required
          defaultValue={centsToPriceText(profile.shippingFlatCents)}
          error={err("shippingFlatCents")}
        />
        <Input
          label="Free shipping over (USD)"
          name="freeShippingOver"
          inputMode="decimal"
          defaultValue={profile.freeShippingOverCents === null ? "" : centsToPriceText(profile.freeShippingOverCents)}
          error={err("freeShippingOverCents")}
          hint="Leave empty for no free shipping."
        />
      </div>
      <Textarea
        label="Shipping policy"
        name="shippingPolicy"
        rows={3}
        maxLength={2000}
        defaultValue={profile.shippingPolicy}
        error={err("shippingPolicy")}
        hint="When orders leave, which carriers, where you ship."
      />
      <Textarea
        label="Return policy"
        name="returnPolicy"
        rows={3}
        maxLength={2000}
        defaultValue={profile.returnPolicy}
        error={err("returnPolicy")}
        hint="What you take back, for how long, and who pays the return."
      />
      {save.error && Object.keys(errors).length === 0 ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" pending={save.isPending}>
          Save shop
        </Button>
        {save.isSuccess && !save.isPending ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
