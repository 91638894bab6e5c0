"use client";

import { formatMoney } from "@bazaar/ui";
import { imagesForVariant } from "~/lib/variant-selection";
import { Gallery, type GalleryImage } from "./gallery";
import { useVariantSelection } from "./variant-selection";

/** The chosen variant's price, with its compare-at price struck through when it has one. */
export function VariantPrice({ priceCents, currency }: { priceCents: number; currency: string }) {
  const { variant } = useVariantSelection();
  const price = variant?.priceCents ?? priceCents;
  const compareAt = variant?.compareAtPriceCents ?? null;
  return (
    <p className="flex flex-wrap items-baseline gap-3">
      <span className="text-3xl font-semibold text-slate-900" data-testid="price">
        {formatMoney(price, currency)}
      </span>
      {compareAt !== null && compareAt > price ? (
        <s className="text-lg text-slate-600" data-testid="compare-at-price">
          <span className="sr-only">was </span>
          {formatMoney(compareAt, currency)}
        </s>
      ) : null}
    </p>
  );
}

/** The pictures, the chosen variant's own first. */
export function VariantGallery({ images, name }: { images: GalleryImage[]; name: string }) {
  const { variant } = useVariantSelection();
  const imageId = variant?.imageId ?? null;
  // A new variant picture starts the gallery over on it.
  return <Gallery key={imageId ?? "product"} images={imagesForVariant(images, imageId)} name={name} />;
}

/** The SKU of what "Add to cart" adds. */
export function VariantSku({ sku }: { sku: string }) {
  const { variant } = useVariantSelection();
  return (
    <p className="mt-3 text-xs text-slate-500" data-testid="sku">
      SKU {variant?.sku ?? sku}
    </p>
  );
}
