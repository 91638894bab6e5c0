import { expect } from "@playwright/test";
import { appUrl, confirmEmail, demo, signIn, test } from "../support";
import { adminPage, applyToSell, approvedShop, sellerIdOf } from "./helpers";

// Runs through three apps on a machine shared with the other suites.
test.describe.configure({ timeout: 300_000 });

test("an administrator approves a pending application: the shop opens, with its ledger accounts, and it is audited", async ({ browser }) => {
  // A fresh applicant: the seeded pending shop (Pixel Print Co) must stay pending for the other suites.
  const applicant = await applyToSell(browser);
  const admin = await adminPage(browser);
  await confirmEmail(admin, applicant.person.email);

  await admin.goto(appUrl("admin", "/sellers?status=PENDING"));
  await expect(admin.getByRole("heading", { level: 1, name: "Sellers" })).toBeVisible();
  const table = admin.getByTestId("sellers-table");
  await expect(table.getByTestId(`seller-row-${demo.pendingSeller.slug}`)).toContainText("Pending");
  const row = table.getByTestId(`seller-row-${applicant.shop.slug}`);
  await expect(row).toContainText(applicant.person.email);

  await row.getByRole("button", { name: `Approve ${applicant.shop.name}` }).click();
  const dialog = admin.getByRole("dialog", { name: `Approve ${applicant.shop.name}?` });
  await expect(dialog).toContainText("The shop goes live");
  await dialog.getByRole("button", { name: "Approve shop" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0); // it left the applications list

  // Its page: approved, with a payable and a payouts account already open.
  await admin.goto(appUrl("admin", `/sellers/${await sellerIdOf(admin, applicant.person.email)}`));
  await expect(admin.getByRole("heading", { level: 1, name: applicant.shop.name })).toBeVisible();
  await expect(admin.getByText("Approved", { exact: true }).first()).toBeVisible();
  await expect(admin.getByText("Balance (payable) · USD")).toBeVisible();
  await expect(admin.getByText("Paid out · USD")).toBeVisible();

  // The seller's console opens for them now.
  await signIn(applicant.page, "seller", applicant.person);
  await expect(applicant.page.getByRole("heading", { level: 1, name: applicant.shop.name })).toBeVisible();

  // And the audit log says who did it.
  await admin.goto(appUrl("admin", `/audit?q=${encodeURIComponent("seller.approve")}`));
  await expect(admin.getByTestId("audit-table").getByRole("row").filter({ hasText: demo.admin.email }).first()).toContainText("seller.approve");
});

test("rejecting needs a reason, which the applicant then reads", async ({ browser }) => {
  const applicant = await applyToSell(browser);
  const admin = await adminPage(browser);
  await admin.goto(appUrl("admin", `/sellers?status=PENDING&q=${encodeURIComponent(applicant.person.email)}`));
  await admin.getByRole("button", { name: `Reject ${applicant.shop.name}` }).click();
  const dialog = admin.getByRole("dialog", { name: `Reject ${applicant.shop.name}?` });
  await dialog.getByRole("button", { name: "Reject application" }).click();
  await expect(dialog.getByText("Give a reason of at least 3 characters.")).toBeVisible();
  await dialog.getByLabel("Reason (the applicant reads this)").fill("Please add a shop description and a real contact address.");
  await dialog.getByRole("button", { name: "Reject application" }).click();
  await expect(dialog).toBeHidden();

  await signIn(applicant.page, "seller", applicant.person);
  await expect(applicant.page.getByText("Please add a shop description and a real contact address.")).toBeVisible();
});

test("suspending a shop takes its products off the storefront and reinstating brings them back", async ({ browser }) => {
  const admin = await adminPage(browser);
  const shop = await approvedShop(browser, admin, [{ name: `Zephyr Kettle ${Date.now().toString(36)}`, priceCents: 4200, units: 4 }]);
  const product = shop.products[0]!;
  const buyer = await (await browser.newContext()).newPage();
  const search = appUrl("storefront", `/search?q=${encodeURIComponent(product.name)}`);
  const results = buyer.getByTestId("product-grid").getByRole("link", { name: product.name });

  await buyer.goto(search);
  await expect(results).toBeVisible();

  await admin.goto(appUrl("admin", `/sellers?q=${encodeURIComponent(shop.person.email)}`));
  await admin.getByRole("button", { name: `Suspend ${shop.shop.name}` }).click();
  const dialog = admin.getByRole("dialog", { name: `Suspend ${shop.shop.name}?` });
  await expect(dialog).toContainText("payouts stop");
  await dialog.getByLabel("Reason (the seller reads this)").fill("Listings copied from another shop.");
  await dialog.getByRole("button", { name: "Suspend shop" }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByTestId(`seller-row-${shop.shop.slug}`)).toContainText("Suspended");

  // Gone from search and from its product page (the storefront's cache was expired on commit).
  await buyer.goto(search);
  await expect(buyer.getByRole("heading", { level: 1 })).toContainText(product.name);
  await expect(results).toHaveCount(0);
  const page = await buyer.goto(appUrl("storefront", `/products/${product.slug}`));
  expect(page?.status()).toBe(404);
  // The seller is told why.
  await shop.sellerPage.goto(appUrl("seller", "/"));
  await expect(shop.sellerPage.getByText("Listings copied from another shop.")).toBeVisible();

  await admin.getByRole("button", { name: `Reinstate ${shop.shop.name}` }).click();
  await admin
    .getByRole("dialog", { name: `Reinstate ${shop.shop.name}?` })
    .getByRole("button", { name: "Reinstate shop" })
    .click();
  await expect(admin.getByTestId(`seller-row-${shop.shop.slug}`)).toContainText("Approved");
  await buyer.goto(search);
  await expect(results).toBeVisible();
});
