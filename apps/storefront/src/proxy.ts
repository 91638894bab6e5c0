import { securityProxy } from "@bazaar/api/http/security-proxy";

export const proxy = securityProxy("storefront");

// Stays here: Next reads the matcher from each app's own file at build time.
export const config = {
  // Pages only: API routes, media and Next's static files carry no inline scripts.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|media/|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
