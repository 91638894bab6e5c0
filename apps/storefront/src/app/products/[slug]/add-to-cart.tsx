"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { SOFT_RESERVATION_MS } from "@bazaar/api/domain/inventory/constants";
import { Alert, Button } from "@bazaar/ui";
import { AvailabilityBadge } from "~/components/availability-badge";
import { CheckIcon } from "~/components/icons";
import { QuantityStepper } from "~/components/quantity-stepper";
import { setCartCount } from "~/components/visitor";
import { domainCodeOf, errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";
import { useVariantSelection } from "./variant-selection";

/**
 * Availability of the chosen variant, quantity and "Add to cart". The stock shown is read fresh
 * for this visit; the badge in the header updates the moment the cart answers (with its count), and a refusal
 * (someone bought the last one first) updates the stock shown here too.
 */
export function AddToCart({ name }: { name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { slug, options, variant, stock, product } = useVariantSelection();
  const availabilityKey = trpc.storefront.availability.queryKey({ slug });
  const max = Math.min(stock.available, 99);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<{ quantity: number; variantId: string } | null>(null);
  const add = useMutation(
    trpc.cart.add.mutationOptions({
      onMutate: () => setAdded(null),
      onSuccess: (added, input) => {
        // The answer is a summary: the header's count now, the cart page's view when next shown.
        setCartCount(added.itemCount);
        void queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
        setAdded({ quantity: input.quantity ?? 1, variantId: input.variantId ?? "" });
        setQuantity(1);
        void queryClient.invalidateQueries({ queryKey: availabilityKey });
      },
      onError: (error) => {
        if (domainCodeOf(error) === "OUT_OF_STOCK") void queryClient.invalidateQueries({ queryKey: availabilityKey });
      },
    }),
  );
  const chosen = Math.min(quantity, Math.max(max, 1));

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3" aria-live="polite">
        <AvailabilityBadge availability={stock.availability} available={stock.available} variantTitle={variant?.title} testId="stock" />
        {stock.availability === "low" ? <span className="text-sm text-amber-800">Order soon</span> : null}
      </div>
      {variant && stock.available > 0 ? (
        <div className="flex flex-wrap items-center gap-3">
          <QuantityStepper value={chosen} max={max} itemName={name} onChange={setQuantity} disabled={add.isPending} />
          <Button
            size="lg"
            className="min-w-44 flex-1 sm:flex-none"
            pending={add.isPending}
            onClick={() => add.mutate({ variantId: variant.id, quantity: chosen })}
          >
            {added?.variantId === variant.id && !add.isPending ? (
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
      {add.isError ? <Alert tone="danger">{errorMessage(add.error)}</Alert> : null}
    </div>
  );
}
