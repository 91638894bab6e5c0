import { expect as baseExpect } from "@playwright/test";
import { adminPage, approvedShop, paidOrder, stockOf } from "../admin/helpers";
import { ok, trpcMutation } from "../seller/trpc";
import { appUrl, expectAccessible, test } from "../support";
import { orderLines, paidFor, shipAndDeliver, usd } from "./helpers";

const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 300_000 });

// The shop does not answer a return: an administrator finds it among every return, opens it,
// approves it with instructions and receives it back into the shop's stock. The buyer is
// refunded, and the audit log keeps both steps.
test("an administrator steps in on a return: finds it, approves it, receives it into stock; both steps audited", async ({ browser }) => {
  const admin = await adminPage(browser);
  const suffix = Date.now().toString(36);
  const shop = await approvedShop(browser, admin, [{ name: `Step-in Rug ${suffix}`, priceCents: 4200, units: 3 }]);
  const rug = shop.products[0]!;
  const order = await paidOrder(browser, [{ productId: rug.id, quantity: 1 }]);
  await shipAndDeliver(shop.sellerPage, order.orderNumber);
  const [line] = await orderLines(order.buyerPage, order.orderId);
  const request = await ok<{ id: string; number: number }>(
    trpcMutation(order.buyerPage.request, "storefront", "returns.request", {
      orderId: order.orderId,
      shipmentId: line!.shipmentId,
      items: [{ orderItemId: line!.id, quantity: 1 }],
      reason: "The shop does not answer",
    }),
  );

  // Among every return, filtered to the requested ones.
  await admin.goto(appUrl("admin", "/returns?status=REQUESTED"));
  const row = admin.getByTestId("return-row").filter({ hasText: `Return #${request.number}` });
  await expect(row).toContainText(shop.shop.name);
  await expect(row).toContainText(`1 × ${rug.name}`);
  await row.getByRole("link", { name: `Return #${request.number}` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Return #${request.number}` })).toBeVisible();
  await expect(admin.getByText("The shop does not answer")).toBeVisible();
  await expectAccessible(admin, "a requested return in the admin console");

  // Approve with instructions.
  const approve = admin.getByRole("form", { name: `Approve return #${request.number}` });
  await approve.getByLabel("Instructions for the buyer").fill("Bazaar support: send it to the shop, 1 Workshop Lane, Portland.");
  await approve.getByRole("button", { name: "Approve return" }).click();
  await expect(admin.getByText("Approved: send it back").first()).toBeVisible();

  // Received at a phone's width: back in the shop's warehouse, the buyer refunded.
  await admin.setViewportSize({ width: 375, height: 812 });
  const receive = admin.getByRole("form", { name: `Receive return #${request.number}` });
  await expect(receive.getByLabel(`What happens to 1 × ${rug.name}`)).toHaveValue(/.+/);
  await expect(receive.getByLabel(`What happens to 1 × ${rug.name}`).locator("option:checked")).toHaveText("Back in stock at Main");
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(admin, "an approved return in the admin console at 375 px");
  await receive.getByRole("button", { name: "Receive and refund" }).click();
  await expect(admin.getByText("Nothing left to do: this return is closed.")).toBeVisible();
  await expect(admin.getByText("Received and refunded").first()).toBeVisible();
  await expect(admin.getByText(usd(paidFor(line!)), { exact: true })).toBeVisible();
  expect(await stockOf(shop.sellerPage, rug.id)).toMatchObject({ onHand: 3 });

  // Both steps are in the audit log.
  await admin.goto(appUrl("admin", `/audit?entityId=${request.id}`));
  const audit = admin.getByTestId("audit-table");
  await expect(audit).toContainText("return.approved");
  await expect(audit).toContainText("return.received");
});
