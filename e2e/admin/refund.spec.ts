import { expect } from "@playwright/test";
import { appUrl, test } from "../support";
import { adminPage, approvedShop, paidOrder, stockOf } from "./helpers";

test.describe.configure({ timeout: 300_000 });

test("refunding one shop's part of a two-shop order: money back, stock back, the other part untouched, books balanced", async ({ browser }) => {
  const admin = await adminPage(browser);
  const suffix = Date.now().toString(36);
  const a = await approvedShop(browser, admin, [{ name: `Refund Lamp ${suffix}`, priceCents: 2000, units: 5 }]);
  const b = await approvedShop(browser, admin, [{ name: `Refund Vase ${suffix}`, priceCents: 3000, units: 5 }]);
  const lamp = a.products[0]!;
  const vase = b.products[0]!;
  const order = await paidOrder(browser, [
    { productId: lamp.id, quantity: 2 },
    { productId: vase.id, quantity: 1 },
  ]);
  expect(await stockOf(a.sellerPage, lamp.id)).toMatchObject({ onHand: 3, available: 3 });

  // Find it among every order by the buyer's email, open it.
  await admin.goto(appUrl("admin", `/orders?buyer=${encodeURIComponent(order.buyer.email)}`));
  await admin.getByRole("link", { name: `#${order.orderNumber}` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Order #${order.orderNumber}` })).toBeVisible();
  const partA = admin.getByTestId(`part-${a.shop.slug}`);
  const partB = admin.getByTestId(`part-${b.shop.slug}`);
  await expect(partA).toContainText(lamp.name);
  await expect(partB).toContainText(vase.name);

  await partA.getByRole("button", { name: `Refund ${a.shop.name}'s part` }).click();
  const dialog = admin.getByRole("dialog", { name: `Refund ${a.shop.name}'s part of order #${order.orderNumber}?` });
  await expect(dialog).toContainText("goes back to the buyer's card");
  await dialog.getByLabel("Reason (the buyer and seller see this)").fill("Arrived broken");
  await dialog.getByRole("button", { name: "Refund" }).click();
  await expect(dialog).toBeHidden();

  await expect(partA).toContainText("Cancelled");
  await expect(partA).toContainText("Refund of");
  await expect(partB).not.toContainText("Refund of");
  await expect(partB.getByRole("button", { name: `Refund ${b.shop.name}'s part` })).toBeVisible();
  await expect(admin.getByTestId("order-history")).toContainText("Arrived broken");

  // The lamps are back on the shelf; the vase stays sold.
  expect(await stockOf(a.sellerPage, lamp.id)).toEqual({ onHand: 5, allocated: 0, available: 5 });
  expect(await stockOf(b.sellerPage, vase.id)).toMatchObject({ onHand: 4, available: 4 });

  // The trial balance still proves the books: every transaction balanced, balances sum to zero.
  await admin.goto(appUrl("admin", "/money"));
  const trial = admin.getByTestId("trial-balance");
  await expect(trial).toContainText("The books balance");
  await expect(trial.getByTestId("sum-USD")).toHaveText("$0.00");
});
