import type { Metadata } from "next";
import { parseListing, type RawSearchParams } from "~/lib/listing-params";
import { ShopListing, shopMetadata } from "../shop-listing";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

/**
 * `/shops/<slug>?<filters>`: next.config.ts rewrites a shop URL with a listing parameter here
 * (links keep the `/shops/<slug>?...` form). It reads the query string, so it renders per
 * request, from cached catalog reads.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return shopMetadata((await params).slug);
}

export default async function RefinedShopPage({ params, searchParams }: Props) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  return <ShopListing slug={slug} state={parseListing(raw)} />;
}
