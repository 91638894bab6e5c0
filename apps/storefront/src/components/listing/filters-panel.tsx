"use client";

import { useState, type ReactNode } from "react";
import { cn } from "@bazaar/ui";

/** Filters beside the results on wide screens; behind a "Filters" button on phones. */
export function FiltersPanel({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        className="mb-3 inline-flex h-10 items-center gap-2 rounded-md bg-white px-4 text-sm font-medium text-slate-800 ring-1 ring-slate-300 ring-inset lg:hidden"
        aria-expanded={open}
        aria-controls="listing-filters"
        onClick={() => setOpen((value) => !value)}
      >
        {open ? "Hide filters" : "Filters"}
        {activeCount > 0 ? <span className="rounded-full bg-brand-600 px-2 text-xs text-white">{activeCount}</span> : null}
      </button>
      <div id="listing-filters" className={cn(open ? "block" : "hidden", "lg:block")}>
        {children}
      </div>
    </div>
  );
}
