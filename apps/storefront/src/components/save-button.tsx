"use client";

import { useState } from "react";
import { cn } from "@bazaar/ui";
import { HeartIcon } from "./icons";
import { useVisitor } from "./visitor";
import { toggleSaved, useSaved } from "./wishlist";

/**
 * The heart on product cards and pages. A guest's hearts stay in the browser and join their
 * account when they sign in; a buyer's go to their wishlist at once. It sits above the card's
 * stretched link, so clicking it saves instead of opening the product.
 */
export function SaveButton({
  productId,
  variantId,
  productName,
  variant = "card",
}: {
  productId: string;
  variantId?: string | null;
  productName: string;
  variant?: "card" | "page";
}) {
  const { saved, ready, signedIn } = useSaved(productId);
  const visitor = useVisitor();
  const [error, setError] = useState<string | null>(null);
  const label = saved ? `Remove ${productName} from your wishlist` : `Save ${productName} to your wishlist`;

  async function toggle() {
    setError(null);
    try {
      await toggleSaved({ productId, variantId: variantId ?? null }, !saved, signedIn, visitor?.saved ?? []);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "We could not update your wishlist. Try again.");
    }
  }

  const heart = <HeartIcon className={cn("size-5", saved ? "fill-rose-600 text-rose-600" : "text-slate-700")} />;
  if (variant === "card") {
    return (
      <button
        type="button"
        onClick={toggle}
        disabled={!ready}
        aria-pressed={saved}
        aria-label={label}
        title={error ?? label}
        className="absolute top-2 right-2 z-10 grid size-9 place-items-center rounded-full bg-white/90 shadow-sm ring-1 ring-slate-200 transition hover:bg-white focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none disabled:opacity-60"
      >
        {heart}
      </button>
    );
  }
  return (
    <div>
      <button
        type="button"
        onClick={toggle}
        disabled={!ready}
        aria-pressed={saved}
        className="inline-flex min-h-11 items-center gap-2 rounded-md px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none disabled:opacity-60"
      >
        {heart}
        {saved ? "Saved to wishlist" : "Save to wishlist"}
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
