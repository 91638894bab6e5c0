import "server-only";

import { connection } from "next/server";
import type { RouterInputs } from "@bazaar/api";
import { STOREFRONT_CACHE_TAGS as TAGS } from "@bazaar/api/domain/catalog/cache-tags";
import { metrics } from "@bazaar/api/observability";
import { markPageRead, tagPage } from "./page-tags";
import { publicApi } from "./public-api";

// Public catalog reads. The public pages built on them (home, listings, search, shop and product
// pages) are stored whole in the page cache (cache-handler.mjs) and served from there; these
// reads run only when such a page is rendered: on its first visit, or after a change expired
// it. Each read tags the page with what it shows, so that exactly the pages a change alters
// expire (the table in the storefront README; the tags in @bazaar/api's cache-tags.ts).
// The pages rendered per request (cart, checkout, account) read the category tree too, for the
// header: for them `connection()` keeps `next build`, which has no database, from rendering them;
// a stored page (`dynamic = "force-static"`) passes through it.

function read<A extends unknown[], R>(name: string, load: (...args: A) => Promise<R>, tags: (result: R, ...args: A) => Iterable<string>) {
  // Reads are page-cache misses: a stored page is served without any.
  const misses = metrics().cacheMisses.labels(name);
  const requests = metrics().cacheRequests.labels(name);
  return async (...args: A): Promise<R> => {
    await connection();
    markPageRead();
    requests.inc();
    misses.inc();
    const result = await load(...args);
    tagPage([TAGS.catalog, ...tags(result, ...args)]);
    return result;
  };
}

export const getCategoryTree = read(
  "categories",
  () => publicApi.catalog.categories(),
  () => [],
);

export const getHomePage = read(
  "home",
  () => publicApi.storefront.home(),
  () => [TAGS.listings],
);

export type BrowseInput = Exclude<RouterInputs["catalog"]["search"], void | undefined>;

export const searchCatalog = read(
  "search",
  (input: BrowseInput) => publicApi.catalog.search(input),
  () => [TAGS.listings],
);

export const getProduct = read(
  "product",
  (slug: string) => publicApi.catalog.product({ slug }),
  // Its shop's name, shipping terms and status show on it, and so do its related products.
  (product) => [TAGS.product(product.id), TAGS.shop(product.seller.id), ...product.related.map((related) => TAGS.product(related.id))],
);

export const getShop = read(
  "shop",
  (input: RouterInputs["catalog"]["shop"]) => publicApi.catalog.shop(input),
  ({ seller }) => [TAGS.shop(seller.id), TAGS.listings],
);

export type ShopDirectoryInput = Exclude<RouterInputs["shops"]["directory"], void | undefined>;

export const getShopDirectory = read(
  "shops",
  (input: ShopDirectoryInput) => publicApi.shops.directory(input),
  () => [TAGS.listings],
);
