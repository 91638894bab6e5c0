import { FillImage } from "~/components/fill-image";
import Link from "next/link";
import { formatMoney } from "@bazaar/ui";
import type { ProductCard as ProductCardData } from "@bazaar/api/domain/catalog/search-products";
import { AvailabilityBadge } from "./availability-badge";
import { RatingSummary } from "./rating";
import { SaveButton } from "./save-button";

/** One product in a grid. The picture sits in a square box, so nothing moves when it loads. */
export function ProductCard({ product, priority = false }: { product: ProductCardData; priority?: boolean }) {
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-lg bg-white shadow-xs ring-1 ring-slate-200 transition-shadow focus-within:ring-2 focus-within:ring-brand-500 hover:shadow-md">
      <div className="relative aspect-square bg-slate-100">
        {product.image ? <FillImage src={product.image.url} alt={product.image.alt} priority={priority} /> : null}
        <SaveButton productId={product.id} productName={product.name} />
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 className="line-clamp-2 text-sm font-medium text-slate-900">
          <Link href={`/products/${product.slug}`} className="after:absolute after:inset-0 focus-visible:outline-none">
            {product.name}
          </Link>
        </h3>
        <p className="text-xs text-slate-600">{product.seller.shopName}</p>
        <RatingSummary ratingAvg={product.ratingAvg} ratingCount={product.ratingCount} />
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-1">
          <p className="text-sm font-semibold text-slate-900" data-testid="card-price">
            {/* Variants at different prices: the lowest, "From $19.00". */}
            {product.priceMaxCents > product.priceCents ? "From " : ""}
            {formatMoney(product.priceCents, product.currency)}
          </p>
          <AvailabilityBadge availability={product.availability} available={product.available} />
        </div>
      </div>
    </article>
  );
}

export function ProductGrid({
  products,
  label,
  testId,
  priorityCount = 0,
}: {
  products: ProductCardData[];
  label: string;
  testId?: string;
  priorityCount?: number;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4" aria-label={label} data-testid={testId}>
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard product={product} priority={index < priorityCount} />
        </li>
      ))}
    </ul>
  );
}
