"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, Button, ConfirmDialog, Input, Select } from "@bazaar/ui";
import { bpsToInput, centsToInput, formText, parseMoneyInput, parsePercentInput } from "~/lib/format";
import { isoDay } from "~/lib/search-params";
import { useTRPC } from "~/trpc/react";
import { useAdminMutation } from "./use-admin-mutation";
import type { FieldErrors } from "~/lib/trpc-errors";

export interface PromoValues {
  id: string;
  code: string;
  description: string | null;
  type: "PERCENT" | "FIXED";
  value: number;
  minSubtotalCents: number;
  startsAt: Date | null;
  expiresAt: Date | null;
  usageLimit: number | null;
  sellerId: string | null;
  active: boolean;
}

const dayOrNull = (value: string) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** Creates a promo code, or edits one (`promo` given; its code cannot change). */
export function PromoForm({ promo, shops }: { promo?: PromoValues; shops: { id: string; shopName: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useAdminMutation(trpc.admin.promotions.create.mutationOptions());
  const update = useAdminMutation(trpc.admin.promotions.update.mutationOptions());
  const save = promo ? update : create;
  const [type, setType] = useState<"PERCENT" | "FIXED">(promo?.type ?? "PERCENT");
  const [saved, setSaved] = useState(false);

  const submit = async (form: FormData) => {
    setSaved(false);
    const value = type === "PERCENT" ? parsePercentInput(formText(form, "value")) : parseMoneyInput(formText(form, "value"));
    const minSubtotal = parseMoneyInput(formText(form, "minSubtotal"));
    const usageLimit = formText(form, "usageLimit");
    const problems: FieldErrors = {};
    if (value === null || Number.isNaN(value) || value <= 0)
      problems.value = [type === "PERCENT" ? "Enter a percentage such as 15." : "Enter an amount such as 5.00."];
    if (Number.isNaN(minSubtotal)) problems.minSubtotalCents = ["Enter an amount such as 30.00, or leave it empty."];
    if (usageLimit && !/^\d+$/.test(usageLimit)) problems.usageLimit = ["Enter a whole number, or leave it empty for no limit."];
    if (Object.keys(problems).length > 0) return save.fail("Check the highlighted fields.", problems);
    const fields = {
      description: formText(form, "description") || null,
      type,
      value: value ?? 0,
      minSubtotalCents: minSubtotal ?? 0,
      startsAt: dayOrNull(formText(form, "startsAt")),
      expiresAt: dayOrNull(formText(form, "expiresAt")),
      usageLimit: usageLimit ? Number(usageLimit) : null,
      sellerId: formText(form, "sellerId") || null,
      active: form.get("active") === "on",
    };
    if (promo) {
      if (await update.run({ promoId: promo.id, ...fields })) setSaved(true);
    } else if (await create.run({ code: formText(form, "code"), ...fields })) {
      router.push("/promotions");
    }
  };

  return (
    <form
      className="space-y-4"
      noValidate
      aria-label={promo ? `Edit ${promo.code}` : "New promo code"}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {promo ? (
          <Input label="Code" name="code" value={promo.code} readOnly hint="A code cannot be renamed: orders and buyers know it by name." />
        ) : (
          <Input
            label="Code"
            name="code"
            required
            autoCapitalize="characters"
            hint="3–32 letters, digits, dashes; buyers type it in any case."
            error={save.fieldErrors.code}
          />
        )}
        <Input
          label="Description"
          name="description"
          defaultValue={promo?.description ?? ""}
          hint="For administrators; optional."
          error={save.fieldErrors.description}
        />
        <Select label="Discount type" name="type" value={type} onChange={(event) => setType(event.target.value === "FIXED" ? "FIXED" : "PERCENT")}>
          <option value="PERCENT">Percent off</option>
          <option value="FIXED">Fixed amount off (USD)</option>
        </Select>
        <Input
          label={type === "PERCENT" ? "Percent off" : "Amount off (USD)"}
          name="value"
          inputMode="decimal"
          required
          defaultValue={promo ? (promo.type === "PERCENT" ? bpsToInput(promo.value) : centsToInput(promo.value)) : ""}
          error={save.fieldErrors.value}
        />
        <Input
          label="Minimum subtotal (USD)"
          name="minSubtotal"
          inputMode="decimal"
          defaultValue={promo?.minSubtotalCents ? centsToInput(promo.minSubtotalCents) : ""}
          hint="Empty for none."
          error={save.fieldErrors.minSubtotalCents}
        />
        <Input
          label="Usage limit"
          name="usageLimit"
          inputMode="numeric"
          defaultValue={promo?.usageLimit ?? ""}
          hint="Total uses across all buyers; empty for no limit."
          error={save.fieldErrors.usageLimit}
        />
        <Input
          label="Starts"
          name="startsAt"
          type="date"
          defaultValue={promo?.startsAt ? isoDay(promo.startsAt) : ""}
          hint="Empty: at once."
          error={save.fieldErrors.startsAt}
        />
        <Input
          label="Expires"
          name="expiresAt"
          type="date"
          defaultValue={promo?.expiresAt ? isoDay(promo.expiresAt) : ""}
          hint="Empty: never (midnight UTC)."
          error={save.fieldErrors.expiresAt}
        />
        <Select label="Applies to" name="sellerId" defaultValue={promo?.sellerId ?? ""} error={save.fieldErrors.sellerId}>
          <option value="">Every shop (platform-wide)</option>
          {shops.map((s) => (
            <option key={s.id} value={s.id}>
              Only {s.shopName}
            </option>
          ))}
        </Select>
        <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="active" defaultChecked={promo?.active ?? true} className="size-4 rounded border-slate-300" />
          Active (buyers can use it)
        </label>
      </div>
      {save.error ? <Alert tone="danger">{save.error}</Alert> : null}
      {saved ? <Alert tone="success">Promo code saved.</Alert> : null}
      <Button type="submit" pending={save.pending}>
        {promo ? "Save changes" : "Create promo code"}
      </Button>
    </form>
  );
}

/** Ends a promo code now. */
export function ExpirePromoButton({ promoId, code }: { promoId: string; code: string }) {
  const trpc = useTRPC();
  const expire = useAdminMutation(trpc.admin.promotions.expire.mutationOptions());
  return (
    <ConfirmDialog
      triggerLabel="Expire now"
      triggerVariant="danger"
      triggerAccessibleName={`Expire now: ${code}`}
      title={`Expire ${code} now?`}
      description="Buyers can no longer use it; carts holding it lose the discount when they are next priced. Orders already placed keep theirs."
      confirmLabel="Expire code"
      onConfirm={() => expire.run({ promoId })}
      error={expire.error}
      pending={expire.pending}
    />
  );
}
