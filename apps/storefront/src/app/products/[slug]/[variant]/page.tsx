import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "~/components/breadcrumb";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { formatMoney, LoadingRegion, Skeleton } from "@bazaar/ui";
import { StoreIcon } from "~/components/icons";
import { JsonLd } from "~/components/json-ld";
import { getEnv } from "~/env";
import { absoluteUrl, breadcrumbJsonLd, productJsonLd } from "~/lib/seo";
import { ProductGrid } from "~/components/product-card";
import { RatingSummary } from "~/components/rating";
import { isBadRequest, isNotFound } from "~/lib/not-found";
import { NO_VARIANT } from "~/lib/page-variant";
import { variantQuery } from "~/lib/variant-selection";
import { getProduct } from "~/server/catalog";
import { publicApi } from "~/server/public-api";
import { AddToCart } from "../add-to-cart";
import { SaveProduct } from "../save-product";
import { Reviews } from "../reviews";
import { VariantGallery, VariantPrice, VariantSku } from "../variant-details";
import { PointsPreview } from "../points-preview";
import { VariantPicker } from "../variant-picker";
import { VariantSelectionProvider } from "../variant-selection";

type Props = { params: Promise<{ slug: string; variant: string }> };
// A stored page (src/lib/stored-pages.ts): rendered on its first visit, served from the page
// cache until a change expires it; nothing is rendered at build, which has no database.
export const dynamic = "force-static";
export const revalidate = 3600;
export const generateStaticParams = () => [];

// An edited URL (a slug longer than any of ours, control characters) is a page that does not exist, not a server error.
const orNotFound = (error: unknown): never => {
  if (isNotFound(error) || isBadRequest(error)) notFound();
  throw error;
};

const loadProduct = (slug: string) => getProduct(slug).catch(orNotFound);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await loadProduct((await params).slug);
  const base = getEnv().STOREFRONT_URL;
  const description = product.description.slice(0, 160);
  const images = product.images.slice(0, 4).map((image) => ({ url: absoluteUrl(base, image.url), alt: image.alt }));
  return {
    title: product.name,
    description,
    alternates: { canonical: absoluteUrl(base, `/products/${product.slug}`) },
    openGraph: { type: "website", siteName: "Bazaar", title: product.name, description, url: absoluteUrl(base, `/products/${product.slug}`), images },
    twitter: { card: images.length > 0 ? "summary_large_image" : "summary", title: product.name, description, images: images.map((image) => image.url) },
  };
}

export default async function ProductPage({ params }: Props) {
  const { slug, variant } = await params;
  if (variant !== NO_VARIANT) notFound();
  // The page (cached, expired when the product changes) and its stock (read fresh) in parallel.
  const [product, live] = await Promise.all([loadProduct(slug), publicApi.storefront.availability({ slug }).catch(orNotFound)]);
  const stock = live ?? {
    productId: product.id,
    available: product.available,
    availability: product.availability,
    variants: product.variants.map((variant) => ({ variantId: variant.id, available: variant.available, availability: variant.availability })),
  };
  const { seller } = product;
  const base = getEnv().STOREFRONT_URL;
  const stockOf = new Map(stock.variants.map((row) => [row.variantId, row.availability]));
  const offers = product.variants.map((variant) => ({
    sku: variant.sku,
    title: variant.title,
    priceCents: variant.priceCents,
    availability: stockOf.get(variant.id) ?? "out",
    query: variantQuery(product.options, variant.optionValues),
  }));
  return (
    <div className="space-y-12">
      <JsonLd data={productJsonLd(base, product, stock.availability, offers)} />
      <JsonLd
        data={breadcrumbJsonLd(base, [
          { name: "Home", path: "/" },
          ...product.categoryPath.map((c) => ({ name: c.name, path: `/c/${c.slug}` })),
          { name: product.name, path: `/products/${product.slug}` },
        ])}
      />
      <div>
        <Breadcrumb trail={product.categoryPath} className="mb-4" />
        {/* Keyed by product: a related product opened from here starts on its own choice. */}
        <VariantSelectionProvider key={product.id} slug={product.slug} options={product.options} variants={product.variants} initial={stock}>
          <div className="grid gap-8 lg:grid-cols-2">
            <VariantGallery images={product.images} name={product.name} />
            <div className="space-y-5">
              <div className="space-y-2">
                <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{product.name}</h1>
                <p className="flex items-center gap-1 text-sm text-slate-600">
                  <StoreIcon className="size-4" />
                  Sold by{" "}
                  <Link href={`/shops/${seller.slug}`} className="font-medium text-brand-700 underline underline-offset-2" data-testid="seller-link">
                    {seller.shopName}
                  </Link>
                </p>
                <a href="#reviews" className="inline-block">
                  <RatingSummary ratingAvg={product.ratingAvg} ratingCount={product.ratingCount} />
                </a>
              </div>
              <VariantPrice priceCents={product.priceCents} currency={product.currency} />
              <PointsPreview priceCents={product.priceCents} currency={product.currency} />
              <VariantPicker />
              <AddToCart name={product.name} />
              <SaveProduct productId={product.id} name={product.name} />
              <p className="text-sm text-slate-600">
                Shipping from {seller.shopName}: {formatMoney(seller.shippingFlatCents, product.currency)}
                {seller.freeShippingOverCents !== null
                  ? `, free on orders from this shop over ${formatMoney(seller.freeShippingOverCents, product.currency)}`
                  : ""}
                .
              </p>
              <section aria-labelledby="description" className="border-t border-slate-200 pt-5">
                <h2 id="description" className="text-base font-semibold text-slate-900">
                  About this product
                </h2>
                <div className="mt-2 space-y-3 text-sm leading-6 whitespace-pre-line text-slate-700">{product.description}</div>
                <VariantSku sku={product.sku} />
              </section>
            </div>
          </div>
        </VariantSelectionProvider>
      </div>

      <Suspense
        fallback={
          <LoadingRegion label="Loading reviews">
            <Skeleton className="h-6 w-32" />
            <Skeleton className="mt-4 h-24" />
          </LoadingRegion>
        }
      >
        <Reviews productId={product.id} ratingAvg={product.ratingAvg} ratingCount={product.ratingCount} />
      </Suspense>

      {product.related.length > 0 ? (
        <section aria-labelledby="related">
          <h2 id="related" className="text-xl font-bold tracking-tight text-slate-900">
            You may also like
          </h2>
          <div className="mt-4">
            <ProductGrid products={product.related} label="Related products" />
          </div>
        </section>
      ) : null}
    </div>
  );
}
