import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, buttonClasses, EmptyState } from "@bazaar/ui";
import { Listing } from "~/components/listing/listing";
import { browseInput, listingHref, parseListing } from "~/lib/listing-params";
import { storedListingParams } from "~/lib/page-variant";
import { isBadRequest } from "~/lib/not-found";
import { getCategoryTree, searchCatalog } from "~/server/catalog";

type Props = { params: Promise<{ variant: string }> };
// A stored page (src/lib/stored-pages.ts): rendered on its first visit, served from the page
// cache until a change expires it; nothing is rendered at build, which has no database.
export const dynamic = "force-static";
export const revalidate = 3600;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { q } = parseListing(storedListingParams((await params).variant) ?? {});
  // Result pages are for people; search engines follow their links to the products instead.
  return { title: q ? `Results for “${q}”` : "All products", robots: { index: false, follow: true } };
}

export default async function SearchPage({ params }: Props) {
  const state = parseListing(storedListingParams((await params).variant) ?? notFound());
  const [result, categories] = await Promise.all([
    searchCatalog(browseInput(state)).catch((error: unknown) => {
      if (isBadRequest(error)) return null;
      throw error;
    }),
    getCategoryTree(),
  ]);
  if (!result) {
    return (
      <Alert tone="warning" title="This page link no longer works">
        The results changed since it was made. <Link href={listingHref("/search", state, { cursor: undefined, prev: [] })}>Go to the first page</Link>.
      </Alert>
    );
  }
  const heading = (
    <div className="mb-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{state.q ? `Results for “${state.q}”` : "All products"}</h1>
      {result.didYouMean ? (
        <p className="mt-1 text-sm text-slate-600">
          Did you mean{" "}
          <Link href={listingHref("/search", state, { q: result.didYouMean })} className="font-medium text-brand-700 underline" data-testid="did-you-mean">
            {result.didYouMean}
          </Link>
          ?
        </p>
      ) : null}
    </div>
  );
  const noResults = state.q ? (
    <EmptyState
      title={`Nothing matched “${state.q}”`}
      description={
        <>
          {result.didYouMean ? (
            <>
              Try{" "}
              <Link href={listingHref("/search", state, { q: result.didYouMean })} className="font-medium text-brand-700 underline">
                {result.didYouMean}
              </Link>
              , check the spelling, use fewer words, or browse a category:
            </>
          ) : (
            "Check the spelling, use fewer or more general words, or browse a category:"
          )}
          <span className="mt-4 flex flex-wrap justify-center gap-2">
            {categories.map((category) => (
              <Link key={category.id} href={`/c/${category.slug}`} className={buttonClasses("secondary", "sm")}>
                {category.name}
              </Link>
            ))}
          </span>
        </>
      }
    />
  ) : undefined;
  return <Listing path="/search" state={state} result={result} heading={heading} noResults={noResults} />;
}
