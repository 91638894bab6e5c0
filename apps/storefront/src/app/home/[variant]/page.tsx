import { FillImage } from "~/components/fill-image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NO_VARIANT } from "~/lib/page-variant";
import { EmptyState, LinkButton } from "@bazaar/ui";
import { ProductGrid } from "~/components/product-card";
import { getHomePage } from "~/server/catalog";
import { JsonLd } from "~/components/json-ld";
import { getEnv } from "~/env";
import { organizationJsonLd, webSiteJsonLd } from "~/lib/seo";

type Props = { params: Promise<{ variant: string }> };

// A stored page (src/lib/stored-pages.ts): rendered on its first visit, served from the page
// cache until a change expires it; nothing is rendered at build, which has no database.
export const dynamic = "force-static";
export const revalidate = 3600;
export const generateStaticParams = () => [];

export default async function HomePage({ params }: Props) {
  if ((await params).variant !== NO_VARIANT) notFound();
  const { featuredCategories, newArrivals, bestSellers } = await getHomePage();
  const base = getEnv().STOREFRONT_URL;
  return (
    <div className="space-y-12">
      <JsonLd data={organizationJsonLd(base)} />
      <JsonLd data={webSiteJsonLd(base)} />
      <section className="overflow-hidden rounded-2xl bg-gradient-to-br from-brand-700 to-brand-500 px-6 py-10 text-white sm:px-10 sm:py-14">
        <p className="text-sm font-medium tracking-wide text-brand-100 uppercase">Independent shops, one checkout</p>
        <h1 className="mt-2 max-w-2xl text-3xl font-bold tracking-tight sm:text-4xl">New in the marketplace</h1>
        <p className="mt-3 max-w-xl text-base text-brand-50">
          Headphones tested in a listening room, cookware from small makers, gear field-tested in the Rockies. Buy from several shops and pay once.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <LinkButton href="/search" size="lg" variant="secondary">
            Browse everything
          </LinkButton>
          {featuredCategories[0] ? (
            <Link
              href={`/c/${featuredCategories[0].slug}`}
              className="inline-flex h-12 items-center px-2 text-base font-medium text-white underline-offset-4 hover:underline"
            >
              Shop {featuredCategories[0].name} →
            </Link>
          ) : null}
        </div>
      </section>

      {featuredCategories.length > 0 ? (
        <section aria-labelledby="featured-categories">
          <h2 id="featured-categories" className="text-xl font-bold tracking-tight text-slate-900">
            Featured categories
          </h2>
          <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-6">
            {featuredCategories.map((category) => (
              <li key={category.slug}>
                <Link
                  href={`/c/${category.slug}`}
                  className="group block overflow-hidden rounded-lg bg-white ring-1 ring-slate-200 hover:shadow-md focus-visible:ring-2 focus-visible:ring-brand-500"
                >
                  <div className="relative aspect-[4/3] bg-slate-100">{category.cover ? <FillImage src={category.cover.url} alt="" /> : null}</div>
                  <div className="p-3">
                    <p className="text-sm font-semibold text-slate-900">{category.name}</p>
                    <p className="text-xs text-slate-600">
                      {category.parentName} · {category.productCount} products
                    </p>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="new-arrivals">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="new-arrivals" className="text-xl font-bold tracking-tight text-slate-900">
            New arrivals
          </h2>
          <Link href="/search?sort=newest" className="text-sm font-medium text-brand-700 hover:underline">
            See all new products
          </Link>
        </div>
        <div className="mt-4">
          {newArrivals.length === 0 ? (
            <EmptyState title="Nothing for sale yet" description="Shops are setting up. Come back soon." />
          ) : (
            <ProductGrid products={newArrivals} label="New arrivals" testId="product-grid" priorityCount={4} />
          )}
        </div>
      </section>

      {bestSellers.length > 0 ? (
        <section aria-labelledby="best-sellers">
          <h2 id="best-sellers" className="text-xl font-bold tracking-tight text-slate-900">
            Best sellers
          </h2>
          <div className="mt-4">
            <ProductGrid products={bestSellers} label="Best sellers" />
          </div>
        </section>
      ) : null}
    </div>
  );
}
