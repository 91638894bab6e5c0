import { z, ZodError, type core } from "zod";

// What no procedure ever wants, refused before any schema or query sees it: PostgreSQL stores no
// NUL in text (it answers 22021), other control characters and lone UTF-16 surrogates are never
// typed by a person, and a deeply nested object only costs time to walk. Tab, line feed and
// carriage return stay allowed (descriptions, CSV imports).

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const MAX_INPUT_DEPTH = 12;
const MAX_ISSUES = 20;

export const UNSAFE_TEXT_MESSAGE = "Remove the invisible control characters from this text.";
export const TOO_DEEP_MESSAGE = "This request is nested too deeply.";

/** True when `text` holds a character no form field should carry. */
export const isUnsafeText = (text: string) => CONTROL.test(text) || LONE_SURROGATE.test(text);

/** Every unsafe string (and object key) in `value`, with its path; empty when all is well. */
export function unsafeInputIssues(value: unknown): core.$ZodIssue[] {
  const issues: core.$ZodIssue[] = [];
  const walk = (node: unknown, path: PropertyKey[], depth: number) => {
    if (issues.length >= MAX_ISSUES) return;
    if (typeof node === "string") {
      if (isUnsafeText(node)) issues.push({ code: "custom", path, message: UNSAFE_TEXT_MESSAGE, input: undefined });
      return;
    }
    if (node === null || typeof node !== "object") return;
    if (depth >= MAX_INPUT_DEPTH) {
      issues.push({ code: "custom", path, message: TOO_DEEP_MESSAGE, input: undefined });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, index], depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      if (isUnsafeText(key)) issues.push({ code: "custom", path: [...path, key], message: UNSAFE_TEXT_MESSAGE, input: undefined });
      else walk(item, [...path, key], depth + 1);
    }
  };
  walk(value, [], 0);
  return issues;
}

/** Input refused before validation; it travels like a validation error (400, message, field errors). */
export class UnsafeInputError extends Error {
  override readonly name = "UnsafeInputError";
  constructor(readonly issues: core.$ZodIssue[]) {
    super(issues[0]?.message ?? UNSAFE_TEXT_MESSAGE);
  }
  get fieldErrors(): Record<string, string[]> {
    return z.flattenError(new ZodError(this.issues)).fieldErrors;
  }
}

/** The refusal for the unsafe parts of `value`, or null when all is well. */
export function checkInput(value: unknown): UnsafeInputError | null {
  const issues = unsafeInputIssues(value);
  return issues.length ? new UnsafeInputError(issues) : null;
}

/** The one-line message of a validation error: the first problem, and how many more there are. */
export function validationMessage(error: { issues: core.$ZodIssue[] }): string {
  const [first, ...rest] = error.issues;
  if (!first) return "Check the values you sent.";
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})` : "";
  return `${first.message.slice(0, 200)}${more}`;
}
