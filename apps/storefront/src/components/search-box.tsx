"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useDeferredValue, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { Suggestions } from "@bazaar/api/domain/catalog/suggest";
import { formatMoney } from "@bazaar/ui";
import { SearchIcon } from "./icons";

interface Option {
  key: string;
  href: string;
  label: string;
  detail?: string;
  image?: string | null;
}

const MIN_CHARS = 2;

/**
 * Suggestions for `q` from GET /api/suggest (plain JSON the browser caches for a minute: the box
 * is on every page, and the tRPC client would weigh more than the box). While the next answer
 * loads, the previous one stays shown; an answer for text already replaced is dropped.
 */
function useSuggestions(q: string): Suggestions | undefined {
  const [latest, setLatest] = useState<Suggestions>();
  useEffect(() => {
    if (q.length < MIN_CHARS) return;
    const controller = new AbortController();
    fetch(`/api/suggest?q=${encodeURIComponent(q)}`, { signal: controller.signal })
      .then(async (response) => {
        if (response.ok) setLatest((await response.json()) as Suggestions);
      })
      .catch(() => {
        // Aborted (the buyer typed on) or offline: the box works as a plain search form.
      });
    return () => controller.abort();
  }, [q]);
  return latest;
}

/**
 * The header's search: a plain GET form to /search (works without JavaScript) that, while the
 * buyer types, suggests products and categories (an ARIA combobox: arrows move, Enter opens,
 * Escape closes).
 */
export function SearchBox() {
  const router = useRouter();
  const params = useSearchParams();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const urlQuery = params.get("q") ?? "";
  const [text, setText] = useState(urlQuery);
  const [shownQuery, setShownQuery] = useState(urlQuery);
  // A new search in the URL (a results page, the back button) replaces what the box shows.
  if (urlQuery !== shownQuery) {
    setShownQuery(urlQuery);
    setText(urlQuery);
  }
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Typing stays responsive: the suggestion query follows the text at a lower priority.
  const q = useDeferredValue(text.trim());
  const data = useSuggestions(q);

  const options: Option[] =
    q.length >= MIN_CHARS && data
      ? [
          ...data.categories.map((c) => ({ key: `c:${c.slug}`, href: `/c/${c.slug}`, label: c.name, detail: "Category" })),
          ...data.products.map((p) => ({
            key: `p:${p.id}`,
            href: `/products/${p.slug}`,
            label: p.name,
            detail: formatMoney(p.priceCents, p.currency),
            image: p.image,
          })),
        ]
      : [];
  const expanded = open && options.length > 0;

  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    router.push(href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      const option = options[active];
      if (option) {
        event.preventDefault();
        go(option.href);
      }
    }
  };

  return (
    <form
      role="search"
      action="/search"
      className="relative w-full"
      onSubmit={(event) => {
        event.preventDefault();
        const query = text.trim();
        if (query) go(`/search?q=${encodeURIComponent(query)}`);
      }}
    >
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search products
      </label>
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" />
        <input
          ref={inputRef}
          id={`${listId}-input`}
          name="q"
          type="search"
          value={text}
          placeholder="Search products, shops and categories"
          autoComplete="off"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          className="block h-10 w-full rounded-full border-0 bg-slate-100 pr-4 pl-10 text-sm text-slate-900 ring-1 ring-slate-200 ring-inset placeholder:text-slate-500 focus:bg-white focus:ring-2 focus:ring-brand-500 focus:outline-none"
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute top-12 right-0 left-0 z-40 max-h-96 overflow-auto rounded-lg bg-white py-1 shadow-lg ring-1 ring-slate-200"
      >
        {options.map((option, index) => (
          <li
            key={option.key}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`flex cursor-pointer items-center gap-3 px-3 py-2 text-sm ${index === active ? "bg-brand-50 text-brand-700" : "text-slate-800"}`}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              go(option.href);
            }}
            onMouseEnter={() => setActive(index)}
          >
            {option.image !== undefined ? (
              <span className="size-9 shrink-0 overflow-hidden rounded bg-slate-100">
                {option.image ? <img src={option.image} alt="" width={36} height={36} className="size-9 object-cover" /> : null}
              </span>
            ) : null}
            <span className="min-w-0 flex-1 truncate">{option.label}</span>
            {option.detail ? <span className="shrink-0 text-xs text-slate-500">{option.detail}</span> : null}
          </li>
        ))}
      </ul>
    </form>
  );
}
