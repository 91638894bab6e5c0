"use client";

import { useId, useState } from "react";
import { Alert, Button } from "@bazaar/ui";
import { useTRPC } from "~/trpc/react";
import { useAdminMutation } from "./use-admin-mutation";

/** Answers one dispute with evidence (with the simulator, "winning_evidence" wins it and "losing_evidence" loses it, as in Stripe's test mode). */
export function DisputeEvidenceForm({ disputeId, orderNumber }: { disputeId: string; orderNumber: number }) {
  const trpc = useTRPC();
  const submit = useAdminMutation(trpc.admin.money.submitDisputeEvidence.mutationOptions());
  const [evidence, setEvidence] = useState("");
  const id = useId();
  return (
    <form
      aria-label={`Evidence for the dispute on order #${orderNumber}`}
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run({ disputeId, evidence });
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Evidence
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        With the payment simulator (as in Stripe&apos;s test mode), evidence containing winning_evidence wins the dispute and losing_evidence loses it.
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        value={evidence}
        onChange={(e) => setEvidence(e.target.value)}
        rows={2}
        maxLength={20_000}
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      {submit.error ? <Alert tone="danger">{submit.error}</Alert> : null}
      <Button type="submit" size="sm" pending={submit.pending}>
        Submit evidence
      </Button>
    </form>
  );
}
