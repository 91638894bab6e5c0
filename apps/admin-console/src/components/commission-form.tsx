"use client";

import { useState } from "react";
import { Alert, Button, Input } from "@bazaar/ui";
import { bpsToInput, formatBps, parsePercentInput } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { useAdminMutation } from "./use-admin-mutation";

/** A shop's commission override in percent; empty returns it to the platform default. */
export function CommissionForm({ sellerId, overrideBps, defaultBps }: { sellerId: string; overrideBps: number | null; defaultBps: number }) {
  const trpc = useTRPC();
  const save = useAdminMutation(trpc.admin.sellers.setCommission.mutationOptions());
  const [value, setValue] = useState(bpsToInput(overrideBps));
  const [saved, setSaved] = useState(false);

  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        const bps = parsePercentInput(value);
        if (Number.isNaN(bps))
          return save.fail("Check the highlighted field.", {
            commissionBps: ["Enter a percentage such as 12.5, or leave it empty."],
          });
        void save.run({ sellerId, commissionBps: bps }).then(setSaved);
      }}
    >
      <Input
        label="Commission override (%)"
        name="commission"
        inputMode="decimal"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        hint={`Leave empty for the platform default (${formatBps(defaultBps)}). Applies to payments captured from now on.`}
        error={save.fieldErrors.commissionBps}
      />
      {save.error && !save.fieldErrors.commissionBps ? <Alert tone="danger">{save.error}</Alert> : null}
      {saved ? <Alert tone="success">Commission saved.</Alert> : null}
      <Button type="submit" pending={save.pending}>
        Save commission
      </Button>
    </form>
  );
}
