import "server-only";

import { unstable_cache } from "next/cache";
import { connection } from "next/server";
import SuperJSON from "superjson";
import type { RouterInputs } from "@bazaar/api";
import { STOREFRONT_CACHE_TAGS as TAGS } from "@bazaar/api/domain/catalog/cache-tags";
import { metrics } from "@bazaar/api/observability";
import { publicApi } from "./public-api";

// Public catalog reads, shared by every visitor and cached across requests (Next's data cache).
// Every entry carries the `catalog` tag: a change to a product, its price or its stock in any
// process expires them all through POST /api/revalidate (see revalidateStorefront in the API);
// the time limit is a safety net for a missed call and bounds how stale stock badges on
// listings get, since carts change availability without telling anyone. One coarse tag is
// enough here: expiry is lazy (a page is recomputed on its next visit), so expiring everything
// costs one query per page actually visited.
// The cache stores JSON, so results travel through SuperJSON to keep their Dates.

const CATALOG_TTL_SECONDS = 60;

function cached<A extends unknown[], R>(name: string, load: (...args: A) => Promise<R>) {
  // Hits are requests minus misses (a miss or an expired entry runs `load`).
  const requests = metrics().cacheRequests.labels(name);
  const misses = metrics().cacheMisses.labels(name);
  const store = unstable_cache(
    async (...args: A) => {
      misses.inc();
      return SuperJSON.stringify(await load(...args));
    },
    [`storefront:${name}`],
    {
      tags: [TAGS.catalog],
      revalidate: CATALOG_TTL_SECONDS,
    },
  );
  return async (...args: A): Promise<R> => {
    // Only ever at request time: `next build` has no database to fill the cache from.
    await connection();
    requests.inc();
    return SuperJSON.parse<R>(await store(...args));
  };
}

export const getCategoryTree = cached("categories", () => publicApi.catalog.categories());

export const getHomePage = cached("home", () => publicApi.storefront.home());

export type BrowseInput = Exclude<RouterInputs["catalog"]["search"], void | undefined>;

export const searchCatalog = cached("search", (input: BrowseInput) => publicApi.catalog.search(input));

export const getProduct = cached("product", (slug: string) => publicApi.catalog.product({ slug }));

export const getShop = cached("shop", (input: RouterInputs["catalog"]["shop"]) => publicApi.catalog.shop(input));

export type ShopDirectoryInput = Exclude<RouterInputs["shops"]["directory"], void | undefined>;

export const getShopDirectory = cached("shops", (input: ShopDirectoryInput) => publicApi.shops.directory(input));
