import { expect } from "@playwright/test";
import { CARDS, addToCart, checkoutToPayment, newBuyer, pay } from "../storefront/helpers";
import { appUrl, test } from "../support";
import { adminPage, approvedShop } from "./helpers";

test.describe.configure({ timeout: 300_000 });

test("an administrator creates a promo code, a buyer uses it at checkout, and its use is counted", async ({ browser, page }) => {
  const admin = await adminPage(browser);
  const code = `E2E${Date.now().toString(36).toUpperCase()}`;
  const shop = await approvedShop(browser, admin, [{ name: `Promo Teapot ${code}`, priceCents: 5000, units: 5 }]);
  const teapot = shop.products[0]!;

  await admin.goto(appUrl("admin", "/promotions"));
  const form = admin.getByRole("form", { name: "New promo code" });
  await form.getByLabel("Code").fill(code.toLowerCase());
  await form.getByLabel("Description").fill("Twenty percent off, for the e2e suite");
  await form.getByLabel("Percent off").fill("abc");
  await form.getByRole("button", { name: "Create promo code" }).click();
  await expect(form.getByText("Enter a percentage such as 15.")).toBeVisible();
  await form.getByLabel("Percent off").fill("20");
  await form.getByLabel("Usage limit").fill("3");
  await form.getByRole("button", { name: "Create promo code" }).click();
  const row = admin.getByTestId(`promo-row-${code}`);
  await expect(row).toContainText("20% off");
  await expect(row).toContainText("Active");
  await expect(row.getByTestId("promo-uses")).toHaveText("0 / 3");

  // A buyer uses it on the storefront.
  await newBuyer(page);
  await addToCart(page, teapot.slug, teapot.name);
  await page.goto("/cart");
  await page.getByLabel("Promo code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("applied-promo")).toContainText(code);
  await expect(page.getByTestId("discount")).toHaveText("−$10.00");
  await checkoutToPayment(page);
  await pay(page, CARDS.success);
  await expect(page.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();

  // Counted, with the discount it gave.
  await admin.goto(appUrl("admin", `/promotions?q=${code}`));
  await expect(row.getByTestId("promo-uses")).toHaveText("1 / 3");
  await expect(row).toContainText("$10.00");

  // Expired by the administrator, it stops working.
  await row.getByRole("button", { name: `Expire now: ${code}` }).click();
  await admin
    .getByRole("dialog", { name: `Expire ${code} now?` })
    .getByRole("button", { name: "Expire code" })
    .click();
  await expect(row).toContainText("Expired");
});
