import { expect, test } from "@playwright/test";
import { changePrice, productWithStock } from "./helpers";

// Product pages and listings are served from the storefront's cache. A seller's change goes
// through the outbox to the worker, which calls the storefront's /api/revalidate: buyers see
// it within seconds, long before the cache's own time limit (a minute) would have expired it.

test.describe.configure({ timeout: 120_000 });

test("a seller's new price shows on the cached product page and in search within seconds", async ({ browser, page }) => {
  const product = await productWithStock(browser, 5);
  const price = page.getByTestId("price");
  await page.goto(`/products/${product.slug}`);
  await expect(price).toHaveText("$39.00");
  const search = `/search?q=${encodeURIComponent(product.name)}`;
  await page.goto(search);
  const card = page.getByTestId("product-grid").getByRole("listitem").filter({ hasText: product.name });
  await expect(card).toContainText("$39.00");

  await changePrice(browser, product.id, 4500);

  await expect(async () => {
    await page.goto(`/products/${product.slug}`);
    await expect(price).toHaveText("$45.00", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.goto(search);
  await expect(card).toContainText("$45.00");
});
