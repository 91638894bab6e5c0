// Each app's proxy (proxy.ts), apart from security-headers.ts because next.config imports that
// one and must not load Next's request runtime.
import { NextResponse, type NextRequest } from "next/server";
import { DATABASE_UNAVAILABLE_MESSAGE, databaseIsDown } from "@bazaar/db/availability";
import { DATABASE_RETRY_AFTER_SECONDS } from "../errors";
import { contentSecurityPolicy, hsts, newNonce, staticSecurityHeaders, type AppName } from "./security-headers";

/**
 * Every page rendered per request gets a Content-Security-Policy with a nonce of its own; Next
 * reads it from the request's headers and puts it on the scripts it renders. A page served from
 * the storefront's page cache (`storedPage` names its internal path, the proxy rewrites to it)
 * gets the policy for stored pages instead (see CspOptions.nonce).
 * HSTS only over https. While the database is away, pages answer 503 with a page that says so
 * (every page needs it), until a connection works again.
 */
export function securityProxy(
  app: AppName,
  options: {
    storedPage?: (url: URL) => string | null;
    /** Answers a stored page's request itself when it can (the storefront's serve-stored.ts); null lets Next. */
    serveStored?: (storedPath: string, request: NextRequest) => Promise<Response | null>;
  } = {},
): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const stored = options.storedPage?.(request.nextUrl) ?? null;
    const csp = contentSecurityPolicy({ app, nonce: stored ? "stored" : newNonce(), dev: process.env.NODE_ENV === "development" });
    let response: Response;
    if (await databaseIsDown()) {
      response = new NextResponse(unavailablePage(request.nextUrl.pathname + request.nextUrl.search), {
        status: 503,
        headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
      });
      for (const { key, value } of staticSecurityHeaders(app)) response.headers.set(key, value);
    } else if (stored) {
      // Next runs the proxy again for the path it rewrote to, which is then served as it is.
      response =
        (await options.serveStored?.(stored, request)) ??
        (stored === request.nextUrl.pathname ? NextResponse.next() : NextResponse.rewrite(new URL(stored, request.url)));
    } else {
      const headers = new Headers(request.headers);
      headers.set("content-security-policy", csp);
      response = NextResponse.next({ request: { headers } });
    }
    response.headers.set("content-security-policy", csp);
    const transport = hsts(request.nextUrl, request.headers);
    if (transport) response.headers.set("strict-transport-security", transport);
    return response;
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page without scripts or the app's styles (neither needs the database, but this must not fail). */
function unavailablePage(retryPath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Back in a moment · Bazaar</title>
<style>body{margin:0;font-family:system-ui,sans-serif;color:#0f172a;background:#f8fafc}main{max-width:32rem;margin:15vh auto;padding:0 1.5rem;text-align:center}h1{font-size:1.5rem}a{display:inline-block;margin-top:1rem;padding:.6rem 1.2rem;border-radius:.4rem;background:#0f172a;color:#fff;text-decoration:none}</style>
</head>
<body>
<main>
<h1>Back in a moment</h1>
<p data-testid="database-unavailable">${escapeHtml(DATABASE_UNAVAILABLE_MESSAGE)}</p>
<p>Your cart and orders are safe.</p>
<a href="${escapeHtml(retryPath)}">Try again</a>
</main>
</body>
</html>
`;
}
