import { expect } from "@playwright/test";
import { appUrl, expectAccessible, test } from "../support";
import { adminPage, approvedShop, paidOrder } from "./helpers";

// Every console page renders for an administrator at desktop and phone widths: a heading, no
// sideways scrolling of the page itself (wide tables scroll inside their own box), and no serious
// accessibility violations. Screenshots land in the test's output folder for a person to look at.

const PAGES = [
  { path: "/", heading: "Overview" },
  { path: "/sellers", heading: "Sellers" },
  { path: "/users", heading: "Users" },
  { path: "/catalog", heading: "Catalog" },
  { path: "/categories", heading: "Categories" },
  { path: "/orders", heading: "Orders" },
  { path: "/money", heading: "Money" },
  { path: "/money/transactions", heading: "Money" },
  { path: "/money/payouts", heading: "Money" },
  { path: "/returns", heading: "Returns" },
  { path: "/promotions", heading: "Promotions" },
  { path: "/loyalty", heading: "Loyalty" },
  { path: "/audit", heading: "Audit log" },
  { path: "/settings", heading: "Settings" },
  { path: "/system-health", heading: "System health" },
] as const;

test.describe.configure({ timeout: 300_000 });

// One paid order of its own, so the dashboard, orders and ledger pages have something to show.
test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await adminPage(browser);
  const shop = await approvedShop(browser, admin, [
    {
      name: `Pages Clock ${Date.now().toString(36)}`,
      priceCents: 2500,
      units: 3,
    },
  ]);
  await paidOrder(browser, [{ productId: shop.products[0]!.id, quantity: 1 }]);
});

for (const width of [1280, 375]) {
  test(`every console page renders at ${width}px without page-level sideways scroll`, async ({ browser }, testInfo) => {
    const page = await adminPage(browser);
    await page.setViewportSize({ width, height: 900 });
    for (const { path, heading } of PAGES) {
      await page.goto(appUrl("admin", path));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
      if (width === 1280) await expectAccessible(page, path);
      await page.screenshot({
        path: testInfo.outputPath(`${width}${path.replaceAll("/", "_") || "_home"}.png`),
        fullPage: true,
      });
    }
  });
}
