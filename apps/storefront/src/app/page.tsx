import Link from "next/link";
import { EmptyState, formatMoney, PageHeader } from "@bazaar/ui";
import { api } from "~/trpc/server";

export default async function HomePage() {
  const { items } = await api.catalog.list({ limit: 24 });
  return (
    <>
      <PageHeader title="New in the marketplace" description="Products from independent shops, delivered by each shop." />
      {items.length === 0 ? (
        <EmptyState title="Nothing for sale yet" description="Shops are setting up. Come back soon." />
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" aria-label="Products" data-testid="product-grid">
          {items.map((product) => {
            const image = product.images[0];
            return (
              <li key={product.id} className="group relative overflow-hidden rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
                <div className="aspect-square bg-slate-100">
                  {image ? <img src={image.url} alt={image.alt || product.name} className="size-full object-cover" loading="lazy" /> : null}
                </div>
                <div className="space-y-1 p-3">
                  <h2 className="line-clamp-2 text-sm font-medium text-slate-900">
                    <Link href={`/products/${product.slug}`} className="after:absolute after:inset-0 focus:outline-none">
                      {product.name}
                    </Link>
                  </h2>
                  <p className="text-xs text-slate-500">{product.seller.shopName}</p>
                  <p className="text-sm font-semibold text-slate-900">{formatMoney(product.priceCents, product.currency)}</p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
