import { expect } from "@playwright/test";
import { newIdentity, signIn, signOut, signUpBuyer, test } from "../support";
import { addToCart } from "./helpers";

// Whole journeys through several pages on a machine shared with three apps and a database.
test.describe.configure({ timeout: 120_000 });

test("a guest fills a cart and signing in brings it into the account's cart", async ({ browser }) => {
  // An account that exists already, made in a context of its own.
  const account = newIdentity("returning");
  const setup = await (await browser.newContext()).newPage();
  await signUpBuyer(setup, account);
  await addToCart(setup, "hearth-stoneware-mug-set-of-4", "Hearth Stoneware Mug Set of 4");
  await signOut(setup);
  await setup.context().close();

  const page = await (await browser.newContext()).newPage();
  await addToCart(page, "bud-vase-trio-in-sage", "Bud Vase Trio in Sage", 2);
  await expect(page.getByRole("link", { name: "Cart with 2 items" })).toBeVisible();

  await signIn(page, "storefront", account, { callbackPath: "/cart" });
  await expect(page.getByRole("status").filter({ hasText: "We added the items from your guest cart" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cart with 3 items" })).toBeVisible();
  const lines = page.getByTestId("cart-line");
  await expect(lines).toHaveCount(2);
  await expect(lines.filter({ hasText: "Bud Vase Trio in Sage" }).getByTestId("quantity")).toHaveText("2");
  await expect(lines.filter({ hasText: "Hearth Stoneware Mug Set of 4" }).getByTestId("quantity")).toHaveText("1");

  // The guest cookie is gone: the cart stays the account's after a reload, merged once.
  await page.reload();
  await expect(page.getByRole("link", { name: "Cart with 3 items" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "We added the items from your guest cart" })).toHaveCount(0);
});
