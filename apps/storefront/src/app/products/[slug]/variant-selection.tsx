"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
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
import { useTRPC } from "~/trpc/react";

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
 * back button undoes a change. Stock is read fresh for this visit (the page itself is cached).
 */
export function VariantSelectionProvider({
  slug,
  options,
  variants,
  initial,
  children,
}: {
  slug: string;
  options: SelectionOption[];
  variants: ProductVariant[];
  initial: LiveAvailability;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.storefront.availability.queryOptions({ slug }, { initialData: initial, staleTime: 10_000 }));
  const live = data ?? initial;
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
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const wanted = wantedFromQuery(options, searchParams);
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
