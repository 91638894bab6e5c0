import type { Metadata } from "next";
import { parseListing, type RawSearchParams } from "~/lib/listing-params";
import { CategoryListing, categoryMetadata } from "../category-listing";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

/**
 * `/c/<slug>?<filters>`: next.config.ts rewrites a category URL with a listing parameter here
 * (links keep the `/c/<slug>?...` form). It reads the query string, so it renders per request,
 * from cached catalog reads.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryMetadata((await params).slug);
}

export default async function RefinedCategoryPage({ params, searchParams }: Props) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  return <CategoryListing slug={slug} state={parseListing(raw)} />;
}
