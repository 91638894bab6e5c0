"use client";

import { useState } from "react";
import type { ReturnStatus } from "@bazaar/db/enums";
import { Alert, Button, ConfirmDialog, Select, Textarea } from "@bazaar/ui";
import { useTRPC } from "~/trpc/react";
import { useAdminMutation } from "./use-admin-mutation";

interface StepInProps {
  request: { id: string; number: number; status: ReturnStatus; items: { orderItemId: string; quantity: number; name: string }[] };
  /** The shop's warehouses, where received units can go back on hand. */
  warehouses: { id: string; name: string }[];
}

const WRITE_OFF = "write-off";

/**
 * An administrator takes the step a return is waiting for: approve (with instructions) or reject
 * a request, receive an approved or sent return (each line back in a warehouse or written off;
 * the buyer is refunded), or cancel one that has not arrived.
 */
export function ReturnStepIn({ request, warehouses }: StepInProps) {
  const open = request.status === "REQUESTED" || request.status === "APPROVED" || request.status === "SENT";
  if (!open) return <p className="text-sm text-slate-600">Nothing left to do: this return is closed.</p>;
  return (
    <div className="space-y-6">
      {request.status === "REQUESTED" ? <Decide request={request} /> : <Receive request={request} warehouses={warehouses} />}
      {request.status !== "SENT" ? <Cancel request={request} /> : null}
    </div>
  );
}

function Decide({ request }: Pick<StepInProps, "request">) {
  const trpc = useTRPC();
  const approve = useAdminMutation(trpc.returns.approve.mutationOptions());
  const reject = useAdminMutation(trpc.returns.reject.mutationOptions());
  const [instructions, setInstructions] = useState("");
  return (
    <div className="space-y-4">
      <form
        aria-label={`Approve return #${request.number}`}
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void approve.run({ returnId: request.id, instructions });
        }}
      >
        <Textarea
          label="Instructions for the buyer"
          hint="Where and how to send the items back; the buyer gets them by email."
          value={instructions}
          onChange={(event) => setInstructions(event.target.value)}
          required
          minLength={5}
          maxLength={2000}
          rows={3}
          error={approve.fieldErrors.instructions ?? null}
        />
        {approve.error ? <Alert tone="danger">{approve.error}</Alert> : null}
        <Button type="submit" size="sm" pending={approve.pending}>
          Approve return
        </Button>
      </form>
      <ConfirmDialog
        triggerLabel="Reject return"
        title={`Reject return #${request.number}?`}
        description="The buyer keeps the items and gets no refund; they are told your reason."
        confirmLabel="Reject"
        reason={{ label: "Reason (the buyer and the shop see this)", minLength: 3 }}
        onConfirm={(reason) => reject.run({ returnId: request.id, reason })}
        error={reject.error}
        pending={reject.pending}
      />
    </div>
  );
}

function Receive({ request, warehouses }: StepInProps) {
  const trpc = useTRPC();
  const receive = useAdminMutation(trpc.returns.receive.mutationOptions());
  const first = warehouses[0]?.id ?? WRITE_OFF;
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [includeShipping, setIncludeShipping] = useState(false);
  return (
    <form
      aria-label={`Receive return #${request.number}`}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        void receive.run({
          returnId: request.id,
          includeShipping,
          items: request.items.map((i) => {
            const choice = choices[i.orderItemId] ?? first;
            return choice === WRITE_OFF
              ? { orderItemId: i.orderItemId, disposition: "WRITE_OFF" as const }
              : { orderItemId: i.orderItemId, disposition: "RESTOCK" as const, warehouseId: choice };
          }),
        });
      }}
    >
      <p className="text-sm text-slate-600">
        {request.status === "SENT" ? "The buyer sent it back." : "Approved; the buyer has not marked it sent."} Receiving it refunds the buyer for these items.
      </p>
      {request.items.map((i) => (
        <Select
          key={i.orderItemId}
          label={`What happens to ${i.quantity} × ${i.name}`}
          value={choices[i.orderItemId] ?? first}
          onChange={(event) => setChoices({ ...choices, [i.orderItemId]: event.target.value })}
        >
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              Back in stock at {w.name}
            </option>
          ))}
          <option value={WRITE_OFF}>Write off (damaged or never arrived)</option>
        </Select>
      ))}
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={includeShipping} onChange={(event) => setIncludeShipping(event.target.checked)} className="size-4" />
        Refund the shipping too
      </label>
      {receive.error ? <Alert tone="danger">{receive.error}</Alert> : null}
      <Button type="submit" size="sm" pending={receive.pending}>
        Receive and refund
      </Button>
    </form>
  );
}

function Cancel({ request }: Pick<StepInProps, "request">) {
  const trpc = useTRPC();
  const cancel = useAdminMutation(trpc.returns.cancel.mutationOptions());
  return (
    <ConfirmDialog
      triggerLabel="Cancel return"
      title={`Cancel return #${request.number}?`}
      description="The return closes without a refund; the buyer can ask again for the same items while the shop's return window is open."
      confirmLabel="Yes, cancel the return"
      onConfirm={() => cancel.run({ returnId: request.id })}
      error={cancel.error}
      pending={cancel.pending}
    />
  );
}
