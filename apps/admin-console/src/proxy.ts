import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, hsts, newNonce } from "@bazaar/api/http/security-headers";

/**
 * Every page gets a Content-Security-Policy with a nonce of its own; Next reads it from the
 * request's headers and puts it on the scripts it renders (pages are rendered per request).
 */
export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy({ app: "admin-console", nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  const transport = hsts(request.nextUrl, request.headers);
  if (transport) response.headers.set("strict-transport-security", transport);
  return response;
}

export const config = {
  // Pages only: API routes, media and Next's static files carry no inline scripts.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|media/|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
