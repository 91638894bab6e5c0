import type { RouterInputs } from "@bazaar/api";

export type ProductSort = NonNullable<Exclude<RouterInputs["catalog"]["search"], void | undefined>["sort"]>;

// A listing's state lives in its URL (shareable, and the back button undoes a filter):
//   q, category, seller, min & max (whole dollars), stock=1, options (repeated, "Colour:Blue"),
//   sort, cursor (keyset page) and prev (the cursors of earlier pages, so "Previous page" needs
//   no server state).

export const SORT_OPTIONS: { value: ProductSort; label: string }[] = [
  { value: "relevance", label: "Best match" },
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "rating", label: "Customer rating" },
];

const MAX_PREV = 50;
/** As many option filters as the API takes. */
const MAX_OPTION_FILTERS = 10;
const OPTION_FILTER = /^[^:]{1,40}:.{1,40}$/;

export interface ListingState {
  q?: string;
  category?: string;
  seller?: string;
  /** Whole dollars as typed; converted to cents for the API. */
  min?: number;
  max?: number;
  inStock: boolean;
  /** Option values the products must come in: "Colour:Blue", "Size:M". */
  options: string[];
  sort?: ProductSort;
  cursor?: string;
  prev: string[];
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

function dollars(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 1_000_000 ? Math.floor(n) : undefined;
}

export function parseListing(params: RawSearchParams): ListingState {
  const sort = one(params.sort);
  let min = dollars(one(params.min));
  let max = dollars(one(params.max));
  // A swapped range is what the buyer meant the other way round.
  if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
  return {
    q: one(params.q)?.slice(0, 200),
    category: one(params.category),
    seller: one(params.seller),
    min,
    max,
    inStock: one(params.stock) === "1",
    options: optionFilters(params.options),
    sort: SORT_OPTIONS.some((option) => option.value === sort) ? (sort as ProductSort) : undefined,
    cursor: one(params.cursor),
    prev: (one(params.prev) ?? "").split(",").filter(Boolean).slice(-MAX_PREV),
  };
}

/** Well-formed "Name:Value" filters, each once; an edited URL's others are dropped. */
function optionFilters(value: string | string[] | undefined): string[] {
  const all = (Array.isArray(value) ? value : value ? [value] : []).map((entry) => entry.trim()).filter((entry) => OPTION_FILTER.test(entry));
  return [...new Set(all)].slice(0, MAX_OPTION_FILTERS);
}

/** The filter for one value of an option facet. */
export const optionFilter = (name: string, value: string) => `${name}:${value}`;

/** The API's input for a listing state. `category` may come from the path instead. */
export function browseInput(state: ListingState, limit = 24) {
  return {
    q: state.q,
    category: state.category,
    seller: state.seller,
    minPriceCents: state.min !== undefined ? state.min * 100 : undefined,
    maxPriceCents: state.max !== undefined ? state.max * 100 + 99 : undefined,
    inStock: state.inStock || undefined,
    options: state.options.length ? state.options : undefined,
    sort: state.sort,
    cursor: state.cursor,
    limit,
  };
}

/** The query string for a state; filters that change reset to the first page. */
export function listingHref(path: string, state: ListingState, changes: Partial<ListingState> = {}): string {
  const next = { ...state, ...changes };
  const resetsPage = Object.keys(changes).some((key) => key !== "cursor" && key !== "prev");
  if (resetsPage) {
    next.cursor = undefined;
    next.prev = [];
  }
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.category) params.set("category", next.category);
  if (next.seller) params.set("seller", next.seller);
  if (next.min !== undefined) params.set("min", String(next.min));
  if (next.max !== undefined) params.set("max", String(next.max));
  if (next.inStock) params.set("stock", "1");
  for (const option of next.options) params.append("options", option);
  if (next.sort) params.set("sort", next.sort);
  if (next.cursor) params.set("cursor", next.cursor);
  if (next.prev.length) params.set("prev", next.prev.join(","));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const activeFilterCount = (state: ListingState, ignoreCategory = false) =>
  [ignoreCategory ? undefined : state.category, state.seller, state.min, state.max, state.inStock || undefined].filter((v) => v !== undefined).length +
  state.options.length;
