// The apps' addresses, shifted by BAZAAR_PORT_OFFSET like scripts/start.ts shifts their ports.
export const portOffset = Number(process.env.BAZAAR_PORT_OFFSET ?? 0);

export type AppName = "storefront" | "seller" | "admin" | "storefront2";

export function appUrls(offset = portOffset): Record<AppName, string> {
  return {
    storefront: `http://localhost:${3000 + offset}`,
    seller: `http://localhost:${3001 + offset}`,
    admin: `http://localhost:${3002 + offset}`,
    // The second storefront instance (scripts/start.ts --storefronts 2), sharing the page cache.
    storefront2: `http://localhost:${3003 + offset}`,
  };
}

/** An absolute URL on one of the apps: appUrl("admin", "/sign-in"). */
export function appUrl(app: AppName, path = "/"): string {
  return new URL(path, appUrls()[app]).toString();
}

/** Where the e2e run's start script keeps everything it printed (scripts/start.ts --log). */
export const startLog = `.data/e2e-start-${portOffset}.log`;
