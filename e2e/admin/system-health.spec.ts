import { expect } from "@playwright/test";
import { trpcMutation } from "../seller/trpc";
import { appUrl, test } from "../support";
import { adminPage, approvedShop } from "./helpers";

// The whole path of an alert: buyers refused for want of stock (through the storefront's API)
// -> the storefront's per-minute figures -> the worker's system-alerts function each minute ->
// an open alert on the System health page, beside its charts. The storefront saves the minute a
// second after it ends and the rules judge it ten seconds later, so this waits up to ~75 seconds.

test.describe.configure({ timeout: 300_000 });

test("System health shows its charts and an open alert raised by real traffic", async ({ browser }) => {
  const admin = await adminPage(browser);
  const shop = await approvedShop(browser, admin, [{ name: `Health Lamp ${Date.now().toString(36)}`, priceCents: 1900, units: 1 }]);
  const productId = shop.products[0]!.id;

  // One guest holds the only unit; 20 more attempts are refused: 20 of 21 reservations fail.
  const guest = await (await browser.newContext()).newPage();
  expect((await trpcMutation(guest.request, "storefront", "cart.add", { productId, quantity: 1 })).error).toBeUndefined();
  for (let i = 0; i < 20; i++) {
    expect((await trpcMutation(guest.request, "storefront", "cart.add", { productId, quantity: 1 })).error?.code).toBe("CONFLICT");
  }

  await admin.goto(appUrl("admin", "/system-health"));
  await expect(admin.getByRole("heading", { level: 1, name: "System health" })).toBeVisible();
  const alert = admin.getByTestId("open-alerts").getByRole("alert").filter({ hasText: "Stock reservation failures" });
  await expect(async () => {
    await admin.reload();
    await expect(alert).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  await expect(alert).toContainText("threshold: at most 5.00%");

  // Five charts drawn (each a recharts wrapper with its plot), and the rule table marks the breached rule.
  const charts = admin.getByTestId("health-charts").locator(".recharts-wrapper");
  await expect(charts).toHaveCount(5, { timeout: 15_000 });
  await expect(charts.first().locator(".recharts-cartesian-grid")).toBeVisible();
  const rule = admin.getByRole("row").filter({ hasText: "Stock reservation failures" });
  await expect(rule).toContainText("Breached");
  await expect(admin.getByTestId("health-figures")).toContainText("Reservation conflicts");
});
