import { expect as baseExpect, type Page } from "@playwright/test";
import { appUrl, demo, test } from "../support";
import { signIn } from "./sign-in";
import { ok, trpcMutation, trpcQuery } from "./trpc";

// Three production servers, PostgreSQL and the worker share two cores with other runs: give each step room.
const expect = baseExpect.configure({ timeout: 30_000 });

// One shop's product, shipment and money, asked for by another shop: by URL (the console's pages)
// and by API (tRPC and the CSV downloads). Every answer is 404 or 403 and carries none of the data.

interface ProductRow {
  id: string;
  name: string;
  sku: string;
  status: string;
  available: number;
}

async function newPage(browser: import("@playwright/test").Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("a seller cannot open another seller's product, shipment or ledger by URL or API", async ({ browser }) => {
  test.setTimeout(300_000);
  const owner = await newPage(browser);
  const other = await newPage(browser);
  const buyer = await newPage(browser);
  await signIn(owner, "seller", demo.audioSeller);
  await signIn(other, "seller", demo.homeSeller);
  await signIn(buyer, "storefront", demo.buyer);

  // The owner's product, and a paid order of it so there is a shipment and a ledger entry.
  const products = await ok<{ items: ProductRow[] }>(trpcQuery(owner.request, "seller", "seller.products", { status: "ACTIVE", limit: 50 }));
  const product = products.items.find((p) => p.available > 2);
  expect(product, "the seed gives Northwind Audio active products in stock").toBeDefined();
  await ok(trpcMutation(buyer.request, "storefront", "cart.add", { productId: product!.id, quantity: 1 }));
  const placed = await ok<{ orderId: string; orderNumber: number; paymentIntentId: string; clientSecret: string }>(
    trpcMutation(buyer.request, "storefront", "checkout.start", {
      idempotencyKey: `e2e-access-${Date.now()}`,
      shippingAddress: { fullName: "Private Person", line1: "7 Secret Lane", city: "Springfield", postalCode: "12345", country: "US" },
    }),
  );
  await ok(
    trpcMutation(buyer.request, "storefront", "payments.simulatorConfirm", {
      paymentIntentId: placed.paymentIntentId,
      clientSecret: placed.clientSecret,
      cardNumber: "4242424242424242",
    }),
  );
  const shipments = await ok<{ items: { id: string; order: { number: number } }[] }>(trpcQuery(owner.request, "seller", "fulfillment.list", { limit: 50 }));
  const shipment = shipments.items.find((s) => s.order.number === placed.orderNumber);
  expect(shipment).toBeDefined();

  // By URL: the other shop gets the 404 page, with nothing of the owner's.
  for (const path of [`/products/${product!.id}`, `/orders/${shipment!.id}`, `/orders/${shipment!.id}/packing-slip`]) {
    const response = await other.goto(appUrl("seller", path));
    expect(response?.status(), path).toBe(404);
    await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
    const text = await other.locator("main").innerText();
    expect(text).not.toContain(product!.name);
    expect(text).not.toContain("7 Secret Lane");
  }
  // The owner, of course, sees them.
  await owner.goto(appUrl("seller", `/orders/${shipment!.id}`));
  await expect(owner.getByText("7 Secret Lane")).toBeVisible();

  // By API: not found, never data.
  const calls = [
    trpcQuery(other.request, "seller", "catalog.mineById", { id: product!.id }),
    trpcQuery(other.request, "seller", "fulfillment.get", { shipmentId: shipment!.id }),
    trpcQuery(other.request, "seller", "seller.packingSlip", { shipmentId: shipment!.id }),
    trpcMutation(other.request, "seller", "catalog.update", { id: product!.id, name: "Taken over" }),
    trpcMutation(other.request, "seller", "fulfillment.markShipped", { shipmentId: shipment!.id, carrier: "UPS", trackingNumber: "1ZSTOLEN" }),
  ];
  for (const reply of await Promise.all(calls)) {
    expect(reply.status, reply.body).toBe(404);
    expect(reply.error?.code).toBe("NOT_FOUND");
    expect(reply.body).not.toContain(product!.name);
    expect(reply.body).not.toContain("Secret Lane");
  }
  const bulk = await ok<{ changed: number }>(trpcMutation(other.request, "seller", "seller.bulkProductStatus", { ids: [product!.id], action: "archive" }));
  expect(bulk.changed).toBe(0);

  // Ledger: each shop's money views and downloads hold only its own entries.
  await expect(async () => {
    const sales = await ok<{ items: { orderNumber: number }[] }>(trpcQuery(owner.request, "seller", "seller.sales", {}));
    expect(sales.items.map((s) => s.orderNumber)).toContain(placed.orderNumber);
  }).toPass({ timeout: 30_000 });
  const otherSales = await ok<{ items: { orderNumber: number }[] }>(trpcQuery(other.request, "seller", "seller.sales", {}));
  expect(otherSales.items.map((s) => s.orderNumber)).not.toContain(placed.orderNumber);
  const otherLedger = await other.request.get(appUrl("seller", "/api/export/ledger"));
  expect(otherLedger.status()).toBe(200);
  expect(await otherLedger.text()).not.toContain(`Order #${placed.orderNumber}:`);
  await other.goto(appUrl("seller", "/money"));
  await expect(other.getByRole("heading", { level: 1, name: "Money" })).toBeVisible();
  await expect(other.locator("main")).not.toContainText(`#${placed.orderNumber}`);

  // Nobody signed in, and a shop still in review, get refusals.
  const anonymous = (await browser.newContext()).request;
  expect((await anonymous.get(appUrl("seller", "/api/export/ledger"))).status()).toBe(401);
  expect((await trpcQuery(anonymous, "seller", "fulfillment.get", { shipmentId: shipment!.id })).status).toBe(401);
  const pending = await newPage(browser);
  await signIn(pending, "seller", demo.pendingSeller);
  expect((await pending.request.get(appUrl("seller", "/api/export/products"))).status()).toBe(403);
  expect((await trpcQuery(pending.request, "seller", "catalog.mineById", { id: product!.id })).status).toBe(403);
  // (the product was untouched by all of this)
  const after = await ok<{ name: string; status: string }>(trpcQuery(owner.request, "seller", "catalog.mineById", { id: product!.id }));
  expect(after).toMatchObject({ name: product!.name, status: "ACTIVE" });
});
