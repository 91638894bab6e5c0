import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, newIdentity, signIn, signUpBuyer } from "../support";
import { ok, trpcMutation, trpcQuery } from "../seller/trpc";

// Steps the storefront journeys share. Each journey makes its own buyer (and, where it needs
// scarce stock, its own product), so journeys never depend on each other or on run order.

export const CARDS = { success: "4242 4242 4242 4242", decline: "4000 0000 0000 0002" } as const;

/** A full-page screenshot in the test's report, kept whether the test passes or not. */
export async function snapshot(page: Page, name: string) {
  await test.info().attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

/** A new buyer account, signed in on `page`. */
export async function newBuyer(page: Page) {
  const buyer = newIdentity("shopper");
  await signUpBuyer(page, buyer);
  return buyer;
}

/** Opens a product page and adds `quantity` with the stepper and the button, waiting for the cart's answer. */
export async function addToCart(page: Page, slug: string, name: string, quantity = 1) {
  await page.goto(`/products/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  for (let i = 1; i < quantity; i++) await page.getByRole("button", { name: `Increase quantity of ${name}` }).click();
  await expect(page.getByTestId("quantity")).toHaveText(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added ${quantity} to your cart` })).toBeVisible();
}

/** The checkout's new-address form, for a buyer without saved addresses. */
export async function enterAddress(page: Page) {
  const form = page.getByRole("form", { name: "Shipping address" });
  await form.getByLabel("Full name").fill("Robin Tester");
  await form.getByLabel("Address line 1").fill("500 Market Street");
  await form.getByLabel("City").fill("Portland");
  await form.getByLabel("State / region (optional)").fill("OR");
  await form.getByLabel("Postal code").fill("97201");
  await form.getByLabel("Country").selectOption("US");
  await form.getByRole("button", { name: "Use this address" }).click();
  await expect(page.getByText("Robin Tester, 500 Market Street")).toBeVisible();
}

/** From the cart (or anywhere): checkout with a new address, up to the payment form. */
export async function checkoutToPayment(page: Page) {
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await enterAddress(page);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("heading", { name: "Payment" })).toBeVisible();
}

export async function pay(page: Page, card: string) {
  await page.getByLabel("Card number").fill(card);
  await page.getByRole("button", { name: /^Pay \$/ }).click();
}

/**
 * A product of its own with exactly `units` in stock, made through the seller console's API by
 * a demo seller: create, stock its first warehouse, publish.
 */
export async function productWithStock(browser: Browser, units: number, priceCents = 3900) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "seller", demo.outdoorSeller);
  const suffix = newIdentity().suffix;
  const name = `Last Lantern ${suffix}`;
  const product = await ok<{ id: string; slug: string }>(
    trpcMutation(page.request, "seller", "catalog.create", { name, sku: `LAST-${suffix}`.toUpperCase(), priceCents, description: "One left." }),
  );
  const warehouses = await ok<{ id: string }[]>(trpcQuery(page.request, "seller", "inventory.warehouses"));
  await ok(trpcMutation(page.request, "seller", "inventory.setOnHand", { productId: product.id, warehouseId: warehouses[0]!.id, onHand: units, version: 0 }));
  await ok(trpcMutation(page.request, "seller", "catalog.publish", { id: product.id }));
  await context.close();
  return { ...product, name };
}

/** The demo seller edits a product's price through the seller console's API. */
export async function changePrice(browser: Browser, productId: string, priceCents: number) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "seller", demo.outdoorSeller);
  await ok(trpcMutation(page.request, "seller", "catalog.update", { id: productId, priceCents }));
  await context.close();
}
