import type { BadgeTone } from "@bazaar/ui";

const dateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const dateOnly = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeZone: "UTC",
});

/** Times are shown in UTC, the zone the dashboard's days are counted in, and say so. */
export const formatDateTime = (d: Date | string | null | undefined) => (d ? `${dateTime.format(new Date(d))} UTC` : "—");
export const formatDate = (d: Date | string | null | undefined) => (d ? dateOnly.format(new Date(d)) : "—");

/** Basis points as a percentage: 1250 -> "12.5%". */
export const formatBps = (bps: number | null | undefined) => (bps === null || bps === undefined ? "—" : `${Number((bps / 100).toFixed(2))}%`);

/** A 0..1 ratio as a percentage with one decimal; "—" when there is nothing to divide by. */
export const formatRatio = (ratio: number | null) => (ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`);

/** "PENDING_PAYMENT" -> "Pending payment". */
export const humanize = (value: string) => {
  const words = value.toLowerCase().replace(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A filter's choices, labelled as people read them. */
export const choices = (values: readonly string[]) => values.map((value) => ({ value, label: humanize(value) }));

const tones: Record<string, BadgeTone> = {
  ACTIVE: "success",
  APPROVED: "success",
  PAID: "success",
  CONFIRMED: "info",
  PROCESSING: "info",
  SHIPPED: "info",
  DELIVERED: "success",
  SUCCEEDED: "success",
  CAPTURED: "success",
  PENDING: "warning",
  PENDING_PAYMENT: "warning",
  REQUESTED: "warning",
  SCHEDULED: "info",
  REJECTED: "danger",
  SUSPENDED: "danger",
  CANCELLED: "neutral",
  PAYMENT_FAILED: "danger",
  FAILED: "danger",
  REFUNDED: "neutral",
  EXPIRED: "neutral",
  EXHAUSTED: "neutral",
  DISABLED: "neutral",
  DRAFT: "neutral",
  ARCHIVED: "neutral",
  CREATED: "neutral",
  UNLISTED: "danger",
};

export const toneOf = (status: string): BadgeTone => tones[status] ?? "neutral";

/** Dollars typed in a form -> integer cents; null for an empty field, NaN for garbage. */
export function parseMoneyInput(value: string | null | undefined): number | null {
  const text = (value ?? "").trim().replace(/[$,\s]/g, "");
  if (!text) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 100);
}

/** A percentage typed in a form ("12.5") -> basis points; null for empty, NaN for garbage. */
export function parsePercentInput(value: string | null | undefined): number | null {
  const text = (value ?? "").trim().replace(/[%\s]/g, "");
  if (!text) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 100);
}

export const centsToInput = (cents: number | null | undefined) => (cents === null || cents === undefined ? "" : (cents / 100).toFixed(2));
export const bpsToInput = (bps: number | null | undefined) => (bps === null || bps === undefined ? "" : String(Number((bps / 100).toFixed(2))));

/** A text field of a submitted form, trimmed ("" for a missing field or a file). */
export function formText(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value.trim() : "";
}
