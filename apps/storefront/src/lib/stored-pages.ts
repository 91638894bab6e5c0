import { listingVariant, NO_VARIANT } from "./page-variant";

// The public pages served from the page cache, and the internal path each is rendered and stored
// under (see page-variant.ts): the listing's state becomes the last path segment.
//   /                      -> /home/_
//   /c/<slug>?<listing>    -> /c/<slug>/<variant>
//   /search?<listing>      -> /search/<variant>
//   /shops/<slug>?<listing>-> /shops/<slug>/<variant>
//   /products/<slug>       -> /products/<slug>/_   (the chosen variant is read by the browser)
const LISTING = /^\/(?:c|shops)\/[^/]+$/;
const PRODUCT = /^\/products\/[^/]+$/;
// Next runs the proxy again for the path it rewrote to: that one is a stored page too (the page
// itself answers 404 for a variant segment the proxy would not have made).
const INTERNAL = /^\/(?:home\/_|products\/[^/]+\/_|(?:c|shops)\/[^/]+\/[^/]+|search\/[^/]+)$/;

/** The internal path of a stored public page, or null for a page rendered per request. */
export function storedPagePath(url: URL): string | null {
  const path = url.pathname;
  if (INTERNAL.test(path)) return path;
  if (path === "/") return `/home/${NO_VARIANT}`;
  if (PRODUCT.test(path)) return `${path}/${NO_VARIANT}`;
  if (path === "/search" || LISTING.test(path)) {
    const variant = listingVariant(url.searchParams);
    // An absurdly long query: an internal path with no page behind it, so a 404.
    return `${path}/${variant ?? "-"}`;
  }
  return null;
}
