import "server-only";

import { cacheLife, cacheTag } from "next/cache";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { RouterInputs } from "@bazaar/api";
import { STOREFRONT_CACHE_TAGS as TAGS } from "@bazaar/api/domain/storefront/cache";
import { isBadRequest, isNotFound } from "~/lib/not-found";
import { publicApi } from "./public-api";

// Public catalog reads, shared by every visitor and cached across requests ("use cache"), and so
// are the pages rendered from them: a page that reads only cached data and its URL's path is
// stored whole after its first visit and served from there. Every entry carries the `catalog`
// tag: a change to a product, its price or its stock in any process expires them all (and the
// pages built on them) through POST /api/revalidate (see revalidateStorefront in the API). The
// time limit is a safety net for a missed call and bounds how stale stock badges on listings
// get, since carts change availability without telling anyone. One coarse tag is enough:
// expiry is lazy, a page is recomputed on its next visit.
// `stale` is at least 30 s and `expire` at least 5 minutes, or Next would leave these reads out
// of stored pages and render them on every request.
const CATALOG_LIFE = { stale: 30, revalidate: 60, expire: 3600 };

/**
 * `next build` has no database: there, every catalog read waits for a request instead (the
 * page keeps a Suspense fallback in its build output, and is rendered whole on its first visit).
 */
async function notDuringBuild() {
  if (process.env.NEXT_PHASE === "phase-production-build") await connection();
}

// Errors do not come out of a cache as they went in, so the API's "not found" and "bad input"
// become null inside it.
async function orNull<T>(read: Promise<T>, expected: (error: unknown) => boolean): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (expected(error)) return null;
    throw error;
  }
}

async function categories() {
  "use cache";
  cacheTag(TAGS.catalog);
  cacheLife(CATALOG_LIFE);
  return publicApi.catalog.categories();
}

export async function getCategoryTree() {
  await notDuringBuild();
  return categories();
}

async function home() {
  "use cache";
  cacheTag(TAGS.catalog);
  cacheLife(CATALOG_LIFE);
  return publicApi.storefront.home();
}

export async function getHomePage() {
  await notDuringBuild();
  return home();
}

export type BrowseInput = Exclude<RouterInputs["catalog"]["search"], void | undefined>;

async function search(input: BrowseInput) {
  "use cache";
  cacheTag(TAGS.catalog);
  cacheLife(CATALOG_LIFE);
  return orNull(publicApi.catalog.search(input), isBadRequest);
}

/** A listing's page of products, or null when its input is no longer valid (a stale cursor). */
export async function searchCatalog(input: BrowseInput) {
  await notDuringBuild();
  return search(input);
}

async function product(slug: string) {
  "use cache";
  cacheTag(TAGS.catalog);
  cacheLife(CATALOG_LIFE);
  const found = await orNull(publicApi.catalog.product({ slug }), isNotFound);
  if (found) cacheTag(TAGS.product(found.id));
  return found;
}

/** A product's page data; a 404 when there is no such product for sale. */
export async function getProduct(slug: string) {
  await notDuringBuild();
  return (await product(slug)) ?? notFound();
}

async function shop(input: RouterInputs["catalog"]["seller"]) {
  "use cache";
  cacheTag(TAGS.catalog);
  cacheLife(CATALOG_LIFE);
  return orNull(publicApi.catalog.seller(input), isNotFound);
}

/** A shop's page data; a 404 when there is no such approved shop. */
export async function getShop(input: RouterInputs["catalog"]["seller"]) {
  await notDuringBuild();
  return (await shop(input)) ?? notFound();
}
