"use client";

import Link from "next/link";
import { useState } from "react";
import { SOFT_RESERVATION_MS } from "@bazaar/api/domain/inventory/constants";
import { Alert, Button } from "@bazaar/ui";
import { AvailabilityBadge } from "~/components/availability-badge";
import { CheckIcon } from "~/components/icons";
import { QuantityStepper } from "~/components/quantity-stepper";
import { setCartCount } from "~/components/visitor";
import { leanApi } from "~/lib/lean-api";
import { useVariantSelection } from "./variant-selection";

/**
 * Availability of the chosen variant, quantity and "Add to cart". The stock shown is read fresh
 * for this visit; the badge in the header updates the moment the cart answers, and a refusal
 * (someone bought the last one first) updates the stock shown here too.
 */
export function AddToCart({ name }: { name: string }) {
  const { options, variant, stock, product, ready, refreshStock } = useVariantSelection();
  const max = Math.min(stock.available, 99);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<{ quantity: number; variantId: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = async (variantId: string, count: number) => {
    setPending(true);
    setAdded(null);
    setError(null);
    try {
      const cart = await leanApi.addToCart({ variantId, quantity: count });
      setCartCount(cart.itemCount);
      setAdded({ quantity: count, variantId });
      setQuantity(1);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
      // What is left changed either way (a refusal means someone bought the last ones first).
      refreshStock();
    }
  };
  const chosen = Math.min(quantity, Math.max(max, 1));

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3" aria-live="polite">
        <AvailabilityBadge availability={stock.availability} available={stock.available} variantTitle={variant?.title} testId="stock" />
        {stock.availability === "low" ? <span className="text-sm text-amber-800">Order soon</span> : null}
      </div>
      {variant && stock.available > 0 ? (
        <div className="flex flex-wrap items-center gap-3">
          <QuantityStepper value={chosen} max={max} itemName={name} onChange={setQuantity} disabled={pending} />
          <Button
            size="lg"
            className="min-w-44 flex-1 sm:flex-none"
            pending={pending}
            aria-disabled={!ready || undefined}
            onClick={() => void add(variant.id, chosen)}
          >
            {added?.variantId === variant.id && !pending ? (
              <>
                <CheckIcon className="size-5" /> Added
              </>
            ) : (
              "Add to cart"
            )}
          </Button>
        </div>
      ) : product.available > 0 && variant ? (
        <p className="text-sm text-slate-700">
          {variant.title} is sold out. Choose another {options.map((option) => option.name.toLowerCase()).join(" or ")}.
        </p>
      ) : (
        <p className="text-sm text-slate-700">This product is sold out for now. Shops restock often: check back soon.</p>
      )}
      <div aria-live="polite">
        {added !== null ? (
          <Alert tone="success" title={`Added ${added.quantity} to your cart`}>
            We are holding {added.quantity === 1 ? "it" : "them"} for you for {SOFT_RESERVATION_MS / 60_000} minutes.{" "}
            <Link href="/cart" className="font-medium underline">
              View cart
            </Link>{" "}
            or{" "}
            <Link href="/checkout" className="font-medium underline">
              check out
            </Link>
            .
          </Alert>
        ) : null}
      </div>
      {error !== null ? <Alert tone="danger">{error}</Alert> : null}
    </div>
  );
}
