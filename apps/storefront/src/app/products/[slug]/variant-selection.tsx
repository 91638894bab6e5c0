"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import type { RouterOutputs } from "@bazaar/api";
import {
  closestVariant,
  valueChoices,
  wantedFromQuery,
  withVariantQuery,
  type SelectionOption,
  type StockByVariant,
  type ValueChoice,
} from "~/lib/variant-selection";
import { leanApi } from "~/lib/lean-api";

export type ProductVariant = RouterOutputs["catalog"]["product"]["variants"][number];
export type LiveAvailability = NonNullable<RouterOutputs["storefront"]["availability"]>;
type VariantStock = LiveAvailability["variants"][number];

interface VariantSelection {
  slug: string;
  options: readonly SelectionOption[];
  /** The chosen variant; null only for a product without any variant on sale. */
  variant: ProductVariant | null;
  /** Stock right now of the chosen variant. */
  stock: VariantStock;
  /** Stock right now of the whole product ("in stock" when any variant is). */
  product: LiveAvailability;
  choices: (index: number) => ValueChoice<ProductVariant>[];
  select: (index: number, value: string) => void;
  /** Reads the stock again (after an add to cart, or a refusal: someone bought the last one first). */
  refreshStock: () => void;
  /**
   * False in the stored page's HTML and while it hydrates: the browser then renders the page again
   * on its URL's choice, so a click before that could act on the default variant.
   */
  ready: boolean;
}

const Context = createContext<VariantSelection | null>(null);

export function useVariantSelection(): VariantSelection {
  const selection = useContext(Context);
  if (!selection) throw new Error("useVariantSelection is used outside <VariantSelectionProvider>.");
  return selection;
}

/**
 * The product page's chosen variant, shared by the picture, the price, the pickers, the SKU and
 * "Add to cart". The choice lives in the URL (?Size=M&Colour=Blue), so a link opens on it and the
 * back button undoes a change. The page is stored (the same HTML for every visitor, rendered
 * without a query string), so it comes with its default variant and the stock of its render,
 * and the browser reads the URL's choice and the stock of this moment as it loads.
 */
export function VariantSelectionProvider(props: SelectionProps) {
  return <Selection {...props} searchParams={useLocationQuery()} />;
}

interface SelectionProps {
  slug: string;
  options: SelectionOption[];
  variants: ProductVariant[];
  initial: LiveAvailability;
  children: ReactNode;
}

function Selection({ slug, options, variants, initial, children, searchParams }: SelectionProps & { searchParams: URLSearchParams | null }) {
  const [live, refreshStock] = useLiveAvailability(slug, initial);
  const stock: StockByVariant = useMemo(() => new Map(live.variants.map((row) => [row.variantId, row.available])), [live]);
  // A page opened without a choice starts on the first variant in stock when it was opened, and
  // stays there when a later stock reading changes which that is.
  const [fallback] = useState(() =>
    closestVariant(
      variants,
      options.map(() => undefined),
      stock,
    ),
  );
  const pathname = usePathname();
  const wanted = searchParams ? wantedFromQuery(options, searchParams) : options.map(() => undefined);
  const fromUrl = wanted.some((value) => value !== undefined) ? closestVariant(variants, wanted, stock) : fallback;
  // A click shows its variant at once: the URL it pushes reaches useSearchParams a moment later,
  // and a controlled radio would meanwhile snap back. Back and forward hand over to the URL again.
  const [picked, setPicked] = useState<ProductVariant | null>(null);
  useEffect(() => {
    const onPopState = () => setPicked(null);
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);
  const variant = picked ?? fromUrl;
  const variantStock = live.variants.find((row) => row.variantId === variant?.id) ?? {
    variantId: variant?.id ?? "",
    available: 0,
    availability: "out" as const,
  };

  const value: VariantSelection = {
    slug,
    options,
    variant,
    stock: variantStock,
    product: live,
    ready: searchParams !== null,
    refreshStock,
    choices: (index) => (variant ? valueChoices(options, variants, variant, index, stock) : []),
    select: (index, optionValue) => {
      if (!variant) return;
      const wantedNext = variant.optionValues.map((current, i) => (i === index ? optionValue : current));
      const next = closestVariant(variants, wantedNext, stock, index + 1);
      if (!next || next.id === variant.id) return;
      setPicked(next);
      // Next.js keeps useSearchParams in step with the History API: this changes the URL (one
      // history entry per choice, for the back button) without moving the scroll position or
      // rendering the page on the server again, which router.push would do for a new query.
      window.history.pushState(null, "", `${pathname}${withVariantQuery(window.location.search, options, next.optionValues)}`);
    },
  };
  return <Context value={value}>{children}</Context>;
}

/** Seconds a stock reading is fresh: coming back to the tab after that reads it again. */
const STOCK_FRESH_MS = 10_000;

/**
 * The stock of this moment: the stored page's is as old as the page, so it is read again as the
 * page loads, when the tab comes back to the front after a while, and whenever asked.
 */
function useLiveAvailability(slug: string, initial: LiveAvailability): [LiveAvailability, () => void] {
  const [live, setLive] = useState(initial);
  const [readAt, setReadAt] = useState(0);
  const refresh = useCallback(() => {
    void leanApi.availability({ slug }).then(
      (answer) => {
        if (answer) setLive(answer);
        setReadAt(Date.now());
      },
      // Offline for a moment: the page keeps the stock it shows.
      () => undefined,
    );
  }, [slug]);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible" && Date.now() - readAt > STOCK_FRESH_MS) refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [refresh, readAt]);
  return [live, refresh];
}

const onHistoryMove = (onChange: () => void) => {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
};
const currentSearch = () => window.location.search;
const noSearch = () => null;

/**
 * The URL's query as the browser has it; null in the stored page's HTML (rendered without a query
 * string) and while that HTML hydrates, then the real one. Not useSearchParams: on a static page it
 * makes the page's tree a client-rendered Suspense fallback, replaced whole after load (clicks on
 * the stored HTML were lost, and for a moment both copies were in the page). In-page choices push
 * their own URL (Selection keeps them in state); back and forward are popstate. Links elsewhere in
 * the app open product pages without a query.
 */
function useLocationQuery(): URLSearchParams | null {
  const search = useSyncExternalStore(onHistoryMove, currentSearch, noSearch);
  return useMemo(() => (search === null ? null : new URLSearchParams(search)), [search]);
}
