"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button, type ButtonVariant } from "./button";
import { Textarea } from "./field";

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  triggerLabel: string;
  triggerVariant?: ButtonVariant;
  triggerSize?: "sm" | "md";
  /** Names the trigger for screen readers when its label alone is ambiguous in a table row. */
  triggerAccessibleName?: string;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  /** Asks for a reason (shown to the person affected) before confirming. */
  reason?: { label: string; hint?: string; minLength: number };
  /** Resolves true on success (the dialog closes) or false (its error stays shown). */
  onConfirm: (reason: string) => Promise<boolean>;
  error?: string | null;
  pending?: boolean;
  disabled?: boolean;
  testId?: string;
}

/**
 * Every destructive or consequential action goes through this: a modal dialog (the browser's
 * own, so focus is trapped and Escape closes it) that says what will happen, asks for a reason
 * where the affected person will read one, and shows the server's refusal if there is one.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const {
    triggerLabel,
    triggerVariant = "secondary",
    triggerSize = "sm",
    title,
    description,
    confirmLabel,
    tone = "danger",
    reason,
    onConfirm,
    error,
    pending,
    disabled,
    testId,
  } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [text, setText] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = async () => {
    if (reason && text.trim().length < reason.minLength) {
      setLocalError(`Give a reason of at least ${reason.minLength} characters.`);
      return;
    }
    setLocalError(null);
    if (await onConfirm(text.trim())) {
      dialog.current?.close();
      setText("");
    }
  };

  return (
    <>
      <Button
        variant={triggerVariant}
        size={triggerSize}
        disabled={disabled}
        aria-label={props.triggerAccessibleName}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        data-testid={testId}
      >
        {triggerLabel}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
        onClose={() => setLocalError(null)}
      >
        <form
          method="dialog"
          // The reason is checked here (with a message in the dialog), not by the browser's bubble.
          noValidate
          className="space-y-4 p-6"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <div className="text-sm text-slate-600">{description}</div> : null}
          {reason ? (
            <Textarea
              label={reason.label}
              hint={reason.hint}
              name="reason"
              value={text}
              onChange={(event) => setText(event.target.value)}
              required
              minLength={reason.minLength}
              maxLength={500}
              error={localError}
            />
          ) : null}
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={tone === "danger" ? "danger" : "primary"} pending={pending}>
              {confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
