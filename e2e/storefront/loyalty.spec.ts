import { expect } from "@playwright/test";
import { adminPage, approvedShop, paidOrder, payWithSimulator } from "../admin/helpers";
import { usd } from "../money/helpers";
import { ok, trpcMutation, trpcQuery } from "../seller/trpc";
import { appUrl, demo, expectAccessible, signIn, test } from "../support";
import { reportDelivered } from "../support/carrier";
import { CARDS, enterAddress, pay, productWithStock, snapshot } from "./helpers";

// Loyalty end to end: a buyer's $250 order is delivered, their spend crosses Silver, and at the
// next checkout they see the new tier, its discount line, and use their points; the shop's money
// page shows that sale at the same full share as the first one (Bazaar pays the discounts). A shop
// that opts in on its Shop page to co-fund half of the tier benefits sees its share on the order.

test.describe.configure({ timeout: 240_000 });

const DAY_MS = 24 * 60 * 60 * 1000;

test("a delivery lifts a buyer to Silver; the next checkout shows the tier discount, takes points, and the shop is paid in full", async ({ browser }) => {
  // A $250 product of Summit Outfitters (free shipping over $100, a 30-day return window).
  const product = await productWithStock(browser, 5, 25_000);
  const first = await paidOrder(browser, [{ productId: product.id, quantity: 1 }]);
  const buyer = first.buyerPage;

  // The shop ships it; the carrier reports it delivered 31 days ago (the return window has passed).
  const seller = await (await browser.newContext()).newPage();
  await signIn(seller, "seller", demo.outdoorSeller);
  const shipments = await ok<{ items: { id: string; order: { id: string } }[] }>(trpcQuery(seller.request, "seller", "fulfillment.list", { limit: 50 }));
  const shipment = shipments.items.find((s) => s.order.id === first.orderId);
  expect(shipment).toBeDefined();
  const tracking = `1ZLOYAL${first.buyer.suffix}`.toUpperCase();
  await ok(trpcMutation(seller.request, "seller", "fulfillment.markProcessing", { shipmentId: shipment!.id }));
  await ok(trpcMutation(seller.request, "seller", "fulfillment.markShipped", { shipmentId: shipment!.id, carrier: "UPS", trackingNumber: tracking }));
  await reportDelivered(buyer.request, { trackingNumber: tracking, carrier: "UPS", occurredAt: new Date(Date.now() - 31 * DAY_MS).toISOString() });

  // Rewards: Silver now, 250 points ($250 at the Member rate) available at once, progress to Gold.
  await buyer.goto(appUrl("storefront", "/account/rewards"));
  await expect(buyer.getByTestId("loyalty-tier")).toHaveText("Silver");
  await expect(buyer.getByRole("list", { name: "Silver benefits" })).toContainText("3% off every item");
  await expect(buyer.getByTestId("points-available")).toHaveText("250");
  await expect(buyer.getByRole("progressbar", { name: "Progress to Gold" })).toBeVisible();
  await expect(buyer.getByTestId("points-history")).toContainText("Now available");
  await expectAccessible(buyer, "rewards page");
  await snapshot(buyer, "rewards page after the delivery");

  // The product page says what this buyer would earn now: x1.25 at Silver.
  await buyer.goto(appUrl("storefront", `/products/${product.slug}`));
  await expect(buyer.getByTestId("points-preview")).toContainText("Earn 312 points");

  // Next checkout: the Silver discount as its own line, and 200 of the 250 points (steps of 100).
  await ok(trpcMutation(buyer.request, "storefront", "cart.add", { productId: product.id, quantity: 1 }));
  await buyer.goto(appUrl("storefront", "/checkout"));
  await expect(buyer.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await enterAddress(buyer);
  const totals = buyer.getByTestId("order-totals");
  await expect(totals.getByText("Silver member discount")).toBeVisible();
  await expect(totals.getByTestId("tier-discount")).toHaveText("−$7.50");
  const points = buyer.getByTestId("points-control");
  await expect(points.getByLabel("Points to use (you have 250)")).toBeVisible();
  await points.getByRole("button", { name: "Use the most" }).click();
  await expect(points.getByLabel("Points to use (you have 250)")).toHaveValue("200");
  await expect(totals.getByTestId("points-discount")).toHaveText("−$2.00");
  await expectAccessible(buyer, "checkout with tier and points");
  await snapshot(buyer, "checkout with the tier discount and points");
  const total = (await totals.getByTestId("total").textContent()) ?? "";

  await buyer.getByRole("button", { name: "Continue to payment" }).click();
  await expect(buyer.getByRole("heading", { name: "Payment" })).toBeVisible();
  await expect(buyer.getByText(`: ${total}. Your items are held`)).toBeVisible();
  await pay(buyer, CARDS.success);
  await expect(buyer.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();
  await expect(buyer.getByTestId("order-totals").getByTestId("tier-discount")).toHaveText("−$7.50");
  await expect(buyer.getByTestId("order-totals").getByTestId("points-discount")).toHaveText("−$2.00");
  const second = (await buyer.getByTestId("order-state").textContent())?.match(/#(\d+)/)?.[1];
  expect(second).toBeTruthy();

  await buyer.goto(appUrl("storefront", "/account/rewards"));
  await expect(buyer.getByTestId("points-available")).toHaveText("50");

  // The shop's money: the discounted sale pays exactly what the undiscounted one did. Read through
  // the money page's own procedure with room for 100 sales (other specs sell from the demo shop at
  // the same time, and the page lists the 10 newest); the page then shows the newest one.
  interface Sale {
    orderNumber: number;
    grossCents: number;
    commissionCents: number;
    refundedCents: number;
    netCents: number;
    settled: boolean;
  }
  const figures = ({ grossCents, commissionCents, refundedCents, netCents, settled }: Sale) => ({
    grossCents,
    commissionCents,
    refundedCents,
    netCents,
    settled,
  });
  let sales: Sale[] = [];
  await expect(async () => {
    sales = (await ok<{ items: Sale[] }>(trpcQuery(seller.request, "seller", "seller.sales", { limit: 100 }))).items.filter((sale) =>
      [Number(first.orderNumber), Number(second)].includes(sale.orderNumber),
    );
    // The split is written by the worker a moment after the payment.
    expect(sales.map((sale) => sale.settled)).toEqual([true, true]);
  }).toPass({ timeout: 60_000 });
  const [secondSale, firstSale] = sales.map(figures);
  expect(secondSale).toEqual(firstSale);
  await seller.goto(appUrl("seller", "/money"));
  const newest = seller.getByTestId("sale-row").filter({ hasText: `#${second}` });
  await expect(newest).toBeVisible();
  await expect(newest).not.toContainText("pending");
  await snapshot(seller, "seller money page with both sales at full share");

  // The seller's order view shows the loyalty lines and that Bazaar pays them.
  await seller
    .getByTestId("sale-row")
    .filter({ hasText: `#${second}` })
    .getByRole("link")
    .click();
  await expect(seller.getByText("Silver member discount, paid by Bazaar")).toBeVisible();
  await expect(seller.getByText("Points, paid by Bazaar")).toBeVisible();

  // A new shop opts in on its Shop page to co-fund half of the tier benefits (its own shop, so the demo shops stay Bazaar-funded).
  const cofunding = await approvedShop(browser, await adminPage(browser), [{ name: `Co-funded lantern ${first.buyer.suffix}`, priceCents: 10_000, units: 3 }]);
  const shop = cofunding.sellerPage;
  await shop.goto(appUrl("seller", "/shop"));
  const cofund = shop.getByRole("form", { name: "Loyalty co-funding" });
  const share = cofund.getByLabel("Your share of the tier benefits (%)");
  await expect(share).toHaveValue("0");
  await expect(shop.getByText("By default Bazaar pays for these tier benefits")).toBeVisible();
  await share.fill("150");
  await cofund.getByRole("button", { name: "Save co-funding" }).click();
  await expect(cofund.getByText("Enter a whole percentage from 0 to 100.")).toBeVisible();
  await share.fill("50");
  await cofund.getByRole("button", { name: "Save co-funding" }).click();
  await expect(shop.getByText("Saved: you co-fund 50% of the tier benefits")).toBeVisible();
  await expectAccessible(shop, "shop page with loyalty co-funding");
  await shop.reload();
  await expect(share).toHaveValue("50");

  // The Silver buyer buys from it; the shop's order view shows the discount as co-funded and its share.
  await ok(trpcMutation(buyer.request, "storefront", "cart.add", { productId: cofunding.products[0]!.id, quantity: 1 }));
  const placed = await ok<{ orderId: string; paymentIntentId: string; clientSecret: string }>(
    trpcMutation(buyer.request, "storefront", "checkout.start", {
      idempotencyKey: `e2e-cofund-${first.buyer.suffix}`,
      shippingAddress: { fullName: "Robin Tester", line1: "500 Market Street", city: "Portland", postalCode: "97201", country: "US" },
    }),
  );
  await payWithSimulator(buyer, placed);
  const sold = await ok<{ items: { id: string; order: { id: string } }[] }>(trpcQuery(shop.request, "seller", "fulfillment.list", { limit: 50 }));
  const part = sold.items.find((s) => s.order.id === placed.orderId);
  expect(part).toBeDefined();
  const amounts = await ok<{ tierDiscountCents: number; shippingDiscountCents: number; sellerFundedCents: number }>(
    trpcQuery(shop.request, "seller", "fulfillment.get", { shipmentId: part!.id }),
  );
  // Silver's 3% of $100.00, and any tier free shipping, half of it the shop's.
  expect(amounts.tierDiscountCents).toBe(300);
  expect(amounts.sellerFundedCents).toBe(Math.round((amounts.tierDiscountCents + amounts.shippingDiscountCents) / 2));
  await shop.goto(appUrl("seller", `/orders/${part!.id}`));
  await expect(shop.getByText("Silver member discount, co-funded")).toBeVisible();
  const cofunded = shop.getByText("Tier benefits you co-funded (in the discounts above)").locator("..");
  await expect(cofunded).toContainText(usd(amounts.sellerFundedCents));
  await expectAccessible(shop, "seller order view with a co-funded tier discount");
});
