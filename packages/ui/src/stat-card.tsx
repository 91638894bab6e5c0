import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

export interface StatProps {
  label: string;
  value: ReactNode;
  /** A line under the figure (a count, a comparison). */
  detail?: ReactNode;
  tone?: "neutral" | "attention";
  testId?: string;
}

export interface StatCardProps extends StatProps {
  /** Makes the whole card a link to where the figure comes from. */
  href?: string;
}

const card = "rounded-lg bg-white px-4 py-4 shadow-xs ring-1 ring-slate-200";

function StatTerms({ label, value, detail, tone = "neutral" }: StatProps) {
  return (
    <>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className={cn("mt-1 text-2xl font-semibold tracking-tight tabular-nums", tone === "attention" ? "text-amber-700" : "text-slate-900")}>{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-500">{detail}</dd> : null}
    </>
  );
}

/** One headline figure of a dashboard, standing on its own. */
export function StatCard({ href, testId, ...stat }: StatCardProps) {
  const classes = cn("block h-full", card);
  return (
    <div data-testid={testId}>
      {href ? (
        <Link href={href} className={cn(classes, "transition-colors hover:bg-slate-50 hover:ring-slate-300")}>
          <dl>
            <StatTerms {...stat} />
          </dl>
        </Link>
      ) : (
        <dl className={classes}>
          <StatTerms {...stat} />
        </dl>
      )}
    </div>
  );
}

/** One headline figure among others: place it in a `<dl>` that lays out the row. */
export function Stat({ testId, ...stat }: StatProps) {
  return (
    <div className={card} data-testid={testId}>
      <StatTerms {...stat} />
    </div>
  );
}
