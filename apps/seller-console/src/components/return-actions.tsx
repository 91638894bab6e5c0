"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert, Button, Textarea } from "@bazaar/ui";
import { textField } from "~/lib/form-data";
import { errorMessage, fieldErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

interface ReturnRow {
  id: string;
  number: number;
  status: string;
  items: { orderItemId: string; quantity: number; orderItem: { name: string } }[];
}

/** The seller's next step on a return: approve with instructions or reject with a reason (each its own form and rule); once it arrives, receive it (restock or write off each line). */
export function ReturnActions({ request, warehouses }: { request: ReturnRow; warehouses: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const refresh = () => startRefresh(() => router.refresh());
  const approve = useMutation(trpc.returns.approve.mutationOptions({ onSuccess: refresh }));
  const reject = useMutation(trpc.returns.reject.mutationOptions({ onSuccess: refresh }));
  const receive = useMutation(trpc.returns.receive.mutationOptions({ onSuccess: refresh }));
  const [choices, setChoices] = useState<Record<string, string>>({});
  const error = approve.error ?? reject.error ?? receive.error;

  if (request.status === "REQUESTED") {
    const instructionsError = approve.error ? fieldErrorsOf(approve.error).instructions?.[0] : undefined;
    const reasonError = reject.error ? fieldErrorsOf(reject.error).reason?.[0] : undefined;
    const other = error && !instructionsError && !reasonError ? errorMessage(error) : null;
    return (
      <div className="space-y-4">
        <DecisionForm
          name={`Approve return #${request.number}`}
          label="Return instructions"
          hint="Where and how the buyer sends the items back; they see this."
          minLength={5}
          tooShort="Tell the buyer how and where to send the items."
          maxLength={2000}
          submitLabel="Approve"
          pending={approve.isPending || refreshing}
          serverError={instructionsError}
          onSend={(instructions) => {
            reject.reset();
            approve.mutate({ returnId: request.id, instructions });
          }}
        />
        <DecisionForm
          name={`Reject return #${request.number}`}
          label="Reason for rejecting"
          hint="The buyer sees this."
          minLength={3}
          tooShort="Give a reason (at least 3 characters)."
          maxLength={500}
          submitLabel="Reject"
          secondary
          pending={reject.isPending || refreshing}
          serverError={reasonError}
          onSend={(reason) => {
            approve.reset();
            reject.mutate({ returnId: request.id, reason });
          }}
        />
        {other ? <Alert tone="danger">{other}</Alert> : null}
      </div>
    );
  }
  if (request.status === "APPROVED" || request.status === "SENT") {
    return (
      <form
        aria-label={`Receive return #${request.number}`}
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          receive.mutate({
            returnId: request.id,
            items: request.items.map((i) => {
              const choice = choices[i.orderItemId] ?? (warehouses[0] ? `restock:${warehouses[0].id}` : "writeoff");
              return choice === "writeoff"
                ? { orderItemId: i.orderItemId, disposition: "WRITE_OFF" as const }
                : { orderItemId: i.orderItemId, disposition: "RESTOCK" as const, warehouseId: choice.slice("restock:".length) };
            }),
          });
        }}
      >
        {request.items.map((i) => (
          <label key={i.orderItemId} className="flex items-center justify-between gap-2 text-sm">
            <span>
              {i.quantity} × {i.orderItem.name}
            </span>
            <select
              aria-label={`What happens to ${i.orderItem.name}`}
              className="rounded-md border border-slate-300 px-2 py-1"
              value={choices[i.orderItemId] ?? (warehouses[0] ? `restock:${warehouses[0].id}` : "writeoff")}
              onChange={(e) => setChoices({ ...choices, [i.orderItemId]: e.target.value })}
            >
              {warehouses.map((w) => (
                <option key={w.id} value={`restock:${w.id}`}>
                  Back in stock at {w.name}
                </option>
              ))}
              <option value="writeoff">Write off</option>
            </select>
          </label>
        ))}
        {error ? <Alert tone="danger">{errorMessage(error)}</Alert> : null}
        <Button type="submit" size="sm" pending={receive.isPending || refreshing}>
          Received: refund the buyer
        </Button>
      </form>
    );
  }
  return null;
}

/** One answer to a return request (approve, reject): its own labelled text with its own rule (the server's, checked here first), and its button. */
function DecisionForm(props: {
  name: string;
  label: string;
  hint: string;
  minLength: number;
  tooShort: string;
  maxLength: number;
  submitLabel: string;
  secondary?: boolean;
  pending: boolean;
  serverError?: string;
  onSend: (text: string) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      aria-label={props.name}
      className="space-y-2"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const text = textField(new FormData(event.currentTarget), "text").trim();
        setProblem(text.length < props.minLength ? props.tooShort : null);
        if (text.length >= props.minLength) props.onSend(text);
      }}
    >
      <Textarea label={props.label} name="text" rows={2} maxLength={props.maxLength} hint={props.hint} error={problem ?? props.serverError} />
      <Button type="submit" size="sm" variant={props.secondary ? "secondary" : "primary"} pending={props.pending}>
        {props.submitLabel}
      </Button>
    </form>
  );
}
