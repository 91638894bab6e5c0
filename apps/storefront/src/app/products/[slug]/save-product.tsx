"use client";

import { SaveButton } from "~/components/save-button";
import { useVariantSelection } from "./variant-selection";

/** "Save to wishlist" for the variant on show: a restock of that variant is what they will hear about. */
export function SaveProduct({ productId, name }: { productId: string; name: string }) {
  const { variant, options } = useVariantSelection();
  return <SaveButton productId={productId} variantId={options.length > 0 ? (variant?.id ?? null) : null} productName={name} variant="page" />;
}
