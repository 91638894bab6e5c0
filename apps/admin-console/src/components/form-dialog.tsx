"use client";

import { useId, useRef, type ReactNode } from "react";
import { Alert, Button, type ButtonVariant } from "@bazaar/ui";

export interface FormDialogProps {
  triggerLabel: string;
  triggerAccessibleName?: string;
  triggerVariant?: ButtonVariant;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  /** Resolves true when done (the dialog closes), false to keep it open with its errors. */
  onSubmit: (form: FormData) => Promise<boolean>;
  error?: string | null;
  pending?: boolean;
  children: ReactNode;
}

/** A small form in a modal dialog (rename, move, edit a row): the browser's dialog, so focus stays inside and Escape closes. */
export function FormDialog({
  triggerLabel,
  triggerAccessibleName,
  triggerVariant = "secondary",
  title,
  description,
  submitLabel,
  onSubmit,
  error,
  pending,
  children,
}: FormDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <Button size="sm" variant={triggerVariant} aria-label={triggerAccessibleName} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {triggerLabel}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        <form
          className="space-y-4 p-6"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            void onSubmit(data).then((done) => {
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
            <Button type="submit" pending={pending}>
              {submitLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
