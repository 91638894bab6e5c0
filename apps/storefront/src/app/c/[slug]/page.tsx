import type { Metadata } from "next";
import { Suspense } from "react";
import { ListingSkeleton } from "~/components/listing/listing-skeleton";
import { parseListing } from "~/lib/listing-params";
import { CategoryListing, categoryMetadata } from "./category-listing";

type Props = { params: Promise<{ slug: string }> };

// Categories are rendered on their first visit and stored until the catalog changes. Cache
// Components needs one known value to check the route with at build; it has no database to
// find real ones (that render waits for a request, see server/catalog.ts).
export function generateStaticParams() {
  return [{ slug: "placeholder" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryMetadata((await params).slug);
}

export default async function CategoryPage({ params }: Props) {
  // Read outside the boundary, so each category is stored as its own page.
  const { slug } = await params;
  return (
    <Suspense fallback={<ListingSkeleton />}>
      <CategoryListing slug={slug} state={parseListing({})} />
    </Suspense>
  );
}
