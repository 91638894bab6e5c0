import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export interface TableProps extends ComponentProps<"table"> {
  /** Describes the table for screen readers (visually hidden). */
  caption: string;
}

/** A data table that scrolls sideways on small screens instead of squashing its columns. */
export function Table({ caption, className, children, ...props }: TableProps) {
  return (
    // relative: visually hidden (absolutely positioned) text in a cell stays inside the scroll box
    // instead of widening the whole page. A named, focusable region: a keyboard user can scroll a
    // table wider than a phone with the arrow keys even when no cell holds a link (WCAG 2.1.1).
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      <table className={cn("min-w-full divide-y divide-slate-200 text-sm", className)} {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100">{children}</tbody>;
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return <th scope="col" className={cn("px-4 py-3 whitespace-nowrap", className)} {...props} />;
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 align-middle text-slate-800", className)} {...props} />;
}
