import { expect, type Browser, type Page } from "@playwright/test";
import { ok, trpcMutation, trpcQuery } from "../seller/trpc";
import { appUrl, confirmEmail, demo, newIdentity, signIn, signUpBuyer, type Credentials } from "../support";

// Data the admin suites make for themselves through the apps' own APIs, so they never touch
// (and never depend on) the demo shops and products other suites use.

export interface ShopProduct {
  id: string;
  slug: string;
  name: string;
  priceCents: number;
}

/** A new page in its own browser context, signed in to the admin console as the demo admin. */
export async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "admin", demo.admin);
  return page;
}

/** A seller application (sign-up through the seller console's API), pending approval. */
export async function applyToSell(browser: Browser) {
  const person = newIdentity("shop");
  const shop = { name: `E2E Shop ${person.suffix}`, slug: `e2e-shop-${person.suffix}` };
  const page = await (await browser.newContext()).newPage();
  await ok(
    trpcMutation(page.request, "seller", "account.signUpSeller", {
      name: person.name,
      email: person.email,
      password: person.password,
      shopName: shop.name,
      slug: shop.slug,
      contactEmail: person.email,
    }),
  );
  return { person, shop, page };
}

export async function sellerIdOf(admin: Page, email: string): Promise<string> {
  const list = await ok<{ items: { id: string }[] }>(trpcQuery(admin.request, "admin", "admin.sellers.list", { q: email }));
  expect(list.items).toHaveLength(1);
  return list.items[0]!.id;
}

/**
 * An approved shop of its own with published products in stock: applied, approved through the
 * admin API, then a warehouse, products, stock and publishing through the seller console's API.
 */
export async function approvedShop(browser: Browser, admin: Page, products: { name: string; priceCents: number; units: number }[]) {
  const { person, shop, page } = await applyToSell(browser);
  const sellerId = await sellerIdOf(admin, person.email);
  // A shop is approved only once its owner confirmed their email (the link in the mailbox).
  await confirmEmail(admin, person.email);
  await ok(trpcMutation(admin.request, "admin", "admin.sellers.approve", { sellerId }));
  await signIn(page, "seller", person);
  const warehouse = await ok<{ id: string }>(trpcMutation(page.request, "seller", "inventory.createWarehouse", { name: "Main", code: "MAIN", country: "US" }));
  const made: ShopProduct[] = [];
  for (const [i, p] of products.entries()) {
    const product = await ok<{ id: string; slug: string }>(
      trpcMutation(page.request, "seller", "catalog.create", {
        name: p.name,
        sku: `E2E-${person.suffix}-${i}`.toUpperCase(),
        priceCents: p.priceCents,
        description: "Made by the admin e2e suite.",
      }),
    );
    await ok(trpcMutation(page.request, "seller", "inventory.setOnHand", { productId: product.id, warehouseId: warehouse.id, onHand: p.units, version: 0 }));
    await ok(trpcMutation(page.request, "seller", "catalog.publish", { id: product.id }));
    made.push({ id: product.id, slug: product.slug, name: p.name, priceCents: p.priceCents });
  }
  return { person, shop, sellerId, sellerPage: page, products: made };
}

/** What the seller's own stock rows say about one product (summed over warehouses). */
export async function stockOf(sellerPage: Page, productId: string) {
  const rows = await ok<{ items: { onHand: number; allocated: number; available: number }[] }>(
    trpcQuery(sellerPage.request, "seller", "inventory.list", { productId }),
  );
  return rows.items.reduce((sum, r) => ({ onHand: sum.onHand + r.onHand, allocated: sum.allocated + r.allocated, available: sum.available + r.available }), {
    onHand: 0,
    allocated: 0,
    available: 0,
  });
}

/**
 * A new buyer pays for these lines: cart and checkout through the storefront's API, the card
 * through the local payment simulator (which delivers the signed webhook), as the checkout page does.
 */
export async function paidOrder(
  browser: Browser,
  lines: { productId: string; quantity: number }[],
  options: { viewport?: { width: number; height: number }; card?: string } = {},
) {
  const page = await (await browser.newContext(options.viewport ? { viewport: options.viewport } : {})).newPage();
  const buyer: Credentials & { name: string; suffix: string } = newIdentity("buyer");
  await signUpBuyer(page, buyer);
  for (const line of lines) await ok(trpcMutation(page.request, "storefront", "cart.add", line));
  const placed = await ok<{ orderId: string; orderNumber: number; paymentIntentId: string; clientSecret: string; totalCents: number }>(
    trpcMutation(page.request, "storefront", "checkout.start", {
      idempotencyKey: `e2e-admin-${buyer.suffix}`,
      shippingAddress: { fullName: "Robin Tester", line1: "500 Market Street", city: "Portland", postalCode: "97201", country: "US" },
    }),
  );
  await payWithSimulator(page, placed, options.card);
  return { buyer, buyerPage: page, ...placed };
}

/** Pays a placed order through the local payment simulator's route (which delivers the signed webhook), as the checkout page does. */
export async function payWithSimulator(page: Page, placed: { paymentIntentId: string; clientSecret: string }, card = "4242 4242 4242 4242") {
  const paid = await page.request.post(appUrl("storefront", "/api/payment-sim/confirm"), {
    data: { paymentIntentId: placed.paymentIntentId, clientSecret: placed.clientSecret, cardNumber: card },
  });
  expect(paid.status(), await paid.text()).toBe(200);
  expect(((await paid.json()) as { status: string }).status).toBe("succeeded");
}
