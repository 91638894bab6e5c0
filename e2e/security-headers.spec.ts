import { expect, type APIResponse, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { appUrl, type AppName } from "./support/urls";
import { demo } from "./support/users";
import { test } from "./support/test";

// Every app's pages carry the security headers, the pages still work under their CSP (no script
// refused, hydration done), a page that refuses access answers 403, and each app's /api/trpc
// serves only its own areas.

// Per-request pages carry a nonce; the storefront's stored pages (home, listings, search, shop and
// product pages, served from its page cache) cannot: they carry their scripts' hashes instead.
const pages: [AppName, string][] = [
  ["storefront", "/sign-in"],
  ["seller", "/sign-in"],
  ["seller", "/sign-up"],
  ["admin", "/sign-in"],
];
const storedPages = ["/", "/search?q=lamp", "/c/electronics"];

function expectSecurityHeaders(response: APIResponse | null | Awaited<ReturnType<Page["goto"]>>, stored = false) {
  const headers = response!.headers();
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  if (stored) expect(csp).toMatch(/script-src 'self' 'unsafe-inline'(;| https:)/);
  else expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  // Served over http here: no HSTS (it would pin localhost to https).
  expect(headers["strict-transport-security"]).toBeUndefined();
  return csp;
}

for (const [app, path] of pages) {
  test(`${app} ${path}: security headers, and the page runs under its CSP`, async ({ page }) => {
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(appUrl(app, path));
    expect(response?.status()).toBe(200);
    const csp = expectSecurityHeaders(response);
    // A fresh nonce each time.
    const again = await page.request.get(appUrl(app, path));
    expect(again.headers()["content-security-policy"]).not.toBe(csp);
    // Next's scripts carry the nonce and ran: the page is interactive.
    await page.waitForLoadState("networkidle");
    expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
    expect(refused).toEqual([]);
  });
}

for (const path of storedPages) {
  test(`storefront ${path} (stored): security headers, its scripts' hashes, and the page runs under both policies`, async ({ page }) => {
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(appUrl("storefront", path));
    expect(response?.status()).toBe(200);
    expectSecurityHeaders(response, true);
    // The page's own policy, first in its <head>: its inline scripts by hash, none by nonce.
    const policy = /<head><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec((await response?.text()) ?? "")?.[1];
    expect(policy).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')+/);
    expect(await page.locator("script[nonce]").count()).toBe(0);
    await page.waitForLoadState("networkidle");
    expect(refused).toEqual([]);
  });
}

test("the storefront's sign-in works under the CSP", async ({ page }) => {
  await signIn(page, "storefront", demo.buyer);
  await expect(page.getByRole("banner")).toBeVisible();
});

test("a console page that refuses access answers 403 and says why", async ({ page }) => {
  await signIn(page, "admin", demo.buyer);
  const response = await page.goto(appUrl("admin", "/"));
  expect(response?.status()).toBe(403);
  expectSecurityHeaders(response);
  await expect(page.getByTestId("access-refused")).toContainText("cannot open the admin console");

  await signIn(page, "seller", demo.pendingSeller);
  const pending = await page.goto(appUrl("seller", "/"));
  expect(pending?.status()).toBe(403);
  await expect(page.getByTestId("access-refused")).toContainText("Thanks for applying to sell on Bazaar as Pixel Print Co.");
});

test("each app's /api/trpc serves only its own areas", async ({ page }) => {
  await signIn(page, "storefront", demo.admin);
  // An administrator signed in on the storefront cannot reach admin.* through it...
  const viaStorefront = await page.request.get(appUrl("storefront", "/api/trpc/admin.sellers.list?input=%7B%22json%22%3A%7B%7D%7D"));
  expect(viaStorefront.status()).toBe(404);
  // ...while the storefront's own areas answer, and the admin console serves admin.*.
  expect((await page.request.get(appUrl("storefront", "/api/trpc/health.ping"))).status()).toBe(200);
  await signIn(page, "admin", demo.admin);
  expect((await page.request.get(appUrl("admin", "/api/trpc/admin.sellers.list?input=%7B%22json%22%3A%7B%7D%7D"))).status()).toBe(200);
  expect((await page.request.get(appUrl("seller", "/api/trpc/admin.sellers.list?input=%7B%22json%22%3A%7B%7D%7D"))).status()).toBe(404);
});

test("/api/inngest answers 404 with the reason when Inngest is not configured", async ({ request }) => {
  const response = await request.get(appUrl("admin", "/api/inngest"));
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain("not configured");
});
