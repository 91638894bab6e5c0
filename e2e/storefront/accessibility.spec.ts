import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { addToCart, enterAddress, newBuyer } from "./helpers";

// axe on the main pages: no serious or critical violations of the WCAG 2.1 A and AA rules.
// One test per pair of pages: axe takes a while on a full page, and each test keeps its own time.
async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `${name} has accessibility violations`,
  ).toEqual([]);
}

test.describe.configure({ timeout: 180_000 });

test("home and a category listing", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("product-grid")).toBeVisible();
  await expectAccessible(page, "home");

  await page.goto("/c/audio?stock=1");
  await expect(page.getByRole("heading", { level: 1, name: "Audio" })).toBeVisible();
  await expectAccessible(page, "listing");
});

test("a product page after adding to the cart, and the cart", async ({ page }) => {
  await addToCart(page, "glide-wireless-mouse", "Glide Wireless Mouse");
  await expectAccessible(page, "product");

  await page.goto("/cart");
  await expect(page.getByTestId("reservation-timer")).toBeVisible();
  await expectAccessible(page, "cart");
});

test("a product page with option pickers, on a sold-out combination", async ({ page }) => {
  await page.goto("/products/summit-organic-cotton-hoodie?Size=XL&Colour=Blue");
  await expect(page.getByRole("group", { name: /^Size/ }).getByRole("radio", { name: "XL, sold out", exact: true })).toBeChecked();
  await expect(page.getByTestId("stock")).toHaveText("Out of stock in XL / Blue");
  await expectAccessible(page, "product with options");
});

test("checkout: the address step and the payment step", async ({ page }) => {
  await newBuyer(page);
  await addToCart(page, "glide-vertical-ergonomic-mouse", "Glide Vertical Ergonomic Mouse");
  await page.goto("/checkout");
  await expect(page.getByRole("form", { name: "Shipping address" })).toBeVisible();
  await expectAccessible(page, "checkout (address)");

  await enterAddress(page);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByLabel("Card number")).toBeVisible();
  await expectAccessible(page, "checkout (payment)");
});
