import { expect } from "@playwright/test";
import { addToCart, CARDS, checkoutToPayment, enterAddress, newBuyer, pay, snapshot } from "./helpers";
import { test } from "../support/test";

// The buyer's journeys through search, product page, cart and checkout on the demo catalog,
// paying with Stripe's test cards through the local payment simulator.

// Whole journeys through several pages on a machine shared with three apps and a database.
test.describe.configure({ timeout: 120_000 });

test("search with a typo, filter, add 2, promo code, pay, see the confirmed order and its timeline", async ({ page }) => {
  await newBuyer(page);
  const product = "Aria Wireless Over-Ear Headphones";

  // Search as you type, with a typo; the suggestions already find it.
  await page.goto("/");
  const search = page.getByRole("combobox", { name: "Search products" });
  await search.fill("headphnes");
  await expect(page.getByRole("option", { name: new RegExp(product) })).toBeVisible();
  await search.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Results for “headphnes”" })).toBeVisible();
  const results = page.getByTestId("product-grid");
  await expect(results.getByRole("link", { name: product })).toBeVisible();

  // Filters live in the URL: in stock only, then a price band.
  await page.getByLabel("In stock only").check();
  await expect(page).toHaveURL(/[?&]stock=1/);
  await page.getByRole("link", { name: /\$100 to \$250/ }).click();
  await expect(page).toHaveURL(/min=100&max=249/);
  await expect(page.getByRole("link", { name: /\$100 to \$250/ })).toHaveAttribute("aria-current", "true");
  await expect(results.getByRole("listitem")).toHaveCount(3);
  await results.getByRole("link", { name: product }).click();

  // Product page: availability, quantity 2, add with instant feedback in the header.
  await expect(page.getByRole("heading", { level: 1, name: product })).toBeVisible();
  await expect(page.getByTestId("stock")).toHaveText("In stock");
  await page.getByRole("button", { name: `Increase quantity of ${product}` }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 2 to your cart" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart with 2 items" })).toBeVisible();

  // Cart: the hold timer, then the promo code.
  await page.getByRole("link", { name: "View cart" }).click();
  await expect(page.getByTestId("reservation-timer")).toContainText(/Held for you for 1[45]:\d\d/);
  await expect(page.getByTestId("cart-line")).toContainText(product);
  await page.getByLabel("Promo code").fill("welcome10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("applied-promo")).toContainText("WELCOME10");
  await expect(page.getByTestId("discount")).toHaveText("−$49.80");
  await snapshot(page, "cart with hold timer and promo");

  // Checkout with a new address, pay with the test card.
  await page.getByRole("link", { name: "Check out" }).click();
  await enterAddress(page);
  await expect(page.getByTestId("order-totals").getByTestId("discount")).toHaveText("−$49.80");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await pay(page, CARDS.success);
  await expect(page.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart with 0 items" })).toBeVisible();
  await snapshot(page, "order confirmed");

  // The order in the history, with its timeline.
  const number = (await page.getByTestId("order-state").textContent())?.match(/#(\d+)/)?.[1];
  expect(number).toBeTruthy();
  await page.goto("/account/orders");
  const row = page
    .getByTestId("order-list")
    .getByRole("listitem")
    .filter({ hasText: `Order #${number}` });
  await expect(row).toContainText("Confirmed");
  await row.getByRole("link", { name: `Order #${number}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();
  const timeline = page.getByTestId("order-timeline");
  await expect(timeline.getByRole("listitem").filter({ hasText: "Payment processing" })).toBeVisible();
  await expect(timeline.getByRole("listitem").filter({ hasText: "Confirmed" })).toBeVisible();
  await expect(page.getByTestId("shipment")).toHaveCount(1);
  await snapshot(page, "order detail with timeline");
});

test("a declined card says so and confirms nothing; another card then pays the same order, under the same number", async ({ page }) => {
  await newBuyer(page);
  await addToCart(page, "relay-pocket-dac", "Relay Pocket DAC");
  await checkoutToPayment(page);
  const number = (await page.getByText(/Order #\d+: \$/).textContent())?.match(/#(\d+)/)?.[1];
  expect(number).toBeTruthy();

  await pay(page, CARDS.decline);
  const declined = page.getByRole("alert").filter({ hasText: "Payment declined" });
  await expect(declined).toContainText("Your card was declined.");
  await expect(declined).toContainText(`your items are still held for order #${number}`);
  await expect(page.getByRole("heading", { name: "Order confirmed" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Cart with 1 item" })).toBeVisible();
  await snapshot(page, "payment declined");

  await pay(page, CARDS.success);
  await expect(page.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();
  await expect(page.getByText(`#${number}`).first()).toBeVisible();

  // One order, confirmed: the declined attempt is a note on its timeline, not a cancelled order.
  await page.goto("/account/orders");
  const orders = page.getByTestId("order-list").getByRole("listitem");
  await expect(orders).toHaveCount(1);
  await expect(orders.nth(0)).toContainText("Confirmed");
  await expect(orders.nth(0)).toContainText(`Order #${number}`);
});

test("a cart from two shops is paid once and the order shows two shipments", async ({ page }) => {
  await newBuyer(page);
  await addToCart(page, "relay-pocket-dac", "Relay Pocket DAC");
  await addToCart(page, "cedar-and-smoke-soy-candle", "Cedar & Smoke Soy Candle", 2);

  await page.goto("/cart");
  await expect(page.getByTestId("cart-seller-group")).toHaveCount(2);
  await checkoutToPayment(page);
  await expect(page.getByText(/Order #\d+: \$/)).toBeVisible();
  await pay(page, CARDS.success);
  await expect(page.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();

  await page.getByRole("link", { name: "View order" }).click();
  const shipments = page.getByTestId("shipment");
  await expect(shipments).toHaveCount(2);
  await expect(shipments.filter({ hasText: "Northwind Audio" })).toContainText("Relay Pocket DAC");
  await expect(shipments.filter({ hasText: "Oak & Ember Home" })).toContainText("Cedar & Smoke Soy Candle");
  await expect(page.getByTestId("order-status")).toHaveText("Confirmed");
  await snapshot(page, "order with two shipments");
});

test("a refresh on the payment step resumes the same order instead of placing another", async ({ page }) => {
  await newBuyer(page);
  await addToCart(page, "felt-and-cork-desk-mat", "Felt & Cork Desk Mat");
  await checkoutToPayment(page);
  const heading = await page.getByText(/Order #\d+: \$/).textContent();

  await page.reload();
  await expect(page.getByText(heading ?? "")).toBeVisible();
  await pay(page, CARDS.success);
  await expect(page.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();
  await page.goto("/account/orders");
  await expect(page.getByTestId("order-list").getByRole("listitem")).toHaveCount(1);
});
