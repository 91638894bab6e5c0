import { expect } from "@playwright/test";
import { changePrice, productWithStock } from "./helpers";
import { test } from "../support/test";

// Product pages and listings are stored whole in the storefront's page cache. A seller's change
// expires the pages it alters before the seller console answers (see the storefront README), so
// the very next visit shows it: no waiting, no retry.

test.describe.configure({ retries: 0, timeout: 120_000 });

test("a seller's new price shows on the stored product page and in search on the next visit", async ({ browser, page }) => {
  const product = await productWithStock(browser, 5);
  const price = page.getByTestId("price");
  await page.goto(`/products/${product.slug}`);
  await expect(price).toHaveText("$39.00");
  const search = `/search?q=${encodeURIComponent(product.name)}`;
  await page.goto(search);
  const card = page.getByTestId("product-grid").getByRole("listitem").filter({ hasText: product.name });
  await expect(card).toContainText("$39.00");

  await changePrice(browser, product.id, 4500);

  await page.goto(`/products/${product.slug}`);
  await expect(price).toHaveText("$45.00");
  await page.goto(search);
  await expect(card).toContainText("$45.00");
});
