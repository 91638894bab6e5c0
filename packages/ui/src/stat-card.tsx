import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

export interface StatCardProps {
  label: string;
  value: ReactNode;
  /** A line under the figure (a count, a comparison). */
  detail?: ReactNode;
  /** Makes the whole card a link to where the figure comes from. */
  href?: string;
  tone?: "neutral" | "attention";
  testId?: string;
}

/** One headline figure of a dashboard. */
export function StatCard({ label, value, detail, href, tone = "neutral", testId }: StatCardProps) {
  const body = (
    <>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className={cn("mt-1 text-2xl font-semibold tracking-tight tabular-nums", tone === "attention" ? "text-amber-700" : "text-slate-900")}>{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-500">{detail}</dd> : null}
    </>
  );
  const classes = "block h-full rounded-lg bg-white px-4 py-4 shadow-xs ring-1 ring-slate-200";
  return (
    <div data-testid={testId}>
      {href ? (
        <Link href={href} className={cn(classes, "transition-colors hover:bg-slate-50 hover:ring-slate-300")}>
          <dl>{body}</dl>
        </Link>
      ) : (
        <dl className={classes}>{body}</dl>
      )}
    </div>
  );
}
