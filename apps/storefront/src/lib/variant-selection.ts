// Which variant a buyer has chosen on a product page, and what each option value would lead to.
// Pure, so the picker, the URL and the tests share one set of rules.
//
// The selection is the chosen variant's option values, one per option, kept in the URL by option
// name (?Size=M&Colour=Blue). Options are picked in order: a value is offered when some variant
// has it together with the values chosen for the options before it, and picking it keeps the
// later choices when that combination exists, else moves them to the closest variant that does.
// Judging only by the earlier options means no choice can lock the buyer out of another variant
// (with [A/X, B/Y] and A/X chosen, judging by every other option would disable both B and Y).

export interface SelectionOption {
  name: string;
  values: readonly string[];
}

export interface SelectableVariant {
  id: string;
  optionValues: readonly string[];
}

/** Units a buyer can still add of a variant, by variant id (missing: none). */
export type StockByVariant = ReadonlyMap<string, number>;

/** Up to this many values an option is a row of buttons; more make a <select>. */
export const MAX_BUTTON_VALUES = 8;

export const pickerKind = (option: SelectionOption): "buttons" | "select" => (option.values.length <= MAX_BUTTON_VALUES ? "buttons" : "select");

const inStock = (stock: StockByVariant, variant: SelectableVariant) => (stock.get(variant.id) ?? 0) > 0;

/**
 * The variant closest to `wanted` (one value or undefined per option) among those that match
 * `wanted` on its first `fixed` options: the exact combination if it exists, even sold out (the
 * buyer asked for it and should see that it is sold out), else the one matching most wanted
 * values, in stock first, then in the seller's order. Null when no variant matches the fixed part.
 */
export function closestVariant<V extends SelectableVariant>(
  variants: readonly V[],
  wanted: readonly (string | undefined)[],
  stock: StockByVariant,
  fixed = 0,
): V | null {
  const candidates = variants.filter((variant) => wanted.slice(0, fixed).every((value, i) => variant.optionValues[i] === value));
  if (wanted.every((value) => value !== undefined)) {
    const exact = candidates.find((variant) => variant.optionValues.every((value, i) => value === wanted[i]));
    if (exact) return exact;
  }
  const matches = (variant: V) => variant.optionValues.filter((value, i) => value === wanted[i]).length;
  let best: V | null = null;
  for (const variant of candidates) {
    if (!best) best = variant;
    else {
      const byMatches = matches(variant) - matches(best);
      if (byMatches > 0 || (byMatches === 0 && inStock(stock, variant) && !inStock(stock, best))) best = variant;
    }
  }
  return best;
}

/** The values a URL asks for, one per option (undefined where it names none or an unknown value). */
export function wantedFromQuery(options: readonly SelectionOption[], query: { get(name: string): string | null }): (string | undefined)[] {
  return options.map((option) => {
    const value = query.get(option.name);
    return value !== null && option.values.includes(value) ? value : undefined;
  });
}

/** The query string naming a variant: "Size=M&Colour=Blue" (empty for a product without options). */
export function variantQuery(options: readonly SelectionOption[], optionValues: readonly string[]): string {
  const params = new URLSearchParams();
  options.forEach((option, i) => {
    const value = optionValues[i];
    if (value !== undefined) params.set(option.name, value);
  });
  return params.toString();
}

/**
 * `search` (a location's query) with the options set to a variant's values, other parameters kept.
 * Leading "?" included when anything is left.
 */
export function withVariantQuery(search: string, options: readonly SelectionOption[], optionValues: readonly string[]): string {
  const params = new URLSearchParams(search);
  options.forEach((option, i) => {
    const value = optionValues[i];
    if (value === undefined) params.delete(option.name);
    else params.set(option.name, value);
  });
  const query = params.toString();
  return query ? `?${query}` : "";
}

export interface ValueChoice<V> {
  value: string;
  /** The variant picking this value selects; null when no variant has it with the earlier choices. */
  variant: V | null;
  /** That variant is sold out. */
  soldOut: boolean;
}

/** What each value of option `index` would select, given the current variant. */
export function valueChoices<V extends SelectableVariant>(
  options: readonly SelectionOption[],
  variants: readonly V[],
  current: SelectableVariant,
  index: number,
  stock: StockByVariant,
): ValueChoice<V>[] {
  const option = options[index];
  if (!option) return [];
  return option.values.map((value) => {
    const wanted = current.optionValues.map((current, i) => (i === index ? value : current));
    const variant = closestVariant(variants, wanted, stock, index + 1);
    return { value, variant, soldOut: variant !== null && !inStock(stock, variant) };
  });
}

/** The pictures with the variant's own first (the rest in the seller's order). */
export function imagesForVariant<I extends { id: string }>(images: readonly I[], imageId: string | null | undefined): I[] {
  const own = imageId ? images.find((image) => image.id === imageId) : undefined;
  return own ? [own, ...images.filter((image) => image !== own)] : [...images];
}
