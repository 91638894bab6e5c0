"use client";

import { useState } from "react";
import { Input, Textarea } from "./field";
import { FormDialog } from "./form-dialog";
import { formatMoney } from "./money";

export interface RefundItemsRequest {
  items: { orderItemId: string; quantity: number }[];
  amountCents: number | null;
  includeShipping: boolean;
  reason: string;
  /** One per opening of the dialog: a double submit is refunded once. */
  idempotencyKey: string;
}

export interface RefundItemsDialogProps {
  /** "Refund items of order #12" or "Refund items of Oak & Ember's part of order #12". */
  title: string;
  /** Names the trigger when several parts on one page have one each. */
  triggerAccessibleName?: string;
  currency: string;
  /** The part's lines; `left` is what can still be refunded of each. */
  items: { id: string; name: string; quantity: number; left: number }[];
  shippingCents: number;
  /** What is left to refund of the part (after refunds and any dispute). */
  refundableCents: number;
  /** The most this person may refund at once (a seller's limit), shown before they try. */
  limitCents?: number | null;
  /** Units of a part that has not shipped go back on hand; shipped ones come back through a return. */
  shipped: boolean;
  /** The app's own reading of a typed amount ("12.50" -> 1250; null when it is not an amount). */
  parseAmount: (text: string) => number | null;
  /** Resolves true once refunded (the dialog closes), false to keep it open with `error`. */
  onSubmit: (request: RefundItemsRequest) => Promise<boolean>;
  error?: string | null;
  pending?: boolean;
}

const newKey = () => `refund-${crypto.randomUUID()}`;

/**
 * Refunds chosen units of one seller's part, and/or a custom amount, with a reason the buyer
 * reads: the browser's modal dialog (focus stays inside, Escape closes), one labelled field per
 * line, checked here before the server is asked.
 */
export function RefundItemsDialog(props: RefundItemsDialogProps) {
  const { title, currency, items, shippingCents, refundableCents, limitCents, shipped, parseAmount, onSubmit, error, pending } = props;
  const [key, setKey] = useState(newKey);
  const [units, setUnits] = useState<Record<string, string>>({});
  const [includeShipping, setIncludeShipping] = useState(false);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const money = (cents: number) => formatMoney(cents, currency);
  const open = items.filter((i) => i.left > 0);

  /** Checks the fields (a message in the dialog, not the browser's bubble), then refunds; true closes the dialog. */
  const check = (): RefundItemsRequest | string => {
    const chosen: RefundItemsRequest["items"] = [];
    for (const item of open) {
      const text = (units[item.id] ?? "").trim();
      if (!text || text === "0") continue;
      const quantity = Number(text);
      if (!Number.isInteger(quantity) || quantity < 0 || quantity > item.left) {
        return `Refund from 0 to ${item.left} of ${item.name}.`;
      }
      chosen.push({ orderItemId: item.id, quantity });
    }
    const amountCents = amount.trim() ? parseAmount(amount) : null;
    if (amount.trim() && (amountCents === null || amountCents <= 0)) return `"${amount.trim()}" is not an amount; write it like 12.50.`;
    if (chosen.length === 0 && amountCents === null && !includeShipping) return "Choose the units to refund, the shipping, or enter an amount.";
    if (amountCents !== null && amountCents > refundableCents) return `At most ${money(refundableCents)} of this part can still be refunded.`;
    if (reason.trim().length < 3) return "Give a reason of at least 3 characters; the buyer reads it.";
    return { items: chosen, amountCents, includeShipping, reason: reason.trim(), idempotencyKey: key };
  };

  const submit = async () => {
    const request = check();
    setProblem(typeof request === "string" ? request : null);
    if (typeof request === "string" || !(await onSubmit(request))) return false;
    setUnits({});
    setAmount("");
    setReason("");
    setIncludeShipping(false);
    setKey(newKey());
    return true;
  };

  return (
    <FormDialog
      triggerLabel="Refund items"
      triggerAccessibleName={props.triggerAccessibleName}
      triggerDisabled={refundableCents <= 0}
      title={title}
      description={
        <p>
          Up to {money(refundableCents)} can still be refunded to the buyer&apos;s card.{" "}
          {shipped ? "This part has shipped: refunded units do not go back in stock (a received return does that)." : "Refunded units go back in stock."}
          {limitCents != null ? ` You can refund at most ${money(limitCents)} at once; Bazaar support can refund more.` : ""}
        </p>
      }
      submitLabel="Refund"
      submitVariant="danger"
      onSubmit={submit}
      onClose={() => setProblem(null)}
      error={problem ?? error}
      pending={pending}
      className="max-h-[calc(100dvh-2rem)] w-[min(34rem,calc(100vw-2rem))]"
    >
      {open.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Units to refund</legend>
          {open.map((item) => (
            <Input
              key={item.id}
              label={`Units of ${item.name} to refund (${item.left} of ${item.quantity} left)`}
              type="number"
              inputMode="numeric"
              min={0}
              max={item.left}
              step={1}
              value={units[item.id] ?? ""}
              placeholder="0"
              onChange={(event) => setUnits({ ...units, [item.id]: event.target.value })}
            />
          ))}
        </fieldset>
      ) : (
        <p className="text-sm text-slate-600">Every unit of this part is refunded already; a custom amount is still possible.</p>
      )}
      {shippingCents > 0 ? (
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" className="size-4" checked={includeShipping} onChange={(event) => setIncludeShipping(event.target.checked)} />
          Refund the shipping too ({money(shippingCents)})
        </label>
      ) : null}
      <Input
        label="Custom amount (optional)"
        hint="Refunds exactly this instead of what the chosen units are worth, e.g. 12.50."
        inputMode="decimal"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
      />
      <Textarea label="Reason (the buyer sees this)" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} rows={2} />
    </FormDialog>
  );
}
