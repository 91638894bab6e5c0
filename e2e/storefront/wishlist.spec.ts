import { expect as baseExpect, type Page, type Route } from "@playwright/test";
import { appUrl, demo, newIdentity, signIn, signUpBuyer, test } from "../support";

const expect = baseExpect.configure({ timeout: 30_000 });

// Whole journeys through three apps on a machine shared with a database and a worker.
test.describe.configure({ timeout: 240_000 });

/** The seller makes a product of their own, published with no stock: sold out from the start. */
async function soldOutProduct(seller: Page, name: string, sku: string) {
  await seller.goto(appUrl("seller", "/products/new"));
  await seller.getByLabel("Name", { exact: true }).fill(name);
  await seller.getByLabel("SKU").fill(sku);
  await seller.getByLabel("Description", { exact: true }).fill("Sold out on the day it was listed.");
  await seller.getByLabel("Price", { exact: true }).fill("42.00");
  await seller.getByLabel("Status").selectOption("ACTIVE");
  await seller.getByRole("button", { name: "Create product" }).click();
  await expect(seller.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("a guest saves a sold-out product, signs up, finds it on the wishlist, and the seller's restock sends exactly one back-in-stock email", async ({
  browser,
}) => {
  const { suffix } = newIdentity("wish");
  const name = `Ridge lantern ${suffix}`;
  const sku = `LANTERN-${suffix}`.toUpperCase();
  const seller = await (await browser.newContext()).newPage();
  await signIn(seller, "seller", demo.outdoorSeller);
  await soldOutProduct(seller, name, sku);

  // A guest finds it sold out and saves it: the heart stays in the browser for now.
  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(appUrl("storefront", `/search?q=${encodeURIComponent(name)}`));
  const card = buyer.getByRole("listitem").filter({ hasText: name });
  await card.getByRole("button", { name: `Save ${name} to your wishlist` }).click();
  await expect(card.getByRole("button", { name: `Remove ${name} from your wishlist` })).toHaveAttribute("aria-pressed", "true");
  await card.getByRole("link", { name }).click();
  await expect(buyer.getByRole("button", { name: "Saved to wishlist" })).toBeVisible();

  // Signing up brings the guest's hearts into the account: the page signing up lands on merges
  // them. Here the wishlist is opened at once, and its page is rendered before that merge lands
  // (CI saw this race): held for a moment, the merge then empties the browser's list before the
  // page arrives, and the page must still show the hearts.
  const person = newIdentity("wisher");
  const mergeUrl = appUrl("storefront", "/api/wishlist/merge");
  const merge = new Promise<Route>((resolve) => void buyer.route(mergeUrl, resolve, { times: 1 }));
  await signUpBuyer(buyer, person);
  const wishlistUrl = appUrl("storefront", "/account/wishlist");
  const renderedBeforeMerge = await buyer.request.get(wishlistUrl);
  await (await merge).continue();
  await expect.poll(() => buyer.evaluate(() => window.localStorage.getItem("bazaar_wishlist"))).toBeNull();
  await buyer.route(wishlistUrl, (route) => route.fulfill({ response: renderedBeforeMerge }), { times: 1 });
  await buyer.goto(wishlistUrl);
  const saved = buyer.getByTestId("wishlist").getByRole("listitem").filter({ hasText: name });
  await expect(saved).toContainText("Out of stock");

  // The seller restocks it, then adds more: one restock from nothing, so one email.
  await seller.getByRole("textbox", { name: `On hand: ${name} in Denver Gear Room`, exact: true }).fill("3");
  await seller.getByRole("button", { name: `Save on hand: ${name} in Denver Gear Room` }).click();
  await expect(seller.getByText(`Saved: ${name} in Denver Gear Room`)).toBeVisible();
  await seller.getByRole("textbox", { name: `On hand: ${name} in Denver Gear Room`, exact: true }).fill("5");
  await seller.getByRole("button", { name: `Save on hand: ${name} in Denver Gear Room` }).click();
  await expect(seller.getByTestId("stock-row").filter({ hasText: "Denver Gear Room" }).getByTestId("available")).toHaveText("5");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin", demo.admin);
  const mailbox = appUrl("admin", `/mailbox?to=${encodeURIComponent(person.email)}&template=back-in-stock`);
  // The email is sent by the worker after the restock commits: the mailbox is read until it shows.
  await expect(async () => {
    await admin.goto(mailbox);
    await baseExpect(admin.getByTestId("mailbox-row")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(admin.getByTestId("mailbox-row")).toContainText(`Back in stock: ${name}`);

  // The wishlist now says it can be bought.
  await buyer.reload();
  await expect(saved).toContainText(/In stock|Only 5 left/);
});
