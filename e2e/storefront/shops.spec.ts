import { expect as baseExpect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { appUrl, demo, newIdentity, signIn, signUpBuyer, test } from "../support";

const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 180_000 });

test("a buyer browses the shop directory, reads a shop's policies the seller just wrote, and contacts the seller", async ({ browser }) => {
  const { suffix } = newIdentity("shops");
  const returnPolicy = `Returns within 45 days, unworn (${suffix}).`;

  // The seller writes their return policy in the console.
  const seller = await (await browser.newContext()).newPage();
  await signIn(seller, "seller", demo.homeSeller);
  await seller.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shop" }).click();
  await seller.getByLabel("Return policy").fill(returnPolicy);
  await seller.getByRole("button", { name: "Save shop" }).click();
  await expect(seller.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // A buyer finds the shop in the directory, by name and by what it sells.
  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(appUrl("storefront", "/shops"));
  const directory = buyer.getByTestId("shop-directory");
  await expect(directory.getByRole("link", { name: demo.homeSeller.shopName })).toBeVisible();
  await buyer.getByLabel("Shop name").fill("oak");
  await buyer.getByRole("button", { name: "Search" }).click();
  await expect(buyer).toHaveURL(/q=oak/);
  // The other demo shops leave the list. Shops made by other tests may stay: their names carry a
  // random suffix, which once held "oak" (CI, "E2E Shop mxdmzoakf704e6"), so each listed shop is
  // checked for the text (in its name or description, what the search reads), not their number.
  for (const other of [demo.audioSeller, demo.outdoorSeller]) await expect(directory.getByRole("link", { name: other.shopName })).toHaveCount(0);
  await expect(directory.getByRole("link", { name: demo.homeSeller.shopName })).toBeVisible();
  for (const shop of await directory.getByRole("listitem").allTextContents()) expect(shop.toLowerCase()).toContain("oak");
  await expect(new AxeBuilder({ page: buyer }).analyze().then((result) => result.violations)).resolves.toEqual([]);
  await directory.getByRole("link", { name: demo.homeSeller.shopName }).click();

  // The shop page shows the policy as saved, on the first visit after the save.
  await expect(buyer.getByRole("heading", { level: 1, name: demo.homeSeller.shopName })).toBeVisible();
  await expect(buyer.getByRole("region", { name: "Returns" })).toContainText(returnPolicy);

  // Contacting the shop needs an account; the message reaches the seller's notifications.
  const contact = buyer.getByRole("region", { name: "Contact the seller" });
  await expect(contact.getByRole("link", { name: "Sign in" })).toBeVisible();
  const person = newIdentity("asker");
  await signUpBuyer(buyer, person);
  await buyer.goto(appUrl("storefront", `/shops/${demo.homeSeller.slug}`));
  await contact.getByLabel("Subject").fill(`Gift wrap ${suffix}`);
  await contact.getByLabel("Message").fill("Could you gift-wrap the mug set for a birthday?");
  await contact.getByRole("button", { name: "Send message" }).click();
  await expect(contact.getByText(`Your message is on its way to ${demo.homeSeller.shopName}.`)).toBeVisible();

  await seller.goto(appUrl("seller", "/notifications"));
  await expect(seller.getByText(`Gift wrap ${suffix}`)).toBeVisible();
});
