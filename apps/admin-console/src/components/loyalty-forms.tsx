"use client";

import type { RouterOutputs } from "@bazaar/api";
import { Alert, Button, FormDialog, Input, Select, Textarea } from "@bazaar/ui";
import { bpsToInput, centsToInput, formText, parseMoneyInput, parsePercentInput } from "~/lib/format";
import type { FieldErrors } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

import { PlatformSettingsForm, type SettingsUpdate } from "./settings-forms";
import { useAdminMutation } from "./use-admin-mutation";

export interface TierRow {
  id: string;
  name: string;
  minSpendCents: number;
  discountBps: number;
  pointsMultiplierBps: number;
  freeShippingOverCents: number | null;
}

/** Edits one tier: its name, qualifying spend and benefits (audited). */
export function EditTier({ tier }: { tier: TierRow }) {
  const trpc = useTRPC();
  const save = useAdminMutation(trpc.admin.loyalty.updateTier.mutationOptions());
  const submit = (form: FormData) => {
    const minSpendCents = parseMoneyInput(formText(form, "minSpend"));
    const discountBps = parsePercentInput(formText(form, "discount"));
    const multiplier = formText(form, "multiplier");
    const freeOver = parseMoneyInput(formText(form, "freeOver"));
    const problems: FieldErrors = {};
    if (minSpendCents === null || Number.isNaN(minSpendCents)) problems.minSpendCents = ["Enter an amount such as 200.00."];
    if (discountBps === null || Number.isNaN(discountBps)) problems.discountBps = ["Enter a percentage such as 3."];
    if (!/^\d+(\.\d{1,2})?$/.test(multiplier)) problems.pointsMultiplierBps = ["Enter a multiplier such as 1.25."];
    if (Number.isNaN(freeOver)) problems.freeShippingOverCents = ["Enter an amount such as 35.00, or leave it empty."];
    if (Object.keys(problems).length > 0) {
      save.fail("Check the highlighted fields.", problems);
      return Promise.resolve(false);
    }
    return save.run({
      tierId: tier.id,
      name: formText(form, "name"),
      minSpendCents: minSpendCents ?? 0,
      discountBps: discountBps ?? 0,
      pointsMultiplierBps: Math.round(Number(multiplier) * 10_000),
      freeShippingOverCents: freeOver,
    });
  };
  return (
    <FormDialog
      triggerLabel="Edit"
      triggerAccessibleName={`Edit the ${tier.name} tier`}
      title={`Edit ${tier.name}`}
      description="Buyers' tiers follow the new rules at their next delivery, refund, or the nightly run. Orders already placed keep their discounts."
      submitLabel="Save tier"
      onSubmit={submit}
      error={save.error}
      pending={save.pending}
    >
      <Input label="Name" name="name" defaultValue={tier.name} error={save.fieldErrors.name} />
      <Input
        label="Qualifying spend over 12 months (USD)"
        name="minSpend"
        inputMode="decimal"
        defaultValue={centsToInput(tier.minSpendCents)}
        error={save.fieldErrors.minSpendCents}
      />
      <Input
        label="Discount on items (%)"
        name="discount"
        inputMode="decimal"
        defaultValue={bpsToInput(tier.discountBps)}
        error={save.fieldErrors.discountBps}
      />
      <Input
        label="Points multiplier"
        name="multiplier"
        inputMode="decimal"
        defaultValue={String(tier.pointsMultiplierBps / 10_000)}
        hint="1 = the platform's base rate."
        error={save.fieldErrors.pointsMultiplierBps}
      />
      <Input
        label="Free shipping over (USD)"
        name="freeOver"
        inputMode="decimal"
        defaultValue={centsToInput(tier.freeShippingOverCents)}
        hint="Empty: only the shop's own rule. 0: always free. Bazaar pays the shipping it waives."
        error={save.fieldErrors.freeShippingOverCents}
      />
    </FormDialog>
  );
}

/** An administrator sets a buyer's tier by hand (kept until cleared), with a reason for the audit log. */
export function SetMemberTier({
  userId,
  who,
  tiers,
  currentTierId,
}: {
  userId: string;
  who: string;
  tiers: { id: string; name: string }[];
  currentTierId: string;
}) {
  const trpc = useTRPC();
  const save = useAdminMutation(trpc.admin.loyalty.setMemberTier.mutationOptions());
  return (
    <FormDialog
      triggerLabel="Set tier"
      triggerAccessibleName={`Set the tier of ${who}`}
      title={`Set the tier of ${who}`}
      description="The tier stays until you clear it, whatever their spend. The buyer is told."
      submitLabel="Set tier"
      onSubmit={(form) => save.run({ userId, tierId: formText(form, "tierId"), reason: formText(form, "reason") })}
      error={save.error}
      pending={save.pending}
    >
      <Select label="Tier" name="tierId" defaultValue={currentTierId} error={save.fieldErrors.tierId}>
        {tiers.map((tier) => (
          <option key={tier.id} value={tier.id}>
            {tier.name}
          </option>
        ))}
      </Select>
      <Textarea label="Reason" name="reason" rows={3} hint="Kept in the audit log." error={save.fieldErrors.reason} />
    </FormDialog>
  );
}

export function ClearMemberTier({ userId, who }: { userId: string; who: string }) {
  const trpc = useTRPC();
  const clear = useAdminMutation(trpc.admin.loyalty.clearMemberTierOverride.mutationOptions());
  return (
    <>
      <Button size="sm" variant="ghost" aria-label={`Clear the hand-set tier of ${who}`} pending={clear.pending} onClick={() => void clear.run({ userId })}>
        Clear
      </Button>
      {clear.error ? <Alert tone="danger">{clear.error}</Alert> : null}
    </>
  );
}

export type PointsSettings = Pick<
  RouterOutputs["admin"]["settings"]["get"]["settings"],
  "loyaltyPointsPerUnit" | "loyaltyRedeemStepPoints" | "loyaltyMaxRedeemShareBps" | "loyaltyPointsExpiryDays"
>;

function readPointsSettings(form: FormData): { values: SettingsUpdate } | { problems: FieldErrors } {
  const whole = (key: string) => (/^\d+$/.test(formText(form, key)) ? Number(formText(form, key)) : Number.NaN);
  const share = parsePercentInput(formText(form, "share"));
  const values = { perUnit: whole("perUnit"), step: whole("step"), days: whole("days") };
  const problems: FieldErrors = {};
  if (Number.isNaN(values.perUnit)) problems.loyaltyPointsPerUnit = ["Enter a whole number of points."];
  if (Number.isNaN(values.step)) problems.loyaltyRedeemStepPoints = ["Enter a whole number of points."];
  if (Number.isNaN(values.days)) problems.loyaltyPointsExpiryDays = ["Enter a whole number of days."];
  if (share === null || Number.isNaN(share)) problems.loyaltyMaxRedeemShareBps = ["Enter a percentage such as 50."];
  if (Object.keys(problems).length > 0) return { problems };
  return {
    values: {
      loyaltyPointsPerUnit: values.perUnit,
      loyaltyRedeemStepPoints: values.step,
      loyaltyMaxRedeemShareBps: share ?? 0,
      loyaltyPointsExpiryDays: values.days,
    },
  };
}

/** The points rules: earning rate, redemption step and share, expiry after inactivity. */
export function PointsSettingsForm({ settings }: { settings: PointsSettings }) {
  return (
    <PlatformSettingsForm
      name="Points settings"
      submitLabel="Save points settings"
      savedMessage="Points settings saved."
      read={readPointsSettings}
      fields={[
        {
          setting: "loyaltyPointsPerUnit",
          name: "perUnit",
          label: "Points per $1 paid",
          inputMode: "numeric",
          defaultValue: String(settings.loyaltyPointsPerUnit),
          hint: "On delivered goods, times the tier's multiplier. 1 point = 1 cent.",
        },
        {
          setting: "loyaltyRedeemStepPoints",
          name: "step",
          label: "Redeem in steps of (points)",
          inputMode: "numeric",
          defaultValue: String(settings.loyaltyRedeemStepPoints),
        },
        {
          setting: "loyaltyMaxRedeemShareBps",
          name: "share",
          label: "Most of an order points may pay (%)",
          inputMode: "decimal",
          defaultValue: bpsToInput(settings.loyaltyMaxRedeemShareBps),
          hint: "Of the goods after promo and tier discounts.",
        },
        {
          setting: "loyaltyPointsExpiryDays",
          name: "days",
          label: "Points expire after (days without activity)",
          inputMode: "numeric",
          defaultValue: String(settings.loyaltyPointsExpiryDays),
        },
      ]}
    />
  );
}
