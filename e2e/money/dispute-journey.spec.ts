import { expect as baseExpect } from "@playwright/test";
import { adminPage, approvedShop, paidOrder } from "../admin/helpers";
import { appUrl, expectAccessible, test } from "../support";
import { usd } from "./helpers";

const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 300_000 });

// The simulator's disputing test card (as Stripe's 4000 0000 0000 0259) pays, then the buyer's bank
// disputes the charge (`charge.dispute.created` through the signed webhook). The seller sees their
// share held on the money page, the administrator sees the dispute with its evidence deadline and
// answers it; the simulator's test-mode rule ("winning_evidence" wins) closes it as won through
// `charge.dispute.closed`, and both sides see it won with the books still balanced.
test("a dispute raised by the simulator shows to the seller and the administrator, then closes as won", async ({ browser }) => {
  const admin = await adminPage(browser);
  const suffix = Date.now().toString(36);
  const shop = await approvedShop(browser, admin, [{ name: `Dispute Kettle ${suffix}`, priceCents: 4500, units: 3 }]);
  const order = await paidOrder(browser, [{ productId: shop.products[0]!.id, quantity: 1 }], { card: "4000 0000 0000 0259" });

  // The seller: their share of the disputed payment is held.
  const seller = shop.sellerPage;
  await seller.goto(appUrl("seller", "/money"));
  const sellerRow = seller.getByTestId("dispute-row").filter({ hasText: `#${order.orderNumber}` });
  await expect(sellerRow).toContainText("open");
  await expect(sellerRow).toContainText("fraudulent");
  await expectAccessible(seller, "the seller's money page with a dispute");

  // The administrator: the dispute with the whole amount and its evidence deadline.
  await admin.goto(appUrl("admin", "/money/disputes"));
  const adminRow = admin.getByTestId("dispute-row").filter({ hasText: `#${order.orderNumber}` });
  await expect(adminRow).toContainText("open");
  await expect(adminRow).toContainText(usd(order.totalCents));
  await expect(adminRow.getByRole("cell").nth(4)).not.toHaveText("—");
  await expectAccessible(admin, "the admin disputes page");

  // Evidence that wins under the simulator's test-mode rules.
  const evidence = adminRow.getByRole("form", { name: `Evidence for the dispute on order #${order.orderNumber}` });
  await evidence.getByLabel("Evidence").fill("Delivered with signature; tracking attached. winning_evidence");
  await evidence.getByRole("button", { name: "Submit evidence" }).click();
  await expect(adminRow).toContainText("won");
  await expect(evidence).toBeHidden();

  await seller.reload();
  await expect(sellerRow).toContainText("won");

  // The hold went back to the seller; every transaction still balances.
  await admin.goto(appUrl("admin", "/money"));
  const trial = admin.getByTestId("trial-balance");
  await expect(trial).toContainText("The books balance");
  await expect(trial.getByTestId("sum-USD")).toHaveText("$0.00");
});
