"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { Input } from "./field";

/** What a form's server action returns: one message for the form and messages per field. */
export interface FormState {
  error: string | null;
  fieldErrors?: Partial<Record<string, string[]>>;
  /** Values to put back in the form after a failed submit (never the password). */
  values?: Partial<Record<string, string>>;
}

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

const initialState: FormState = { error: null };

export interface SignInFormProps {
  action: FormAction;
  /** Where to go after signing in (a path on this app). */
  redirectTo?: string;
  /** A message shown above the form, e.g. why the user was sent here. */
  notice?: ReactNode;
  footer?: ReactNode;
}

export function SignInForm({ action, redirectTo = "/", notice, footer }: SignInFormProps) {
  const [state, formAction, pending] = useActionState(action, initialState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {notice}
      {state.error ? (
        <Alert tone="danger" title="Could not sign you in">
          {state.error}
        </Alert>
      ) : null}
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Input label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Input label="Password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <Button type="submit" className="w-full" pending={pending}>
        Sign in
      </Button>
      {footer ? <div className="text-center text-sm text-slate-600">{footer}</div> : null}
    </form>
  );
}

export interface SignUpField {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  hint?: string;
}

export interface SignUpFormProps {
  action: FormAction;
  fields: SignUpField[];
  submitLabel: string;
  footer?: ReactNode;
}

/** A sign-up form: the fields given, server-side validation messages under each. */
export function SignUpForm({ action, fields, submitLabel, footer }: SignUpFormProps) {
  const [state, formAction, pending] = useActionState(action, initialState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? (
        <Alert tone="danger" title="Could not create the account">
          {state.error}
        </Alert>
      ) : null}
      {fields.map((field) => (
        <Input
          key={field.name}
          label={field.label}
          name={field.name}
          type={field.type ?? "text"}
          autoComplete={field.autoComplete}
          hint={field.hint}
          required
          defaultValue={field.type === "password" ? undefined : state.values?.[field.name]}
          error={state.fieldErrors?.[field.name]}
        />
      ))}
      <Button type="submit" className="w-full" pending={pending}>
        {submitLabel}
      </Button>
      {footer ? <div className="text-center text-sm text-slate-600">{footer}</div> : null}
    </form>
  );
}

/** "Already have an account? Sign in" style links. */
export function AuthSwitch({ prompt, href, label }: { prompt: string; href: string; label: string }) {
  return (
    <p>
      {prompt}{" "}
      <Link href={href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {label}
      </Link>
    </p>
  );
}
