import { expect, type APIRequestContext } from "@playwright/test";
import { adminPage, approvedShop } from "../admin/helpers";
import { ok, trpcMutation, trpcQuery } from "../seller/trpc";
import { appUrls, newIdentity, test } from "../support";

// The storefront's public pages are stored whole and served from the page cache, shared in
// Redis by two storefront instances (scripts/start.ts --storefronts 2). A change made through
// the seller console or the admin console must show on BOTH instances on the first request after
// it commits. No retries and no polling: an expiry that holds only on a second try fails here.
test.describe.configure({ retries: 0, timeout: 300_000 });

const instances = [appUrls().storefront, appUrls().storefront2];

async function fetchPage(request: APIRequestContext, base: string, path: string) {
  const response = await request.get(new URL(path, base).toString(), { maxRedirects: 0 });
  return { status: response.status(), html: await response.text(), cache: response.headers()["x-nextjs-cache"] };
}

/** The first request on each instance: what every visitor gets from then on. */
async function onBoth(request: APIRequestContext, path: string) {
  return Promise.all(instances.map((base) => fetchPage(request, base, path)));
}

test("price, stock, unlisting and suspension through the consoles show on both instances at the first request", async ({ browser, request }) => {
  const admin = await adminPage(browser);
  const { suffix } = newIdentity();
  const shop = await approvedShop(browser, admin, [
    { name: `Cache Lamp ${suffix}`, priceCents: 3900, units: 5 },
    { name: `Cache Stool ${suffix}`, priceCents: 2500, units: 3 },
  ]);
  const [lamp, stool] = shop.products as [(typeof shop.products)[number], (typeof shop.products)[number]];
  const lampPage = `/products/${lamp.slug}`;
  const stoolPage = `/products/${stool.slug}`;
  const search = `/search?q=${encodeURIComponent(`Cache ${suffix}`)}`;
  const shopPage = `/shops/${shop.shop.slug}`;
  const seller = shop.sellerPage.request;

  // Both instances serve the stored pages: a second visit is a cache hit, on each of them.
  for (const path of [lampPage, stoolPage, search, shopPage]) {
    await onBoth(request, path);
    for (const page of await onBoth(request, path)) {
      expect(page.status, path).toBe(200);
      expect(page.cache, path).toBe("HIT");
    }
  }
  for (const page of await onBoth(request, lampPage)) expect(page.html).toContain("$39.00");

  // A price change in the seller console.
  await ok(trpcMutation(seller, "seller", "catalog.update", { id: lamp.id, priceCents: 4500 }));
  for (const page of await onBoth(request, lampPage)) {
    expect(page.html).toContain("$45.00");
    expect(page.html).not.toContain("$39.00");
  }
  for (const page of await onBoth(request, search)) expect(page.html).toContain("$45.00");
  for (const page of await onBoth(request, shopPage)) expect(page.html).toContain("$45.00");

  // Stock to zero in the seller console (its one warehouse row, changed once already).
  const rows = await ok<{ items: { warehouseId: string; version: number }[] }>(trpcQuery(seller, "seller", "inventory.list", { productId: lamp.id }));
  const row = rows.items[0]!;
  await ok(trpcMutation(seller, "seller", "inventory.setOnHand", { productId: lamp.id, warehouseId: row.warehouseId, onHand: 0, version: row.version }));
  for (const page of await onBoth(request, lampPage)) expect(page.html).toContain("Out of stock");

  // An administrator unlists the stool: its page is gone and it leaves the listings.
  await ok(trpcMutation(admin.request, "admin", "catalog.unlist", { id: stool.id, reason: "Copied photos." }));
  for (const page of await onBoth(request, stoolPage)) expect(page.status).toBe(404);
  for (const page of await onBoth(request, search)) expect(page.html).not.toContain(stool.name);

  // An administrator suspends the shop: its product page answers 404, its shop page too, and
  // its products leave search.
  await ok(trpcMutation(admin.request, "admin", "admin.sellers.suspend", { sellerId: shop.sellerId, reason: "Listings copied from another shop." }));
  for (const page of await onBoth(request, lampPage)) expect(page.status).toBe(404);
  for (const page of await onBoth(request, shopPage)) expect(page.status).toBe(404);
  for (const page of await onBoth(request, search)) expect(page.html).not.toContain(lamp.name);

  // Reinstated: back everywhere, at once.
  await ok(trpcMutation(admin.request, "admin", "admin.sellers.reinstate", { sellerId: shop.sellerId }));
  for (const page of await onBoth(request, lampPage)) {
    expect(page.status).toBe(200);
    expect(page.html).toContain("$45.00");
  }
  for (const page of await onBoth(request, search)) expect(page.html).toContain(lamp.name);
});

test("a stored page runs under its own hash policy: no nonce, no script refused", async ({ page, request }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) refused.push(message.text());
  });
  for (const path of ["/", "/search?q=lamp"]) {
    await request.get(new URL(path, instances[0]).toString());
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'unsafe-inline'/);
    const policy = /<head><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec((await response?.text()) ?? "")?.[1];
    expect(policy).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+/);
    await page.waitForLoadState("networkidle");
    expect(refused).toEqual([]);
  }
  // A script the page did not bring is refused.
  const injected = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(injected).toBe(false);
  expect(refused.length).toBeGreaterThan(0);
});
