import { expect, type Browser, type Page } from "@playwright/test";
import { appUrl, demo, newIdentity, signIn, test } from "../support";
import { pngSquare } from "../seller/images";
import { ok, trpcMutation, trpcQuery } from "../seller/trpc";
import { CARDS, checkoutToPayment, newBuyer, pay, snapshot } from "./helpers";

// Products with options on the storefront: the buyer picks a size and a colour, the page follows
// (price, stock, SKU, the URL), sold-out combinations cannot be added, and two variants of one
// product are two lines from the cart to the order.

test.describe.configure({ timeout: 120_000 });

const HOODIE = { slug: "summit-organic-cotton-hoodie", name: "Summit Organic Cotton Hoodie" };

/** The option value buttons are radios named by their value (", sold out" is added when it is). */
const option = (page: Page, name: string, value: string) =>
  page.getByRole("group", { name: new RegExp(`^${name}`) }).getByRole("radio", { name: value, exact: true });
const soldOutOption = (page: Page, name: string, value: string) =>
  page.getByRole("group", { name: new RegExp(`^${name}`) }).getByRole("radio", { name: `${value}, sold out`, exact: true });

test("a buyer picks a size and a colour, sees price and stock follow, buys two variants and finds both in the order", async ({ page }) => {
  await newBuyer(page);
  await page.goto(`/products/${HOODIE.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: HOODIE.name })).toBeVisible();

  // Opens on the first variant in stock, S / Blue, at the base price.
  await expect(option(page, "Size", "S")).toBeChecked();
  await expect(option(page, "Colour", "Blue")).toBeChecked();
  await expect(page.getByTestId("price")).toHaveText("$69.00");
  await expect(page.getByTestId("sku")).toHaveText(/-S-BLUE$/);

  // M keeps Blue; the URL names the choice.
  await option(page, "Size", "M").check();
  await expect(page).toHaveURL(/\?Size=M&Colour=Blue$/);
  await expect(page.getByTestId("sku")).toHaveText(/-M-BLUE$/);
  await expect(page.getByTestId("stock")).toHaveText(/^(In stock|Only \d+ left in M \/ Blue)$/);

  // XL is $5 more, and XL / Blue is sold out: marked, and nothing to add.
  await expect(soldOutOption(page, "Size", "XL")).toBeVisible();
  await soldOutOption(page, "Size", "XL").check();
  await expect(page.getByTestId("price")).toHaveText("$74.00");
  await expect(page.getByTestId("stock")).toHaveText("Out of stock in XL / Blue");
  await expect(soldOutOption(page, "Colour", "Blue")).toBeChecked();
  await expect(page.getByText("XL / Blue is sold out. Choose another size or colour.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
  await snapshot(page, "sold-out combination");

  // XL / Black is in stock: add it.
  await option(page, "Colour", "Black").check();
  await expect(page).toHaveURL(/\?Size=XL&Colour=Black$/);
  await expect(page.getByTestId("price")).toHaveText("$74.00");
  await expect(page.getByTestId("stock")).not.toHaveText(/Out of stock/);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 1 to your cart" })).toBeVisible();

  // Back to M / Blue at the base price: add that too.
  await option(page, "Size", "M").check();
  await option(page, "Colour", "Blue").check();
  await expect(page).toHaveURL(/\?Size=M&Colour=Blue$/);
  await expect(page.getByTestId("price")).toHaveText("$69.00");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: "Cart with 2 items" })).toBeVisible();

  // Two lines, one per variant, each changed on its own.
  await page.goto("/cart");
  const lines = page.getByTestId("cart-line");
  await expect(lines).toHaveCount(2);
  const xl = lines.filter({ hasText: `${HOODIE.name} — XL / Black` });
  const m = lines.filter({ hasText: `${HOODIE.name} — M / Blue` });
  await expect(xl).toContainText("$74.00 each");
  await expect(m).toContainText("$69.00 each");
  await m.getByRole("button", { name: `Increase quantity of ${HOODIE.name} — M / Blue` }).click();
  await expect(m.getByTestId("quantity")).toHaveText("2");
  await expect(xl.getByTestId("quantity")).toHaveText("1");
  await snapshot(page, "cart with two variants");

  await checkoutToPayment(page);
  await pay(page, CARDS.success);
  await expect(page.getByRole("heading", { level: 1, name: "Order confirmed" })).toBeVisible();
  await page.getByRole("link", { name: "View order" }).click();
  const shipment = page.getByTestId("shipment");
  await expect(shipment).toHaveCount(1);
  await expect(shipment).toContainText(`${HOODIE.name} — XL / Black × 1`);
  await expect(shipment).toContainText(`${HOODIE.name} — M / Blue × 2`);
  await snapshot(page, "order with two variants");
});

test("a shared link opens on its variant, and the back button restores the previous choice", async ({ page }) => {
  await page.goto(`/products/${HOODIE.slug}?Size=L&Colour=Heather+Grey`);
  await expect(option(page, "Size", "L")).toBeChecked();
  await expect(option(page, "Colour", "Heather Grey")).toBeChecked();
  await expect(page.getByTestId("sku")).toHaveText(/-L-HEATHERGREY$/);

  await option(page, "Size", "XL").check();
  await expect(page).toHaveURL(/\?Size=XL&Colour=Heather\+Grey$/);
  await expect(page.getByTestId("price")).toHaveText("$74.00");

  await page.goBack();
  await expect(page).toHaveURL(/\?Size=L&Colour=Heather\+Grey$/);
  await expect(option(page, "Size", "L")).toBeChecked();
  await expect(page.getByTestId("price")).toHaveText("$69.00");
  await page.goForward();
  await expect(option(page, "Size", "XL")).toBeChecked();
});

/** Uploads a coloured square as a product picture, as the seller console's image field does. */
async function uploadPicture(page: Page, name: string, rgb: [number, number, number]) {
  const upload = await ok<{ url: string; headers: Record<string, string> }>(trpcMutation(page.request, "seller", "media.createProductImageUpload"));
  const response = await page.request.post(appUrl("seller", upload.url), {
    headers: upload.headers,
    multipart: { file: { name, mimeType: "image/png", buffer: pngSquare(64, rgb) } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { key: string; url: string; receipt: string };
}

/**
 * The demo seller's own product with Size S/M/L × Colour Blue/Black: S / Black not offered,
 * L / Blue with no stock, M / Blue with 2, L dearer, L / Black on sale; a picture per colour.
 */
async function productWithVariants(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "seller", demo.outdoorSeller);
  const suffix = newIdentity().suffix;
  const name = `Ridge Tee ${suffix}`;
  const sku = `TEE-${suffix}`.toUpperCase();
  const pictures = [
    { ...(await uploadPicture(page, "blue.png", [37, 99, 235])), alt: "Ridge Tee in blue" },
    { ...(await uploadPicture(page, "black.png", [15, 23, 42])), alt: "Ridge Tee in black" },
  ];
  const product = await ok<{ id: string; slug: string; images: { id: string; alt: string }[] }>(
    trpcMutation(page.request, "seller", "catalog.create", { name, sku, priceCents: 2500, description: "A tee in three sizes.", images: pictures }),
  );
  const pictureOf = (colour: string) => product.images.find((image) => image.alt === `Ridge Tee in ${colour.toLowerCase()}`)!.id;
  const combos: [string, string, number, number | null][] = [
    ["S", "Blue", 2500, null],
    ["M", "Blue", 2500, null],
    ["M", "Black", 2500, null],
    ["L", "Blue", 2700, null],
    ["L", "Black", 2700, 3500],
  ];
  const saved = await ok<{ variants: { id: string; title: string }[] }>(
    trpcMutation(page.request, "seller", "catalog.saveVariants", {
      productId: product.id,
      options: [
        { name: "Size", values: ["S", "M", "L"] },
        { name: "Colour", values: ["Blue", "Black"] },
      ],
      variants: combos.map(([size, colour, priceCents, compareAtPriceCents]) => ({
        optionValues: [size, colour],
        sku: `${sku}-${size}-${colour}`.toUpperCase(),
        priceCents,
        compareAtPriceCents,
        imageId: pictureOf(colour),
      })),
    }),
  );
  const warehouses = await ok<{ id: string }[]>(trpcQuery(page.request, "seller", "inventory.warehouses"));
  const units: Record<string, number> = { "S / Blue": 10, "M / Blue": 2, "M / Black": 10, "L / Black": 10 };
  for (const variant of saved.variants) {
    const onHand = units[variant.title];
    if (onHand)
      await ok(trpcMutation(page.request, "seller", "inventory.setOnHand", { variantId: variant.id, warehouseId: warehouses[0]!.id, onHand, version: 0 }));
  }
  await ok(trpcMutation(page.request, "seller", "catalog.publish", { id: product.id }));
  await context.close();
  return { ...product, name };
}

test("scarce, missing and discounted combinations of a seller's new product", async ({ page, browser }) => {
  const product = await productWithVariants(browser);
  await page.goto(`/products/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: product.name })).toBeVisible();

  // S is offered in Blue only: Black is disabled while S is chosen. The blue picture is shown.
  await expect(option(page, "Size", "S")).toBeChecked();
  await expect(page.getByRole("img", { name: "Ridge Tee in blue" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Ridge Tee in black" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: /^Colour/ }).getByRole("radio", { name: /^Black/ })).toBeDisabled();

  await option(page, "Size", "M").check();
  await expect(page.getByTestId("stock")).toHaveText("Only 2 left in M / Blue");
  await expect(option(page, "Colour", "Black")).toBeEnabled();

  // L keeps Blue, which has no stock; Black is dearer and on sale.
  await soldOutOption(page, "Size", "L").check();
  await expect(page.getByTestId("stock")).toHaveText("Out of stock in L / Blue");
  await expect(page.getByTestId("price")).toHaveText("$27.00");
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
  await option(page, "Colour", "Black").check();
  await expect(page.getByTestId("price")).toHaveText("$27.00");
  await expect(page.getByTestId("compare-at-price")).toHaveText("was $35.00");
  await expect(page.getByRole("img", { name: "Ridge Tee in black" })).toBeVisible();
  await expect(page.getByTestId("sku")).toHaveText(/-L-BLACK$/);
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();

  // The listing says the price is a range, and filters by colour.
  await page.goto(`/search?q=${encodeURIComponent(product.name)}`);
  const card = page.getByTestId("product-grid").getByRole("listitem").filter({ hasText: product.name });
  await expect(card.getByTestId("card-price")).toHaveText("From $25.00");
  await page
    .getByRole("group", { name: "Colour" })
    .getByRole("checkbox", { name: /^Black/ })
    .check();
  await expect(page).toHaveURL(/[?&]options=Colour%3ABlack/);
  await expect(card).toBeVisible();
});
