// The security headers of every Bazaar app, in one place. Static ones go on every response
// (next.config's headers()); the Content-Security-Policy carries a fresh nonce per page request
// (security-proxy.ts, each app's proxy.ts), which Next puts on its own inline scripts.
import { getEnv } from "../env";

export type AppName = "storefront" | "seller-console" | "admin-console";

/** Headers for every response of `app` (HSTS is added per request, over https only: see `hsts`). */
export function staticSecurityHeaders(app: AppName): { key: string; value: string }[] {
  const headers = [
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Nothing of Bazaar belongs in someone else's frame; the consoles least of all.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), usb=(), payment=(self), interest-cohort=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (app !== "storefront") headers.push({ key: "X-Robots-Tag", value: "noindex, nofollow" });
  return headers;
}

export interface CspOptions {
  app: AppName;
  /**
   * This response's nonce, or "stored" for a page served from the storefront's page cache: one
   * HTML for every visitor cannot carry a per-request nonce. Such a page allows inline scripts in
   * this header, and carries a second policy of its own in a <meta> tag, put there by the cache
   * as it stores the page (apps/storefront/cache-handler.mjs): `script-src 'self'` and the
   * SHA-256 of each of its inline scripts. A browser enforces both policies, so only those exact
   * scripts run, as with a nonce.
   */
  nonce: string | "stored";
  /** `next dev` needs eval for its fast refresh. */
  dev?: boolean;
}

/** The page's Content-Security-Policy: scripts only with this request's nonce; Stripe's and UploadThing's origins only when they are configured. */
export function contentSecurityPolicy({ app, nonce, dev = false }: CspOptions): string {
  const env = getEnv();
  const script = ["'self'", ...(nonce === "stored" ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`, "'strict-dynamic'"]), ...(dev ? ["'unsafe-eval'"] : [])];
  const connect = ["'self'"];
  const frame: string[] = [];
  const img = ["'self'", "data:", "blob:"];
  if (app === "storefront" && env.STRIPE_PUBLISHABLE_KEY) {
    script.push("https://js.stripe.com");
    connect.push("https://api.stripe.com");
    frame.push("https://js.stripe.com", "https://hooks.stripe.com");
  }
  if (app === "seller-console" && env.UPLOADTHING_TOKEN) {
    connect.push("https://*.uploadthing.com", "https://*.ingest.uploadthing.com");
    img.push("https://utfs.io", "https://*.ufs.sh");
  }
  if (env.UPLOADTHING_TOKEN) img.push("https://utfs.io", "https://*.ufs.sh");
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // React sets style attributes (widths, positions); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${[...new Set(img)].join(" ")}`,
    "font-src 'self'",
    `connect-src ${connect.join(" ")}${dev ? " ws:" : ""}`,
    // 'self': the admin mailbox shows each email in a sandboxed srcdoc frame.
    `frame-src ${["'self'", ...frame].join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    // Forms may post to the apps themselves (sign-in redirects between them).
    `form-action 'self' ${[env.STOREFRONT_URL, env.SELLER_CONSOLE_URL, env.ADMIN_CONSOLE_URL].map((url) => new URL(url).origin).join(" ")}`,
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Strict-Transport-Security for a request that came over https (directly or through a proxy), else null. */
export function hsts(url: URL, headers: Pick<Headers, "get">): string | null {
  const https = url.protocol === "https:" || headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  return https ? "max-age=63072000; includeSubDomains" : null;
}

/**
 * Every security header a stored page's response carries when the proxy answers it (its policy and
 * HSTS) and next.config adds (the static ones): for the storefront's server, which answers stored
 * pages before Next (apps/storefront/server.mjs).
 */
export function storedPageSecurityHeaders(app: AppName, url: URL, headers: Pick<Headers, "get">): [string, string][] {
  const all: [string, string][] = staticSecurityHeaders(app).map(({ key, value }) => [key, value]);
  all.push(["content-security-policy", contentSecurityPolicy({ app, nonce: "stored", dev: process.env.NODE_ENV === "development" })]);
  const transport = hsts(url, headers);
  if (transport) all.push(["strict-transport-security", transport]);
  return all;
}

/** A nonce for one response: 128 random bits. */
export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
