import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 focus:outline-none aria-invalid:ring-red-500 disabled:bg-slate-100";

export interface FieldProps {
  label: string;
  /** Shown under the control; announced with it. */
  hint?: ReactNode;
  /** One message, or the list a zod field error gives. */
  error?: string | string[] | null;
  className?: string;
  children: (props: { id: string; "aria-invalid": boolean | undefined; "aria-describedby": string | undefined }) => ReactNode;
}

/** A label, a control and its hint or error, wired together for screen readers. */
export function Field({ label, hint, error, className, children }: FieldProps) {
  const id = useId();
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy })}
      {hint && !message ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export interface InputProps extends ComponentProps<"input"> {
  label: string;
  hint?: ReactNode;
  error?: string | string[] | null;
  containerClassName?: string;
}

export function Input({ label, hint, error, containerClassName, className, ...props }: InputProps) {
  return (
    <Field label={label} hint={hint} error={error} className={containerClassName}>
      {(a11y) => <input className={cn(control, className)} {...a11y} {...props} />}
    </Field>
  );
}

export interface TextareaProps extends ComponentProps<"textarea"> {
  label: string;
  hint?: ReactNode;
  error?: string | string[] | null;
  containerClassName?: string;
}

export function Textarea({ label, hint, error, containerClassName, className, ...props }: TextareaProps) {
  return (
    <Field label={label} hint={hint} error={error} className={containerClassName}>
      {(a11y) => <textarea className={cn(control, "min-h-24", className)} {...a11y} {...props} />}
    </Field>
  );
}

export interface SelectProps extends ComponentProps<"select"> {
  label: string;
  hint?: ReactNode;
  error?: string | string[] | null;
  containerClassName?: string;
}

export function Select({ label, hint, error, containerClassName, className, children, ...props }: SelectProps) {
  return (
    <Field label={label} hint={hint} error={error} className={containerClassName}>
      {(a11y) => (
        <select className={cn(control, "pr-8", className)} {...a11y} {...props}>
          {children}
        </select>
      )}
    </Field>
  );
}
