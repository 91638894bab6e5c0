"use client";

import { useState } from "react";
import type { RouterInputs, RouterOutputs } from "@bazaar/api";
import { Alert, Button, ConfirmDialog, FormDialog, Input, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { bpsToInput, centsToInput, formatBps, formText, parseMoneyInput, parsePercentInput } from "~/lib/format";
import type { FieldErrors } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

import { useAdminMutation } from "./use-admin-mutation";

export type SettingsUpdate = RouterInputs["admin"]["settings"]["update"];

/** One field of a settings form: the setting it edits (its errors), its label, input and current value. */
export interface SettingField {
  setting: keyof SettingsUpdate & string;
  name: string;
  label: string;
  inputMode: "decimal" | "numeric";
  defaultValue: string;
  hint?: string;
}

/**
 * A form that saves some of the platform settings (each save is audited by the API): the shell
 * the Settings page and the Loyalty page share. `read` turns the fields into the settings to save,
 * or into the fields' problems, shown beside each field like the server's.
 */
export function PlatformSettingsForm({
  name,
  submitLabel,
  savedMessage,
  fields,
  read,
}: {
  name: string;
  submitLabel: string;
  savedMessage: string;
  fields: SettingField[];
  read: (form: FormData) => { values: SettingsUpdate } | { problems: FieldErrors };
}) {
  const trpc = useTRPC();
  const save = useAdminMutation(trpc.admin.settings.update.mutationOptions());
  const [saved, setSaved] = useState(false);

  const submit = async (form: FormData) => {
    setSaved(false);
    const result = read(form);
    if ("problems" in result) return save.fail("Check the highlighted fields.", result.problems);
    if (await save.run(result.values)) setSaved(true);
  };

  return (
    <form
      aria-label={name}
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((field) => (
          <Input
            key={field.name}
            label={field.label}
            name={field.name}
            inputMode={field.inputMode}
            defaultValue={field.defaultValue}
            hint={field.hint}
            error={save.fieldErrors[field.setting]}
          />
        ))}
      </div>
      {save.error ? <Alert tone="danger">{save.error}</Alert> : null}
      {saved ? <Alert tone="success">{savedMessage}</Alert> : null}
      <Button type="submit" pending={save.pending}>
        {submitLabel}
      </Button>
    </form>
  );
}

export type PlatformDefaults = Pick<
  RouterOutputs["admin"]["settings"]["get"]["settings"],
  "commissionDefaultBps" | "lowStockThresholdDefault" | "shippingDefaultFlatCents" | "shippingDefaultFreeOverCents" | "sellerRefundLimitCents"
>;

function readDefaults(form: FormData): { values: SettingsUpdate } | { problems: FieldErrors } {
  const commission = parsePercentInput(formText(form, "commission"));
  const flat = parseMoneyInput(formText(form, "shippingFlat"));
  const freeOver = parseMoneyInput(formText(form, "shippingFreeOver"));
  const refundLimit = parseMoneyInput(formText(form, "sellerRefundLimit"));
  const threshold = formText(form, "lowStock");
  const problems: FieldErrors = {};
  if (commission === null || Number.isNaN(commission)) problems.commissionDefaultBps = ["Enter a percentage such as 10."];
  if (flat === null || Number.isNaN(flat)) problems.shippingDefaultFlatCents = ["Enter an amount such as 5.99."];
  if (Number.isNaN(freeOver)) problems.shippingDefaultFreeOverCents = ["Enter an amount such as 50.00, or leave it empty."];
  if (refundLimit === null || Number.isNaN(refundLimit)) problems.sellerRefundLimitCents = ["Enter an amount such as 500.00 (0: sellers cannot refund)."];
  if (!/^\d+$/.test(threshold)) problems.lowStockThresholdDefault = ["Enter a whole number of units."];
  if (Object.keys(problems).length > 0) return { problems };
  return {
    values: {
      commissionDefaultBps: commission ?? 0,
      shippingDefaultFlatCents: flat ?? 0,
      shippingDefaultFreeOverCents: freeOver,
      lowStockThresholdDefault: Number(threshold),
      sellerRefundLimitCents: refundLimit ?? 0,
    },
  };
}

export function DefaultsForm({ settings }: { settings: PlatformDefaults }) {
  return (
    <PlatformSettingsForm
      name="Platform defaults"
      submitLabel="Save settings"
      savedMessage="Settings saved."
      read={readDefaults}
      fields={[
        {
          setting: "commissionDefaultBps",
          name: "commission",
          label: "Default commission (%)",
          inputMode: "decimal",
          defaultValue: bpsToInput(settings.commissionDefaultBps),
          hint: "Bazaar's share of each sale, for shops without an override. Applies to payments captured from now on.",
        },
        {
          setting: "lowStockThresholdDefault",
          name: "lowStock",
          label: "Default low-stock threshold (units)",
          inputMode: "numeric",
          defaultValue: String(settings.lowStockThresholdDefault),
          hint: "New stock rows warn their seller below this many available units.",
        },
        {
          setting: "shippingDefaultFlatCents",
          name: "shippingFlat",
          label: "Default shipping, flat rate (USD)",
          inputMode: "decimal",
          defaultValue: centsToInput(settings.shippingDefaultFlatCents),
          hint: "What a new shop charges per order until it sets its own.",
        },
        {
          setting: "shippingDefaultFreeOverCents",
          name: "shippingFreeOver",
          label: "Default free shipping over (USD)",
          inputMode: "decimal",
          defaultValue: centsToInput(settings.shippingDefaultFreeOverCents),
          hint: "Empty: no free shipping by default.",
        },
        {
          setting: "sellerRefundLimitCents",
          name: "sellerRefundLimit",
          label: "Seller refund limit (USD)",
          inputMode: "decimal",
          defaultValue: centsToInput(settings.sellerRefundLimitCents),
          hint: "The most a seller may refund on their own at once; larger refunds need an administrator.",
        },
      ]}
    />
  );
}

export function TaxTable({ rates }: { rates: { country: string; rateBps: number }[] }) {
  const trpc = useTRPC();
  const setRate = useAdminMutation(trpc.admin.settings.setTaxRate.mutationOptions());
  const remove = useAdminMutation(trpc.admin.settings.deleteTaxRate.mutationOptions());

  const submitRate = (form: FormData, country?: string) => {
    const rateBps = parsePercentInput(formText(form, "rate"));
    if (rateBps === null || Number.isNaN(rateBps)) {
      setRate.fail("Check the highlighted fields.", {
        rateBps: ["Enter a percentage such as 19."],
      });
      return Promise.resolve(false);
    }
    return setRate.run({
      country: country ?? formText(form, "country"),
      rateBps,
    });
  };

  return (
    <div className="space-y-4">
      <Table caption="Tax rates by destination country" data-testid="tax-table">
        <THead>
          <tr>
            <Th>Country</Th>
            <Th className="text-right">Rate</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {rates.map((r) => (
            <tr key={r.country}>
              <Td className="font-medium">{r.country}</Td>
              <Td className="text-right tabular-nums">{formatBps(r.rateBps)}</Td>
              <Td>
                <div className="flex justify-end gap-2">
                  <FormDialog
                    triggerLabel="Change"
                    triggerAccessibleName={`Change the ${r.country} rate`}
                    title={`Tax rate for ${r.country}`}
                    description="Carts pick up the new rate the next time they are priced; placed orders keep theirs."
                    submitLabel="Save rate"
                    onSubmit={(form) => submitRate(form, r.country)}
                    error={setRate.error}
                    pending={setRate.pending}
                  >
                    <Input label="Rate (%)" name="rate" inputMode="decimal" defaultValue={bpsToInput(r.rateBps)} error={setRate.fieldErrors.rateBps} />
                  </FormDialog>
                  <ConfirmDialog
                    triggerLabel="Remove"
                    triggerVariant="ghost"
                    triggerAccessibleName={`Remove the ${r.country} rate`}
                    title={`Remove the tax rate for ${r.country}?`}
                    description={`Orders shipped to ${r.country} are not taxed until you add a rate again.`}
                    confirmLabel="Remove rate"
                    onConfirm={() => remove.run({ country: r.country })}
                    error={remove.error}
                    pending={remove.pending}
                  />
                </div>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <form
        aria-labelledby="add-rate"
        className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const target = event.currentTarget;
          void submitRate(new FormData(target)).then((ok) => {
            if (ok) target.reset();
          });
        }}
      >
        <h3 id="add-rate" className="mb-3 text-sm font-semibold text-slate-900">
          Add or change a country
        </h3>
        <div className="grid items-end gap-3 sm:grid-cols-3">
          <Input
            label="Country code"
            name="country"
            maxLength={2}
            autoCapitalize="characters"
            hint="Two letters, e.g. NL."
            error={setRate.fieldErrors.country}
          />
          <Input label="Rate (%)" name="rate" inputMode="decimal" error={setRate.fieldErrors.rateBps} />
          <Button type="submit" pending={setRate.pending}>
            Save rate
          </Button>
        </div>
        {setRate.error ? (
          <Alert tone="danger" className="mt-3">
            {setRate.error}
          </Alert>
        ) : null}
      </form>
    </div>
  );
}
