import { securityProxy } from "@bazaar/api/http/security-proxy";
import { offerStoredPagesToServer, serveStoredPage } from "./lib/serve-stored";
import { storedPagePath } from "./lib/stored-pages";

export const proxy = securityProxy("storefront", { storedPage: storedPagePath, serveStored: serveStoredPage });

// From now on the storefront's server (server.mjs) answers stored pages before Next does.
offerStoredPagesToServer();

// Stays here: Next reads the matcher from each app's own file at build time.
export const config = {
  // Pages only: API routes, media and Next's static files carry no inline scripts. Prefetches
  // too: a stored page's prefetch must be rewritten to the same stored page as its visit.
  matcher: ["/((?!api/|_next/static|_next/image|media/|favicon.ico).*)"],
};
