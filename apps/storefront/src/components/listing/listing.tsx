import Link from "next/link";
import type { ReactNode } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { buttonClasses, EmptyState, formatMoney } from "@bazaar/ui";
import { ProductGrid } from "~/components/product-card";
import { activeFilterCount, listingHref, optionFilter, SORT_OPTIONS, type ListingState } from "~/lib/listing-params";
import { AutoSubmitForm } from "./auto-submit-form";
import { FiltersPanel } from "./filters-panel";

type SearchResult = RouterOutputs["catalog"]["search"];
type CategoryNode = RouterOutputs["catalog"]["categories"][number];

export interface ListingProps {
  /** The page's path ("/search", "/c/audio"); filters keep it. */
  path: string;
  state: ListingState;
  result: SearchResult;
  heading: ReactNode;
  /** On a category page: the category, whose sub-categories are the category filter. */
  scope?: CategoryNode | null;
  /** Shown instead of the plain empty state when nothing matched. */
  noResults?: ReactNode;
  /** On a shop's page the shop is fixed: no shop filter. */
  hideSellerFilter?: boolean;
}

// Each filter group sits in a divided section; the fieldset inside draws no border of its own
// (its legend would sit on the line).
const section = "border-t border-slate-200 pt-4";
const fieldset = "m-0 min-w-0 space-y-2 border-0 p-0";
const legend = "mb-2 p-0 text-sm font-semibold text-slate-900";
const optionRow = "flex items-center gap-2 text-sm text-slate-700";

export function Listing({ path, state, result, heading, scope, noResults, hideSellerFilter = false }: ListingProps) {
  const facets = result.facets;
  const sort = result.sort;
  const sortOptions = SORT_OPTIONS.filter((option) => option.value !== "relevance" || state.q);
  const pageNumber = state.prev.length + 1;
  const activeCount = activeFilterCount(state, Boolean(scope));
  const clearHref = listingHref(path, {
    inStock: false,
    options: [],
    prev: [],
    q: state.q,
    sort: state.sort,
  });
  const countOf = new Map(facets?.categories.map((c) => [c.slug, c.count]) ?? []);
  // Nothing matched and nothing is filtered: the filters could only narrow an empty list.
  const showFilters = result.items.length > 0 || activeCount > 0 || Boolean(state.cursor);

  return (
    <div>
      {heading}
      <div className={showFilters ? "grid gap-6 lg:grid-cols-[15rem_1fr]" : undefined}>
        {showFilters ? (
          <aside aria-label="Filters">
            <FiltersPanel activeCount={activeCount}>
              <AutoSubmitForm action={path} className="space-y-4" aria-label="Filter products">
                {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
                {state.sort ? <input type="hidden" name="sort" value={state.sort} /> : null}

                {scope && scope.children.length > 0 ? (
                  <nav aria-label="Sub-categories" className={section}>
                    <h2 className={legend}>Category</h2>
                    <ul className="space-y-1">
                      {scope.children.map((child) => (
                        <li key={child.id}>
                          <Link
                            href={listingHref(`/c/${child.slug}`, state, {
                              category: undefined,
                            })}
                            className="text-sm text-slate-700 hover:text-brand-700 hover:underline"
                          >
                            {child.name} <span className="text-slate-500">({countOf.get(child.slug) ?? child.productCount})</span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </nav>
                ) : !scope && facets && facets.categories.length > 0 ? (
                  <div className={section}>
                    <fieldset className={fieldset}>
                      <legend className={legend}>Category</legend>
                      <label className={optionRow}>
                        <input type="radio" name="category" value="" defaultChecked={!state.category} className="accent-brand-600" />
                        All categories
                      </label>
                      {facets.categories.map((category) =>
                        category.slug ? (
                          <label key={category.slug} className={optionRow}>
                            <input
                              type="radio"
                              name="category"
                              value={category.slug}
                              defaultChecked={state.category === category.slug}
                              className="accent-brand-600"
                            />
                            <span className="flex-1">{category.name}</span>
                            <span className="text-xs text-slate-500">{category.count}</span>
                          </label>
                        ) : null,
                      )}
                    </fieldset>
                  </div>
                ) : null}

                {!hideSellerFilter && facets && facets.sellers.length > 0 ? (
                  <div className={section}>
                    <fieldset className={fieldset}>
                      <legend className={legend}>Shop</legend>
                      <label className={optionRow}>
                        <input type="radio" name="seller" value="" defaultChecked={!state.seller} className="accent-brand-600" />
                        All shops
                      </label>
                      {facets.sellers.map((seller) => (
                        <label key={seller.slug} className={optionRow}>
                          <input type="radio" name="seller" value={seller.slug} defaultChecked={state.seller === seller.slug} className="accent-brand-600" />
                          <span className="flex-1">{seller.shopName}</span>
                          <span className="text-xs text-slate-500">{seller.count}</span>
                        </label>
                      ))}
                    </fieldset>
                  </div>
                ) : null}

                {facets?.options.map((option) => (
                  <div key={option.name} className={section}>
                    <fieldset className={fieldset}>
                      <legend className={legend}>{option.name}</legend>
                      {option.values.map(({ value, count }) => {
                        const filter = optionFilter(option.name, value);
                        return (
                          <label key={value} className={optionRow}>
                            <input
                              type="checkbox"
                              name="options"
                              value={filter}
                              defaultChecked={state.options.includes(filter)}
                              className="size-4 accent-brand-600"
                            />
                            <span className="flex-1">{value}</span>
                            <span className="text-xs text-slate-500">{count}</span>
                          </label>
                        );
                      })}
                    </fieldset>
                  </div>
                ))}

                <div className={section}>
                  <fieldset className={fieldset}>
                    <legend className={legend}>Price</legend>
                    {facets ? (
                      <ul className="space-y-1">
                        {facets.priceBands
                          .filter((band) => band.count > 0)
                          .map((band) => {
                            const min = Math.floor(band.minCents / 100);
                            const max = band.maxCents === null ? undefined : Math.floor(band.maxCents / 100);
                            const current = state.min === min && state.max === max;
                            return (
                              <li key={band.key}>
                                <Link
                                  href={listingHref(path, state, { min, max })}
                                  aria-current={current ? "true" : undefined}
                                  className={`text-sm hover:underline ${current ? "font-semibold text-brand-700" : "text-slate-700"}`}
                                >
                                  {band.label} <span className="text-xs text-slate-500">({band.count})</span>
                                </Link>
                              </li>
                            );
                          })}
                      </ul>
                    ) : null}
                    <div className="flex items-end gap-2 pt-1">
                      <PriceBound label="Min ($)" name="min" value={state.min} />
                      <PriceBound label="Max ($)" name="max" value={state.max} />
                    </div>
                  </fieldset>
                </div>

                <div className={section}>
                  <fieldset className={fieldset}>
                    <legend className="sr-only">Availability</legend>
                    <label className={optionRow}>
                      <input type="checkbox" name="stock" value="1" defaultChecked={state.inStock} className="size-4 accent-brand-600" />
                      In stock only
                    </label>
                  </fieldset>
                </div>

                {facets?.sampled ? (
                  <p className="text-xs text-slate-500" data-testid="facet-sample-note">
                    Some counts are from a sample of the matching products.
                  </p>
                ) : null}

                <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
                  <button type="submit" className={buttonClasses("secondary", "sm")}>
                    Apply filters
                  </button>
                  {activeCount > 0 ? (
                    <Link href={clearHref} className="text-sm text-slate-600 underline">
                      Clear all
                    </Link>
                  ) : null}
                </div>
              </AutoSubmitForm>
            </FiltersPanel>
          </aside>
        ) : null}

        <section aria-label="Results" className="min-w-0">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600" role="status" data-testid="result-summary">
              {result.items.length === 0
                ? "No products found"
                : `Page ${pageNumber}: ${result.items.length} ${result.items.length === 1 ? "product" : "products"}${
                    state.min !== undefined || state.max !== undefined ? ` from ${priceRange(state)}` : ""
                  }`}
            </p>
            <AutoSubmitForm action={path} className="flex items-center gap-2">
              {hiddenState(state)}
              <label htmlFor="sort" className="text-sm text-slate-700">
                Sort by
              </label>
              <select
                id="sort"
                name="sort"
                defaultValue={sort}
                className="h-9 rounded-md border-0 bg-white py-1 pr-8 pl-3 text-sm ring-1 ring-slate-300 ring-inset"
              >
                {sortOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
              <noscript>
                <button type="submit" className={buttonClasses("secondary", "sm")}>
                  Sort
                </button>
              </noscript>
            </AutoSubmitForm>
          </div>

          {result.items.length === 0 ? (
            (noResults ?? (
              <EmptyState
                title="No products match these filters"
                description="Try a wider price range, another shop, or include items that are out of stock."
                action={
                  <Link href={clearHref} className={buttonClasses("secondary")}>
                    Clear filters
                  </Link>
                }
              />
            ))
          ) : (
            <ProductGrid products={result.items} label="Products" testId="product-grid" priorityCount={4} />
          )}

          {state.prev.length > 0 || result.nextCursor ? (
            <nav aria-label="Pagination" className="mt-8 flex items-center justify-between gap-4">
              {state.prev.length > 0 ? (
                <Link
                  href={listingHref(path, state, {
                    cursor: firstPageMarker(state.prev.at(-1)),
                    prev: state.prev.slice(0, -1),
                  })}
                  className={buttonClasses("secondary")}
                  rel="prev"
                >
                  ← Previous page
                </Link>
              ) : (
                <span />
              )}
              <span className="text-sm text-slate-600">Page {pageNumber}</span>
              {result.nextCursor ? (
                <Link
                  href={listingHref(path, state, {
                    cursor: result.nextCursor,
                    prev: [...state.prev, state.cursor ?? FIRST_PAGE],
                  })}
                  className={buttonClasses("secondary")}
                  rel="next"
                >
                  Next page →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}

/** Stands for "no cursor" in the list of earlier pages. */
const FIRST_PAGE = "-";
const firstPageMarker = (cursor: string | undefined) => (cursor === FIRST_PAGE ? undefined : cursor);

function priceRange(state: ListingState) {
  const money = (dollars: number) => formatMoney(dollars * 100, "USD");
  if (state.min !== undefined && state.max !== undefined) return `${money(state.min)} to ${money(state.max)}`;
  if (state.min !== undefined) return `${money(state.min)} up`;
  return `up to ${money(state.max ?? 0)}`;
}

/** The filters as hidden fields, for a form that changes one thing (the sort). */
function hiddenState(state: ListingState) {
  const fields: [string, string | undefined][] = [
    ["q", state.q],
    ["category", state.category],
    ["seller", state.seller],
    ["min", state.min?.toString()],
    ["max", state.max?.toString()],
    ["stock", state.inStock ? "1" : undefined],
  ];
  return [
    ...fields.map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null)),
    ...state.options.map((option) => <input key={`options=${option}`} type="hidden" name="options" value={option} />),
  ];
}

/** One end of the price filter, in whole dollars. */
function PriceBound({ label, name, value }: { label: string; name: "min" | "max"; value: ListingState["min"] }) {
  return (
    <label className="flex-1 text-xs text-slate-600">
      {label}
      <input
        type="number"
        name={name}
        min={0}
        inputMode="numeric"
        defaultValue={value}
        className="mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-slate-300 ring-inset"
      />
    </label>
  );
}
