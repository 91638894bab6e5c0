"use client";

import { useState, type ReactNode } from "react";
import { type ButtonVariant } from "./button";
import { Textarea } from "./field";
import { FormDialog } from "./form-dialog";

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
  const [text, setText] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = async () => {
    if (reason && text.trim().length < reason.minLength) {
      setLocalError(`Give a reason of at least ${reason.minLength} characters.`);
      return false;
    }
    setLocalError(null);
    const done = await onConfirm(text.trim());
    if (done) setText("");
    return done;
  };

  return (
    <FormDialog
      triggerLabel={triggerLabel}
      triggerVariant={triggerVariant}
      triggerSize={triggerSize}
      triggerDisabled={disabled}
      triggerAccessibleName={props.triggerAccessibleName}
      triggerTestId={testId}
      title={title}
      description={description}
      submitLabel={confirmLabel}
      submitVariant={tone === "danger" ? "danger" : "primary"}
      onSubmit={submit}
      onClose={() => setLocalError(null)}
      error={error}
      pending={pending}
    >
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
    </FormDialog>
  );
}
