import type { ReactNode } from "react";

/** One headline figure: a label, the value, and a line saying what it means. */
export function Stat({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className="rounded-lg bg-white px-4 py-4 shadow-xs ring-1 ring-slate-200"
      data-testid={testId}
    >
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">
        {value}
      </dd>
      {detail ? (
        <dd className="mt-1 text-xs text-slate-500">{detail}</dd>
      ) : null}
    </div>
  );
}

/** Label/value pairs for detail pages. */
export function Facts({
  items,
}: {
  items: { label: string; value: ReactNode }[];
}) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {items.map((item) => (
        <div key={item.label}>
          <dt className="text-slate-500">{item.label}</dt>
          <dd className="mt-0.5 break-words text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
