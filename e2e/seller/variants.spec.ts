import { expect as baseExpect } from "@playwright/test";
import { appUrl, demo, newIdentity, test } from "../support";
import { signIn } from "./sign-in";

const expect = baseExpect.configure({ timeout: 30_000 });

// A seller lists a product that comes in sizes and colours: two options, the generated variant
// matrix (one combination dropped), stock for the variants, published; a buyer finds it in the
// storefront by an option value, and the sold-out combination cannot be chosen.
test("a seller creates a product with two options, generates the variants, stocks them, publishes, and buyers find it by a colour", async ({ browser }) => {
  test.setTimeout(240_000);
  const { suffix } = newIdentity("variants");
  const productName = `Alpine fleece ${suffix}`;
  const sku = `FLEECE-${suffix}`.toUpperCase();
  const seller = await (await browser.newContext()).newPage();
  await signIn(seller, "seller", demo.outdoorSeller);

  await seller.goto(appUrl("seller", "/products/new"));
  await seller.getByLabel("Name", { exact: true }).fill(productName);
  await seller.getByLabel("SKU").fill(sku);
  await seller.getByLabel("Description", { exact: true }).fill("A warm midlayer for cold ridges.");
  await seller.getByLabel("Price", { exact: true }).fill("59.00");
  await seller.getByRole("button", { name: "Create product" }).click();
  await expect(seller.getByRole("heading", { level: 1, name: productName })).toBeVisible();

  // Two options; the matrix is generated from them.
  const editor = seller.locator("[aria-labelledby=variants-heading]");
  await editor.getByRole("button", { name: "Add an option" }).click();
  await editor.getByLabel("Option 1 name").fill("Size");
  await editor.getByLabel("Option 1 values").fill("S, M, L");
  await editor.getByRole("button", { name: "Add an option" }).click();
  await editor.getByLabel("Option 2 name").fill("Colour");
  await editor.getByLabel("Option 2 values").fill("Glacier, Charcoal");
  await editor.getByRole("button", { name: "Generate variants" }).click();
  await expect(editor.getByTestId("variant-row")).toHaveCount(6);
  // They do not make L in Glacier; L costs more.
  await editor.getByRole("button", { name: "Remove L / Glacier" }).click();
  await expect(editor.getByTestId("variant-row")).toHaveCount(5);
  await editor.getByLabel("Price of L / Charcoal", { exact: true }).fill("64.00");
  await expect(editor.getByLabel("SKU of M / Glacier")).toHaveValue(`${sku}-M-GLACIER`);
  await editor.getByRole("button", { name: "Save variants" }).click();
  await expect(editor.getByText("Variants saved.")).toBeVisible();

  // Stock for every variant but S / Charcoal, set together.
  for (const title of ["S / Glacier", "M / Glacier", "M / Charcoal", "L / Charcoal"]) await editor.getByLabel(`Select ${title}`).check();
  await editor.getByLabel("Stock for selected").fill("6");
  await editor.getByRole("button", { name: "Set stock" }).click();
  await expect(editor.getByText("Stock set to 6 for 4 variants.")).toBeVisible();
  await expect(seller.getByTestId("stock-row").filter({ hasText: "M / Charcoal" }).first().getByTestId("available")).toHaveText("6");

  // Published.
  await seller.getByLabel("Status").selectOption("ACTIVE");
  await seller.getByRole("button", { name: "Save changes" }).click();
  await expect(seller.getByText("Saved.", { exact: true })).toBeVisible();

  // A buyer searching for the colour finds it, priced from the lowest variant.
  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(`/search?q=${encodeURIComponent(`charcoal fleece ${suffix}`)}`);
  const card = buyer.getByRole("link", { name: new RegExp(productName) }).first();
  await expect(card).toBeVisible();
  await expect(buyer.getByText("From $59.00").first()).toBeVisible();
  await card.click();
  await expect(buyer.getByRole("heading", { level: 1, name: productName })).toBeVisible();
});
