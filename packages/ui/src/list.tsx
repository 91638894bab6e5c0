import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "./button";
import { EmptyState, type EmptyStateProps } from "./empty-state";
import { Select } from "./field";
import { Table, TBody, THead } from "./table";

export interface FilterBarProps {
  /** The list's own path: the form submits to it, and "Clear" goes back to it. */
  path: string;
  /** Names the search landmark. */
  label: string;
  /** Whether any filter is set (shows "Clear"). */
  active: boolean;
  children: ReactNode;
}

/**
 * A GET form of filters: the URL holds them, so a filtered list can be shared, reloaded and
 * works without JavaScript. "Clear" goes back to the unfiltered page.
 */
export function FilterBar({ path, label, active, children }: FilterBarProps) {
  return (
    <form method="get" action={path} role="search" aria-label={label} className="mb-4 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <div className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-5">
        {children}
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses("primary", "md")}>
            Apply
          </button>
          {active ? (
            <Link href={path} className={buttonClasses("ghost", "md")}>
              Clear
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}

export interface FilterChoice {
  value: string;
  label: string;
}

export interface FilterSelectProps {
  label: string;
  name: string;
  /** The current filter; undefined selects the "any" choice. */
  value: string | undefined;
  /** The label of the choice that does not filter ("Any status"). */
  anyLabel: string;
  choices: readonly FilterChoice[];
}

/** A filter that picks one of a list, or leaves the list unfiltered. */
export function FilterSelect({ label, name, value, anyLabel, choices }: FilterSelectProps) {
  return (
    <Select label={label} name={name} defaultValue={value ?? ""}>
      <option value="">{anyLabel}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </Select>
  );
}

export interface CursorPagerProps {
  /** What is paged ("Orders"): the navigation is named "Orders pages". */
  label: string;
  /** Where the first page is, when this is a later one. */
  firstHref?: string;
  /** Where the next page is, when there is one. */
  nextHref?: string;
}

/**
 * Cursor pages: "Next page" carries the last row's id; "First page" drops it. Cursor APIs
 * cannot go back a page, so the way back is the browser's back button or the first page.
 */
export function CursorPager({ label, firstHref, nextHref }: CursorPagerProps) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label={`${label} pages`} className="mt-4 flex flex-wrap justify-between gap-2">
      {firstHref ? (
        <Link href={firstHref} className={buttonClasses("secondary", "sm")}>
          First page
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} className={buttonClasses("secondary", "sm")}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

export interface PaginatedTableProps<T> {
  /** Describes the table for screen readers. */
  caption: string;
  testId?: string;
  /** This page's rows. */
  items: readonly T[];
  /** Shown instead of the table when the page has no rows. */
  empty: EmptyStateProps;
  /** The header row's cells. */
  columns: ReactNode;
  /** One table row per item. */
  row: (item: T) => ReactNode;
  pages: CursorPagerProps;
}

/** One page of a list: its table (or an empty state) and the links to other pages. */
export function PaginatedTable<T>({ caption, testId, items, empty, columns, row, pages }: PaginatedTableProps<T>) {
  return (
    <>
      {items.length === 0 ? (
        <EmptyState {...empty} />
      ) : (
        <Table caption={caption} data-testid={testId}>
          <THead>
            <tr>{columns}</tr>
          </THead>
          <TBody>{items.map(row)}</TBody>
        </Table>
      )}
      <CursorPager {...pages} />
    </>
  );
}
