"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Alert, Button } from "@bazaar/ui";
import { errorMessage } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

interface ReturnRow {
  id: string;
  number: number;
  status: string;
  items: { orderItemId: string; quantity: number; orderItem: { name: string } }[];
}

/** The seller's next step on a return: approve with instructions or reject with a reason; once it arrives, receive it (restock or write off each line). */
export function ReturnActions({ request, warehouses }: { request: ReturnRow; warehouses: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const refresh = () => startRefresh(() => router.refresh());
  const approve = useMutation(trpc.returns.approve.mutationOptions({ onSuccess: refresh }));
  const reject = useMutation(trpc.returns.reject.mutationOptions({ onSuccess: refresh }));
  const receive = useMutation(trpc.returns.receive.mutationOptions({ onSuccess: refresh }));
  const [text, setText] = useState("");
  const [choices, setChoices] = useState<Record<string, string>>({});
  const textId = useId();
  const error = approve.error ?? reject.error ?? receive.error;

  if (request.status === "REQUESTED") {
    return (
      <div className="space-y-2">
        <label htmlFor={textId} className="block text-xs font-medium text-slate-700">
          Return instructions, or the reason you reject it
        </label>
        <textarea
          id={textId}
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        {error ? <Alert tone="danger">{errorMessage(error)}</Alert> : null}
        <div className="flex gap-2">
          <Button size="sm" pending={approve.isPending || refreshing} onClick={() => approve.mutate({ returnId: request.id, instructions: text })}>
            Approve
          </Button>
          <Button size="sm" variant="secondary" pending={reject.isPending} onClick={() => reject.mutate({ returnId: request.id, reason: text })}>
            Reject
          </Button>
        </div>
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
