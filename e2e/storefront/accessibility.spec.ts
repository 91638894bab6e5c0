import { expect } from "@playwright/test";
import { expectAccessible, test } from "../support";
import { addToCart, enterAddress, newBuyer } from "./helpers";

// axe on the main pages and the account pages: no serious or critical violations of the WCAG 2.1 A and AA rules.
// One test per pair of pages: axe takes a while on a full page, and each test keeps its own time.

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

// The account pages of issue 15, in the states people meet (no mailbox trip: accounts.spec.ts
// follows the emailed links; here an unknown token gives each page its error state).
test("forgot password (asked, then sent) and reset password (its form, and a link that does not work)", async ({ page }) => {
  await page.goto("/forgot-password");
  await expect(page.getByRole("button", { name: "Email me a link" })).toBeVisible();
  await expectAccessible(page, "forgot password");
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText("If an account uses that address, a link to reset its password is on its way.")).toBeVisible();
  await expectAccessible(page, "forgot password (sent)");

  await page.goto("/reset-password?token=not-a-real-token-for-anyone-0000");
  await expect(page.getByLabel("New password")).toBeVisible();
  await expectAccessible(page, "reset password");
  await page.getByLabel("New password").fill("a long enough password");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByText("This link was already used or is not valid. Ask for a new one.")).toBeVisible();
  await expectAccessible(page, "reset password (link refused)");
});

test("verify email (a link that does not work) and change password (its form, and a wrong current password)", async ({ page }) => {
  await page.goto("/verify-email?token=not-a-real-token-for-anyone-0000");
  await expect(page.getByText("We could not confirm your email")).toBeVisible();
  await expectAccessible(page, "verify email");

  await newBuyer(page);
  await page.goto("/account/password");
  await expect(page.getByRole("heading", { level: 1, name: "Password" })).toBeVisible();
  await expectAccessible(page, "change password");
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not right.").first()).toBeVisible();
  await expectAccessible(page, "change password (refused)");
});
