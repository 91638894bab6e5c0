import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "~/components/breadcrumb";
import { notFound } from "next/navigation";
import type { RouterOutputs } from "@bazaar/api";
import { Alert } from "@bazaar/ui";
import { Listing } from "~/components/listing/listing";
import { browseInput, listingHref, parseListing } from "~/lib/listing-params";
import { storedListingParams } from "~/lib/page-variant";
import { isBadRequest } from "~/lib/not-found";
import { getCategoryTree, searchCatalog } from "~/server/catalog";
import { JsonLd } from "~/components/json-ld";
import { getEnv } from "~/env";
import { absoluteUrl, breadcrumbJsonLd, itemListJsonLd } from "~/lib/seo";

type Props = { params: Promise<{ slug: string; variant: string }> };
// A stored page (src/lib/stored-pages.ts): rendered on its first visit, served from the page
// cache until a change expires it; nothing is rendered at build, which has no database.
export const dynamic = "force-static";
export const revalidate = 3600;
export const generateStaticParams = () => [];

type CategoryNode = RouterOutputs["catalog"]["categories"][number];

/** The category and the path to it from the top of the tree. */
function findCategory(nodes: CategoryNode[], slug: string, path: CategoryNode[] = []): { node: CategoryNode; path: CategoryNode[] } | null {
  for (const node of nodes) {
    if (node.slug === slug) return { node, path };
    const found = findCategory(node.children, slug, [...path, node]);
    if (found) return found;
  }
  return null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const found = findCategory(await getCategoryTree(), slug);
  // Sorts, filters and pages of a category are one page to a search engine.
  return { title: found?.node.name ?? "Category", alternates: { canonical: absoluteUrl(getEnv().STOREFRONT_URL, `/c/${slug}`) } };
}

export default async function CategoryPage({ params }: Props) {
  const { slug, variant } = await params;
  const raw = storedListingParams(variant) ?? notFound();
  const state = parseListing(raw);
  const path = `/c/${slug}`;
  const [tree, result] = await Promise.all([
    getCategoryTree(),
    searchCatalog(browseInput({ ...state, category: slug })).catch((error: unknown) => {
      if (isBadRequest(error)) return null;
      throw error;
    }),
  ]);
  const found = findCategory(tree, slug);
  if (!found) notFound();
  if (!result) {
    return (
      <Alert tone="warning" title="This page link no longer works">
        The products changed since it was made. <Link href={listingHref(path, state, { cursor: undefined, prev: [] })}>Go to the first page</Link>.
      </Alert>
    );
  }
  const heading = (
    <div className="mb-6">
      <Breadcrumb trail={found.path} className="mb-1" />
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{found.node.name}</h1>
      <p className="mt-1 text-sm text-slate-600">{found.node.totalProductCount} products from independent shops</p>
    </div>
  );
  const base = getEnv().STOREFRONT_URL;
  const trail = [{ name: "Home", path: "/" }, ...[...found.path, found.node].map((category) => ({ name: category.name, path: `/c/${category.slug}` }))];
  return (
    <>
      <JsonLd data={breadcrumbJsonLd(base, trail)} />
      <JsonLd data={itemListJsonLd(base, result.items)} />
      <Listing path={path} state={{ ...state, category: undefined }} result={result} heading={heading} scope={found.node} />
    </>
  );
}
