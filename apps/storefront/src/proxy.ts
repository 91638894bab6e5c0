import { securityProxy } from "@bazaar/api/http/security-proxy";
import { serveStoredPage } from "./lib/serve-stored";
import { storedPagePath } from "./lib/stored-pages";

export const proxy = securityProxy("storefront", { storedPage: storedPagePath, serveStored: serveStoredPage });

// Stays here: Next reads the matcher from each app's own file at build time.
export const config = {
  // Pages only: API routes, media and Next's static files carry no inline scripts. Prefetches
  // too: a stored page's prefetch must be rewritten to the same stored page as its visit.
  matcher: ["/((?!api/|_next/static|_next/image|media/|favicon.ico).*)"],
};
