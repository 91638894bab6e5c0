import { expect } from "@playwright/test";
import { productWithStock, snapshot } from "./helpers";
import { test } from "../support/test";

// Whole journeys through several pages on a machine shared with three apps and a database.
test.describe.configure({ timeout: 120_000 });

test("two shoppers race for the last unit: one gets it, the other is told it is out of stock", async ({ browser }) => {
  const product = await productWithStock(browser, 1);
  const shoppers = await Promise.all(
    [0, 1].map(async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`/products/${product.slug}`);
      await expect(page.getByTestId("stock")).toHaveText("Only 1 left");
      return page;
    }),
  );

  await Promise.all(shoppers.map((page) => page.getByRole("button", { name: "Add to cart" }).click()));

  const outcomes = await Promise.all(
    shoppers.map(async (page) => {
      const added = page.getByRole("status").filter({ hasText: "Added 1 to your cart" });
      const refused = page.getByRole("alert").filter({ hasText: `"${product.name}" is out of stock.` });
      await expect(added.or(refused)).toBeVisible();
      return (await added.isVisible()) ? "added" : "refused";
    }),
  );
  expect([...outcomes].sort()).toEqual(["added", "refused"]);

  const loser = shoppers[outcomes.indexOf("refused")]!;
  await expect(loser.getByTestId("stock")).toHaveText("Out of stock");
  await expect(loser.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
  await snapshot(loser, "the shopper who lost the race");
  const winner = shoppers[outcomes.indexOf("added")]!;
  await expect(winner.getByRole("link", { name: "Cart with 1 item" })).toBeVisible();
});
