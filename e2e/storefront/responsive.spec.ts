import { expect, type Page } from "@playwright/test";
import { addToCart, newBuyer, snapshot } from "./helpers";
import { test } from "../support/test";

// The storefront on a 375 px phone: every main page fits the screen (nothing scrolls sideways;
// wide content wraps or scrolls in its own box), the categories open from the header, and a
// buyer can get from a listing to the checkout. Screenshots go into the report.

test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });
test.describe.configure({ timeout: 180_000 });

async function expectFitsPhone(page: Page, name: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at 375px`).toBeLessThanOrEqual(0);
  await snapshot(page, `375px ${name}`);
}

test("browsing pages fit a 375px screen and the category menu opens", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("product-grid")).toBeVisible();
  await expectFitsPhone(page, "home");

  const categories = page.getByRole("button", { name: "Categories" });
  await categories.click();
  await expect(categories).toHaveAttribute("aria-expanded", "true");
  await page
    .getByRole("navigation", { name: "All categories" })
    .getByRole("link", { name: /^Audio \(\d+\)$/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Audio" })).toBeVisible();
  await expectFitsPhone(page, "listing");

  await page.goto("/search?q=mouse");
  await expect(page.getByRole("heading", { level: 1, name: "Results for “mouse”" })).toBeVisible();
  await expectFitsPhone(page, "search");

  await page.goto("/shops/northwind-audio");
  await expect(page.getByRole("heading", { level: 1, name: "Northwind Audio" })).toBeVisible();
  await expectFitsPhone(page, "shop");
});

test("a buyer on a phone: product, cart, checkout and orders fit the screen", async ({ page }) => {
  await newBuyer(page);
  await addToCart(page, "glide-wireless-mouse", "Glide Wireless Mouse");
  await expectFitsPhone(page, "product");

  await page.goto("/cart");
  await expect(page.getByTestId("reservation-timer")).toBeVisible();
  await expectFitsPhone(page, "cart");

  await page.goto("/checkout");
  await expect(page.getByRole("form", { name: "Shipping address" })).toBeVisible();
  await expectFitsPhone(page, "checkout");

  await page.goto("/account/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  await expectFitsPhone(page, "orders");
});
