import { expect as baseExpect } from "@playwright/test";
import { adminPage, approvedShop, paidOrder, stockOf } from "../admin/helpers";
import { ok, trpcQuery } from "../seller/trpc";
import { appUrl, expectAccessible, test } from "../support";
import { orderLines } from "./helpers";

const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 300_000 });

// Refunds by item and by amount from both consoles: an administrator refunds one unit of a line
// (not shipped yet, so it goes back on the shelf); the seller, on a phone, is told the platform's
// limit before trying, is refused above it, and refunds a small goodwill amount.
test("an administrator refunds one unit; the seller refunds an amount within the platform's limit", async ({ browser }) => {
  const admin = await adminPage(browser);
  const suffix = Date.now().toString(36);
  const shop = await approvedShop(browser, admin, [
    { name: `Refund Candle ${suffix}`, priceCents: 2000, units: 5 },
    { name: `Refund Clock ${suffix}`, priceCents: 60_000, units: 2 },
  ]);
  const [candle, clock] = shop.products as [(typeof shop.products)[0], (typeof shop.products)[0]];
  const order = await paidOrder(browser, [
    { productId: candle.id, quantity: 2 },
    { productId: clock.id, quantity: 1 },
  ]);
  expect(await stockOf(shop.sellerPage, candle.id)).toMatchObject({ onHand: 3 });

  // The administrator: one candle of two, from the order page.
  await admin.goto(appUrl("admin", `/orders?buyer=${encodeURIComponent(order.buyer.email)}`));
  await admin.getByRole("link", { name: `#${order.orderNumber}` }).click();
  const part = admin.getByTestId(`part-${shop.shop.slug}`);
  await part.getByRole("button", { name: `Refund items of ${shop.shop.name}'s part` }).click();
  const dialog = admin.getByRole("dialog", { name: `Refund items of ${shop.shop.name}'s part of order #${order.orderNumber}` });
  await expect(dialog).toContainText("Refunded units go back in stock.");
  await dialog.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(dialog).toContainText("Choose the units to refund, the shipping, or enter an amount.");
  await dialog.getByLabel(new RegExp(`^Units of ${candle.name} to refund`)).fill("1");
  await dialog.getByLabel("Reason (the buyer sees this)").fill("One candle arrived snapped");
  await expectAccessible(admin, "the admin's Refund items dialog");
  await dialog.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(part).toContainText("Refunded by Bazaar: One candle arrived snapped");
  expect(await stockOf(shop.sellerPage, candle.id)).toMatchObject({ onHand: 4 });

  // The limit is the administrator's to set on the Settings page, checked there and audited (saved
  // at the same $500.00, so suites running alongside see the limit they expect).
  const orderPage = admin.url();
  await admin.goto(appUrl("admin", "/settings"));
  const defaults = admin.getByRole("form", { name: "Platform defaults" });
  const limit = defaults.getByLabel("Seller refund limit (USD)");
  await expect(limit).toHaveValue(/^500(\.00)?$/);
  await limit.fill("lots");
  await defaults.getByRole("button", { name: "Save settings" }).click();
  await expect(defaults).toContainText("Enter an amount such as 500.00 (0: sellers cannot refund).");
  await expectAccessible(admin, "the Settings page with a field error");
  await limit.fill("500.00");
  await defaults.getByRole("button", { name: "Save settings" }).click();
  await expect(defaults).toContainText("Settings saved.");
  await admin.goto(appUrl("admin", "/audit?action=settings."));
  await expect(admin.getByTestId("audit-table")).toContainText("sellerRefundLimitCents: 50000");

  // The seller, on a phone: the limit is said up front, enforced by the server, and a small amount goes through.
  const seller = shop.sellerPage;
  await seller.setViewportSize({ width: 375, height: 812 });
  const shipmentId = (await orderLines(order.buyerPage, order.orderId))[0]!.shipmentId;
  const refunded = async () => (await ok<{ refundedCents: number }>(trpcQuery(seller.request, "seller", "fulfillment.get", { shipmentId }))).refundedCents;
  const before = await refunded();
  await seller.goto(appUrl("seller", `/orders/${shipmentId}`));
  await seller.getByRole("button", { name: "Refund items" }).click();
  const own = seller.getByRole("dialog", { name: `Refund items of order #${order.orderNumber}` });
  await expect(own).toContainText("You can refund at most $500.00 at once");
  await expect(own.getByLabel(new RegExp(`^Units of ${candle.name} to refund \\(1 of 2 left\\)`))).toBeVisible();
  await own.getByLabel("Custom amount (optional)").fill("550");
  await own.getByLabel("Reason (the buyer sees this)").fill("Goodwill for the wait");
  await expectAccessible(seller, "the seller's Refund items dialog at 375 px");
  expect(await seller.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await own.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(own).toContainText("Sellers can refund at most $500.00 at once. Ask Bazaar support for a larger refund.");
  await own.getByLabel("Custom amount (optional)").fill("5.00");
  await own.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(own).toBeHidden();
  expect(await refunded()).toBe(before + 500);

  // The administrator sees the seller's refund on the order.
  await admin.goto(orderPage);
  await expect(part).toContainText("Refunded by the seller: Goodwill for the wait");
});
