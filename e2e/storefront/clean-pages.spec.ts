import { expect, type Page } from "@playwright/test";
import { addToCart } from "./helpers";
import { test } from "../support/test";

// The storefront's main pages, as a newcomer meets them in simulator mode (no Stripe keys): no
// console errors (hydration mismatches included), no uncaught exceptions, and no request to
// anything outside this machine (Stripe.js, fonts, analytics would all fail offline).
test.describe.configure({ timeout: 180_000 });

function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${new URL(page.url()).pathname} console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${new URL(page.url()).pathname} exception: ${error.message}`));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol)) return;
    if (!["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) problems.push(`outside request: ${request.url()}`);
  });
  return problems;
}

test("home, listings, search, product, shops, cart and checkout log no errors and ask nothing of the outside world", async ({ page }) => {
  const problems = watch(page);
  const visit = async (path: string, ready: () => Promise<void>) => {
    await page.goto(path);
    await ready();
    // Hydration and the client islands (header, stock, hearts) have run once the network is quiet.
    await page.waitForLoadState("networkidle");
  };
  await visit("/", () => expect(page.getByRole("banner")).toBeVisible());
  await visit("/c/electronics", () => expect(page.getByRole("heading", { level: 1 })).toBeVisible());
  await visit("/search?q=hedphones", () => expect(page.getByRole("heading", { level: 1 })).toBeVisible());
  await visit("/shops", () => expect(page.getByTestId("shop-directory")).toBeVisible());
  await visit("/shops/northwind-audio", () => expect(page.getByRole("heading", { level: 1, name: "Northwind Audio" })).toBeVisible());
  await addToCart(page, "relay-pocket-dac", "Relay Pocket DAC");
  await page.waitForLoadState("networkidle");
  await visit("/cart", () => expect(page.getByTestId("cart-line")).toHaveCount(1));
  await visit("/checkout", () => expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible());
  await visit("/sign-in", () => expect(page.getByRole("button", { name: "Sign in" })).toBeVisible());
  expect(problems).toEqual([]);
});
