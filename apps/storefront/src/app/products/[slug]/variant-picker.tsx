"use client";

import { useId } from "react";
import { cn, Select } from "@bazaar/ui";
import { pickerKind, type SelectionOption } from "~/lib/variant-selection";
import { useVariantSelection } from "./variant-selection";

/**
 * One picker per option: a row of radio buttons drawn as buttons (arrow keys move between them,
 * a screen reader hears "Size, radio group"), or a select when an option has many values. A
 * value that does not exist with the earlier choices is disabled; one that exists but is sold
 * out stays choosable (the buyer sees it is sold out) and is struck through. A value is named
 * relative to the other choices ("XL, sold out" while Blue is chosen), as the buyer reads it.
 */
export function VariantPicker() {
  const { options, variant } = useVariantSelection();
  if (options.length === 0 || !variant) return null;
  return (
    <div className="space-y-4" data-testid="variant-picker">
      {options.map((option, index) =>
        pickerKind(option) === "buttons" ? (
          <OptionButtons key={option.name} option={option} index={index} />
        ) : (
          <OptionSelect key={option.name} option={option} index={index} />
        ),
      )}
    </div>
  );
}

function OptionButtons({ option, index }: { option: SelectionOption; index: number }) {
  const { variant, choices, select, ready } = useVariantSelection();
  const name = useId();
  const chosen = variant?.optionValues[index];
  return (
    <fieldset className="min-w-0 border-0 p-0" aria-disabled={!ready || undefined}>
      <legend className="mb-2 p-0 text-sm font-medium text-slate-900">
        {option.name}: <span className="font-normal text-slate-700">{chosen}</span>
      </legend>
      <div className="flex flex-wrap gap-2">
        {choices(index).map((choice) => (
          <label key={choice.value} className="relative">
            {/* The real radio lies over its drawing, so a click or a tap lands on it. */}
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={choice.value === chosen}
              disabled={!choice.variant}
              onChange={() => select(index, choice.value)}
              aria-label={`${choice.value}${choice.soldOut ? ", sold out" : ""}${choice.variant ? "" : ", not offered with these choices"}`}
              className="peer absolute inset-0 z-10 m-0 cursor-pointer appearance-none opacity-0 disabled:cursor-not-allowed"
            />
            <span
              aria-hidden
              className={cn(
                "inline-flex h-10 min-w-12 items-center justify-center rounded-md bg-white px-3 text-sm font-medium text-slate-900 ring-1 ring-slate-300 ring-inset select-none",
                "peer-checked:bg-brand-50 peer-checked:ring-2 peer-checked:ring-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600",
                "peer-hover:ring-slate-400 peer-disabled:bg-slate-50 peer-disabled:text-slate-500 peer-disabled:ring-slate-200",
                choice.soldOut && "text-slate-600 line-through decoration-slate-500",
              )}
            >
              {choice.value}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function OptionSelect({ option, index }: { option: SelectionOption; index: number }) {
  const { variant, choices, select, ready } = useVariantSelection();
  return (
    <Select
      label={option.name}
      aria-disabled={!ready || undefined}
      value={variant?.optionValues[index]}
      onChange={(event) => select(index, event.target.value)}
      containerClassName="max-w-xs"
    >
      {choices(index).map((choice) => (
        <option key={choice.value} value={choice.value} disabled={!choice.variant}>
          {choice.value}
          {choice.soldOut ? " (sold out)" : !choice.variant ? " (not offered with these choices)" : ""}
        </option>
      ))}
    </Select>
  );
}
