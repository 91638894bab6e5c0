import type { CursorPagerProps } from "@bazaar/ui";

/** What a page receives as `searchParams` (awaited). */
export type SearchParams = Record<string, string | string[] | undefined>;

/** One trimmed value of a query parameter, or undefined when absent or blank. */
export function param(params: SearchParams, key: string): string | undefined {
  const raw = params[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** One of the allowed values, or undefined (a hand-edited URL must not reach the API as garbage). */
export function oneOf<T extends string>(params: SearchParams, key: string, allowed: readonly T[]): T | undefined {
  const value = param(params, key);
  return allowed.find((a) => a === value);
}

/** A YYYY-MM-DD parameter as a UTC midnight Date, or undefined. */
export function dateParam(params: SearchParams, key: string): Date | undefined {
  const value = param(params, key);
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The same query with some keys changed (undefined removes one): for filter and page links. */
export function withParams(path: string, params: SearchParams, changes: Record<string, string | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v && !(key in changes)) query.set(key, v);
  }
  for (const [key, value] of Object.entries(changes)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The page links of a cursor-paged list: back to the first page from a later one, and on to the next. */
export function cursorPages(label: string, path: string, params: SearchParams, nextCursor: string | null): CursorPagerProps {
  return {
    label,
    firstHref: params.cursor ? withParams(path, params, { cursor: undefined }) : undefined,
    nextHref: nextCursor ? withParams(path, params, { cursor: nextCursor }) : undefined,
  };
}
