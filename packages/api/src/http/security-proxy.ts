// Each app's proxy (proxy.ts), apart from security-headers.ts because next.config imports that
// one and must not load Next's request runtime.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, hsts, newNonce, type AppName } from "./security-headers";

/**
 * Every page gets a Content-Security-Policy with a nonce of its own; Next reads it from the
 * request's headers and puts it on the scripts it renders (pages are rendered per request).
 * HSTS only over https.
 */
export function securityProxy(app: AppName): (request: NextRequest) => NextResponse {
  return (request) => {
    const csp = contentSecurityPolicy({ app, nonce: newNonce(), dev: process.env.NODE_ENV === "development" });
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set("content-security-policy", csp);
    const transport = hsts(request.nextUrl, request.headers);
    if (transport) response.headers.set("strict-transport-security", transport);
    return response;
  };
}
