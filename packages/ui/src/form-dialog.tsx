"use client";

import { useId, useRef, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button, type ButtonVariant } from "./button";
import { cn } from "./cn";

export interface FormDialogProps {
  triggerLabel: string;
  /** Names the trigger for screen readers when its label alone is ambiguous (a table row, several parts). */
  triggerAccessibleName?: string;
  triggerVariant?: ButtonVariant;
  triggerSize?: "sm" | "md";
  triggerDisabled?: boolean;
  triggerTestId?: string;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  submitVariant?: "primary" | "danger";
  /** Resolves true when done (the dialog closes), false to keep it open with its errors. */
  onSubmit: (form: FormData) => Promise<boolean>;
  /** Escape, Cancel or done: clear what the form showed. */
  onClose?: () => void;
  error?: string | null;
  pending?: boolean;
  /** The dialog's size classes, instead of the default (32rem wide at most). */
  className?: string;
  children?: ReactNode;
}

/**
 * A form in a modal dialog, the shell of every dialog in the consoles (confirming an action,
 * refunding items, editing a row): the browser's own dialog, so focus stays inside and Escape
 * closes; a title that names it, the form's fields, the server's refusal, Cancel and submit.
 * The fields are checked by the caller (`noValidate`), with messages in the dialog.
 */
export function FormDialog({
  triggerLabel,
  triggerAccessibleName,
  triggerVariant = "secondary",
  triggerSize = "sm",
  triggerDisabled,
  triggerTestId,
  title,
  description,
  submitLabel,
  submitVariant = "primary",
  onSubmit,
  onClose,
  error,
  pending,
  className,
  children,
}: FormDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <Button
        size={triggerSize}
        variant={triggerVariant}
        disabled={triggerDisabled}
        aria-label={triggerAccessibleName}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        data-testid={triggerTestId}
      >
        {triggerLabel}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className={cn(
          "m-auto rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40",
          className ?? "w-[min(32rem,calc(100vw-2rem))]",
        )}
        onClose={onClose}
      >
        <form
          className="space-y-4 p-6"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            void onSubmit(new FormData(form)).then((done) => {
              if (done) dialog.current?.close();
            });
          }}
        >
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <div className="text-sm text-slate-600">{description}</div> : null}
          {children}
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={submitVariant} pending={pending}>
              {submitLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
