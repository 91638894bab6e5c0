import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, formatMoney } from "@bazaar/ui";
import { StoreIcon } from "~/components/icons";
import { Listing } from "~/components/listing/listing";
import { RatingSummary } from "~/components/rating";
import { browseInput, listingHref, parseListing } from "~/lib/listing-params";
import { storedListingParams } from "~/lib/page-variant";
import { isBadRequest, isNotFound } from "~/lib/not-found";
import { getShop, searchCatalog } from "~/server/catalog";
import { getEnv } from "~/env";
import { ContactShop } from "../contact-form";
import { absoluteUrl } from "~/lib/seo";

/** A soft two-tone band whose hue comes from the shop's slug, so each shop keeps its own colour. */
function bannerOf(slug: string): string {
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return `linear-gradient(120deg, hsl(${hash} 70% 88%), hsl(${(hash + 40) % 360} 65% 78%))`;
}

type Props = { params: Promise<{ slug: string; variant: string }> };
// A stored page (src/lib/stored-pages.ts): rendered on its first visit, served from the page
// cache until a change expires it; nothing is rendered at build, which has no database.
export const dynamic = "force-static";
export const revalidate = 3600;
export const generateStaticParams = () => [];

const loadShop = (slug: string) =>
  getShop({ slug }).catch((error: unknown) => {
    // An edited URL (a slug longer than any of ours) is a page that does not exist, not a server error.
    if (isNotFound(error) || isBadRequest(error)) notFound();
    throw error;
  });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { seller } = await loadShop((await params).slug);
  return {
    title: seller.shopName,
    description: seller.description ?? undefined,
    alternates: { canonical: absoluteUrl(getEnv().STOREFRONT_URL, `/shops/${seller.slug}`) },
  };
}

export default async function ShopPage({ params }: Props) {
  const { slug, variant } = await params;
  const raw = storedListingParams(variant) ?? notFound();
  const state = { ...parseListing(raw), seller: undefined };
  const path = `/shops/${slug}`;
  const [{ seller }, result] = await Promise.all([
    loadShop(slug),
    searchCatalog(browseInput({ ...state, seller: slug })).catch((error: unknown) => {
      if (isBadRequest(error)) return null;
      throw error;
    }),
  ]);
  const heading = (
    <div className="mb-6 overflow-hidden rounded-xl bg-white ring-1 ring-slate-200">
      {/* The shop's banner: a band in the shop's own hue, the same on every visit. */}
      <div aria-hidden className="h-20 sm:h-28" style={{ background: bannerOf(seller.slug) }} />
      <div className="flex flex-wrap items-start gap-4 p-5 sm:p-6">
        <span className="flex size-14 items-center justify-center rounded-full bg-brand-50 text-brand-700">
          <StoreIcon className="size-7" />
        </span>
        <div className="min-w-0 flex-1 space-y-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{seller.shopName}</h1>
          <RatingSummary ratingAvg={seller.ratingAvg} ratingCount={seller.ratingCount} />
          {seller.description ? <p className="max-w-3xl text-sm text-slate-700">{seller.description}</p> : null}
          <p className="text-sm text-slate-600">
            {seller.productCount} products · Shipping {formatMoney(seller.shippingFlatCents, "USD")}
            {seller.freeShippingOverCents !== null ? `, free over ${formatMoney(seller.freeShippingOverCents, "USD")}` : ""}
          </p>
        </div>
      </div>
      <div className="grid gap-5 border-t border-slate-100 p-5 sm:p-6 md:grid-cols-3">
        <section aria-labelledby="shipping-policy">
          <h2 id="shipping-policy" className="text-sm font-semibold text-slate-900">
            Shipping
          </h2>
          <p className="mt-1 text-sm whitespace-pre-line text-slate-700">
            {seller.shippingPolicy ?? "Ships from the shop's own warehouse; tracking is added when it ships."}
          </p>
        </section>
        <section aria-labelledby="return-policy">
          <h2 id="return-policy" className="text-sm font-semibold text-slate-900">
            Returns
          </h2>
          <p className="mt-1 text-sm whitespace-pre-line text-slate-700">{seller.returnPolicy ?? "Contact the shop about a return."}</p>
        </section>
        <section aria-labelledby="contact-shop">
          <h2 id="contact-shop" className="text-sm font-semibold text-slate-900">
            Contact the seller
          </h2>
          <div className="mt-2">
            <ContactShop slug={seller.slug} shopName={seller.shopName} />
          </div>
        </section>
      </div>
    </div>
  );
  if (!result) {
    return (
      <>
        {heading}
        <Alert tone="warning" title="This page link no longer works">
          The shop&apos;s products changed since it was made. <Link href={listingHref(path, state, { cursor: undefined, prev: [] })}>Go to the first page</Link>
          .
        </Alert>
      </>
    );
  }
  return <Listing path={path} state={state} result={result} heading={heading} hideSellerFilter />;
}
