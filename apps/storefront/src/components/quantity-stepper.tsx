"use client";

import { cn } from "@bazaar/ui";

export interface QuantityStepperProps {
  value: number;
  min?: number;
  max: number;
  /** What is being counted, for the buttons' labels ("Aria Headphones"). */
  itemName: string;
  disabled?: boolean;
  /** Looks as usual but says it does not work yet (the stored page's HTML before the browser has rendered it). */
  notReady?: boolean;
  onChange: (value: number) => void;
  className?: string;
}

/** − 2 + with labelled buttons; the value is announced when it changes. */
export function QuantityStepper({ value, min = 1, max, itemName, disabled, notReady, onChange, className }: QuantityStepperProps) {
  const button =
    "inline-flex size-9 items-center justify-center text-lg text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-300 disabled:hover:bg-transparent";
  return (
    <div
      className={cn("inline-flex items-center rounded-md ring-1 ring-slate-300 ring-inset", className)}
      role="group"
      aria-label={`Quantity of ${itemName}`}
      aria-disabled={notReady || undefined}
    >
      <button
        type="button"
        className={cn(button, "rounded-l-md")}
        aria-label={`Decrease quantity of ${itemName}`}
        disabled={disabled || value <= min}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <output className="w-9 text-center text-sm font-medium tabular-nums" aria-live="polite" data-testid="quantity">
        {value}
      </output>
      <button
        type="button"
        className={cn(button, "rounded-r-md")}
        aria-label={`Increase quantity of ${itemName}`}
        disabled={disabled || value >= max}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}
