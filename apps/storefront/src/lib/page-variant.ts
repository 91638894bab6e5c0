import { listingHref, parseListing, type RawSearchParams } from "./listing-params";

// Public pages are stored whole in the page cache, keyed by their path, and a stored page cannot
// read its query string. So the proxy (src/proxy.ts) rewrites each public URL to an internal path
// that carries the listing's state as its last segment: `/c/shoes?sort=price_asc&junk=1` is
// rendered and stored as `/c/shoes/<variant>`, where <variant> is the canonical query (the
// listing's own parameters only, in one order) in base64url, and `_` for none. Two URLs that
// show the same listing share one stored page; parameters no page reads (utm_..., _rsc) do not
// make new ones.

export const NO_VARIANT = "_";

/** Canonical queries longer than this are not stored (the proxy answers 404): no real link is as long. */
const MAX_VARIANT_LENGTH = 4096;

/** The variant segment of a listing URL's query, or null when it is too long to be a real one. */
export function listingVariant(search: URLSearchParams): string | null {
  const raw: RawSearchParams = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    raw[key] = values.length > 1 ? values : values[0];
  }
  const query = listingHref("", parseListing(raw)).replace(/^\?/, "");
  if (!query) return NO_VARIANT;
  const variant = Buffer.from(query).toString("base64url");
  return variant.length <= MAX_VARIANT_LENGTH ? variant : null;
}

/** The search parameters a variant segment stands for (an unknown or malformed one reads as none). */
export function variantParams(variant: string): RawSearchParams {
  if (variant === NO_VARIANT || !/^[A-Za-z0-9_-]{1,4096}$/.test(variant)) return {};
  const search = new URLSearchParams(Buffer.from(variant, "base64url").toString("utf8"));
  const raw: RawSearchParams = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    raw[key] = values.length > 1 ? values : values[0];
  }
  return raw;
}

/** The listing parameters of a stored page's variant segment, or null for a segment the proxy never makes (a 404). */
export function storedListingParams(variant: string): RawSearchParams | null {
  const raw = variantParams(variant);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, one);
  return listingVariant(search) === variant ? raw : null;
}
