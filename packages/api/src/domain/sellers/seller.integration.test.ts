// The seller console's figures and files against a real database: the dashboard's aggregates
// (time windows, time zones, other shops left out), CSV import with its per-row report, export
// round trips, packing slips, sales with commission, and access to another shop's data.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../../events/drain";
import { createTrpcHandler } from "../../server";
import { callerFor } from "../../testing";
import { loadActor } from "../../trpc";
import { createBuyer, createCategory, createProduct, createSeller } from "../../testing/factories";
import { payWithCard, placeOrder, useDatabaseForHandlers } from "../../testing/payments";
import { createConnectOnboardingLink } from "../ledger/connect";
import { getSellerDashboard } from "../analytics/seller-dashboard";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

const daysBefore = (date: Date, days: number, hours = 0) => new Date(date.getTime() - days * 86_400_000 - hours * 3_600_000);

async function paidOrder(productId: string, quantity = 1) {
  const buyer = await createBuyer(t.db);
  const placed = await placeOrder(t.db, buyer.id, [{ productId, quantity }]);
  await payWithCard(t.db, placed);
  const shipment = await t.db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId } });
  return { buyer, placed, shipment };
}

describe("seller dashboard", () => {
  it("sums paid sales for today and the last 30 days, per day, leaving out other shops and older orders", async () => {
    const shop = await createSeller(t.db);
    const other = await createSeller(t.db);
    const { product } = await createProduct(t.db, shop.seller.id, { stock: 50, priceCents: 2000 });
    const { product: othersProduct } = await createProduct(t.db, other.seller.id, { stock: 50, priceCents: 9900 });

    const now = new Date();
    const today = await paidOrder(product.id, 2);
    const fiveDaysAgo = await paidOrder(product.id, 1);
    const longAgo = await paidOrder(product.id, 3);
    await paidOrder(othersProduct.id, 1);
    const unpaidBuyer = await createBuyer(t.db);
    await placeOrder(t.db, unpaidBuyer.id, [{ productId: product.id, quantity: 1 }]); // never paid: no sale
    await t.db.order.update({ where: { id: fiveDaysAgo.placed.orderId }, data: { paidAt: daysBefore(now, 5) } });
    await t.db.order.update({ where: { id: longAgo.placed.orderId }, data: { paidAt: daysBefore(now, 45) } });

    const seller = await callerFor(t.db, shop.user.id);
    const dashboard = await seller.seller.dashboard({ timeZone: "UTC" });
    expect(dashboard.currency).toBe("USD");
    expect(dashboard.today).toEqual({ salesCents: today.shipment.totalCents, orders: 1 });
    expect(dashboard.last30Days).toEqual({ salesCents: today.shipment.totalCents + fiveDaysAgo.shipment.totalCents, orders: 2 });
    expect(dashboard.series).toHaveLength(30);
    expect(dashboard.series.at(-1)).toMatchObject({ day: now.toISOString().slice(0, 10), salesCents: today.shipment.totalCents });
    expect(dashboard.series.at(-6)).toMatchObject({ day: daysBefore(now, 5).toISOString().slice(0, 10), salesCents: fiveDaysAgo.shipment.totalCents });
    expect(dashboard.series.reduce((sum, d) => sum + d.orders, 0)).toBe(2);
    // All three paid shipments are still to be sent, whenever they were paid.
    expect(dashboard.ordersToShip).toBe(3);

    await seller.fulfillment.markShipped({ shipmentId: longAgo.shipment.id, carrier: "UPS", trackingNumber: "1Z999" });
    expect((await seller.seller.dashboard()).ordersToShip).toBe(2);

    // The sales are pending (in their payout hold) from their payments' split, written as each was captured; nothing is available yet.
    const pending = await t.db.ledgerAccount.findFirstOrThrow({ where: { sellerId: shop.seller.id, kind: "SELLER_PENDING" }, select: { id: true } });
    const credits = await t.db.ledgerEntry.aggregate({ where: { accountId: pending.id, direction: "CREDIT" }, _sum: { amountCents: true } });
    expect(dashboard.balance).toMatchObject({ pendingCents: credits._sum.amountCents, availableCents: 0 });
    expect(credits._sum.amountCents).toBeGreaterThan(0);
    // Four checkouts, payments and the background work after them: slow on a busy machine.
  }, 180_000);

  it("counts days in the seller's time zone", async () => {
    const shop = await createSeller(t.db);
    const { product } = await createProduct(t.db, shop.seller.id, { stock: 5, priceCents: 1500 });
    const sale = await paidOrder(product.id);
    // 23:30 UTC on 10 March is already 08:30 on 11 March in Tokyo.
    await t.db.order.update({ where: { id: sale.placed.orderId }, data: { paidAt: new Date("2026-03-10T23:30:00Z") } });
    const me = (await loadActor(t.db, shop.user.id))!;
    const now = new Date("2026-03-11T10:00:00Z");
    const utc = await getSellerDashboard(t.db, me, { timeZone: "UTC" }, now);
    const tokyo = await getSellerDashboard(t.db, me, { timeZone: "Asia/Tokyo" }, now);
    expect(utc.today.orders).toBe(0);
    expect(utc.series.at(-2)).toMatchObject({ day: "2026-03-10", orders: 1 });
    expect(tokyo.today).toEqual({ salesCents: sale.shipment.totalCents, orders: 1 });
    expect(tokyo.series.at(-1)?.day).toBe("2026-03-11");
    const seller = await callerFor(t.db, shop.user.id);
    await expect(seller.seller.dashboard({ timeZone: "Mars/Olympus'; DROP TABLE" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("counts low-stock rows of live products only, and a refund takes the sale back out", async () => {
    const shop = await createSeller(t.db);
    await createProduct(t.db, shop.seller.id, { stock: 3, lowStockThreshold: 5 });
    await createProduct(t.db, shop.seller.id, { stock: 3, lowStockThreshold: 5, status: "ARCHIVED" });
    await createProduct(t.db, shop.seller.id, { stock: 30, lowStockThreshold: 5 });
    const { product } = await createProduct(t.db, shop.seller.id, { stock: 30, priceCents: 4000 });
    const sale = await paidOrder(product.id);
    const seller = await callerFor(t.db, shop.user.id);
    expect((await seller.seller.dashboard()).lowStockItems).toBe(1);

    const buyer = await callerFor(t.db, sale.buyer.id);
    await buyer.orders.cancel({ orderId: sale.placed.orderId, reason: "Changed my mind" });
    const after = await seller.seller.dashboard();
    expect(after.today).toEqual({ salesCents: 0, orders: 1 });
    expect(after.ordersToShip).toBe(0);
  });
});

describe("product CSV import", () => {
  it("imports good rows, reports each bad row with its line and field, and writes nothing on a dry run", async () => {
    const shop = await createSeller(t.db);
    const category = await createCategory(t.db, { name: "Desk lamps" });
    await createProduct(t.db, shop.seller.id, { sku: "LAMP-1", name: "Old lamp name", priceCents: 1000, status: "DRAFT" });
    const seller = await callerFor(t.db, shop.user.id);
    const csv = [
      "sku,name,description,category,price,currency,status",
      `LAMP-1,Brass desk lamp,"A lamp.\nWith a second line.",${category.slug},49.90,USD,active`,
      'LAMP-2,Green lamp,,Desk lamps,"1,250.00",usd,draft',
      "LAMP-3,Bad price,,,abc,USD,",
      "LAMP-4,Unknown category,,garden-gnomes,10,USD,",
      "LAMP 5,X,,,10,XYZ,sold",
      "LAMP-6,Free lamp,,,0,USD,active",
      "LAMP-7,First,,,5,USD,",
      "",
      "LAMP-7,Second,,,6,USD,",
    ].join("\n");

    const dry = await seller.seller.importProducts({ csv, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 0, updated: 0, failed: 6, fileErrors: [] });
    expect(await t.db.product.count({ where: { sellerId: shop.seller.id } })).toBe(1);
    expect(dry.rows.map((r) => [r.line, r.sku, r.outcome])).toEqual([
      [2, "LAMP-1", "will-update"],
      [4, "LAMP-2", "will-create"],
      [5, "LAMP-3", "error"],
      [6, "LAMP-4", "error"],
      [7, "LAMP 5", "error"],
      [8, "LAMP-6", "error"],
      [9, "LAMP-7", "error"],
      [11, "LAMP-7", "error"],
    ]);
    const errorsOf = (line: number) => dry.rows.find((r) => r.line === line)?.errors;
    expect(errorsOf(5)).toEqual([{ field: "price", message: '"abc" is not a price; write it like 19.99.' }]);
    expect(errorsOf(6)).toEqual([{ field: "category", message: 'No category "garden-gnomes"; use a category\'s slug or name from the catalog.' }]);
    expect(
      errorsOf(7)
        ?.map((e) => e.field)
        .sort(),
    ).toEqual(["currency", "name", "sku", "status"]);
    expect(errorsOf(8)).toEqual([{ field: "price", message: "A published product needs a price above zero." }]);
    expect(errorsOf(9)).toEqual([{ field: "sku", message: "SKU LAMP-7 is on lines 9, 11; each SKU may appear once." }]);

    const done = await seller.seller.importProducts({ csv });
    expect(done).toMatchObject({ dryRun: false, created: 1, updated: 1, failed: 6 });
    const lamp1 = await t.db.product.findFirstOrThrow({ where: { sellerId: shop.seller.id, sku: "LAMP-1" } });
    expect(lamp1).toMatchObject({
      name: "Brass desk lamp",
      description: "A lamp.\nWith a second line.",
      priceCents: 4990,
      status: "ACTIVE",
      categoryId: category.id,
    });
    const lamp2 = await t.db.product.findFirstOrThrow({ where: { sellerId: shop.seller.id, sku: "LAMP-2" } });
    expect(lamp2).toMatchObject({ priceCents: 125_000, currency: "USD", status: "DRAFT", categoryId: category.id });
    expect(await t.db.product.count({ where: { sellerId: shop.seller.id } })).toBe(2);
  });

  it("refuses a file without the required columns, and exports what it imports", async () => {
    const shop = await createSeller(t.db);
    const seller = await callerFor(t.db, shop.user.id);
    const missing = await seller.seller.importProducts({ csv: "sku,title\nA,B\n" });
    expect(missing.rows).toEqual([]);
    expect(missing.fileErrors).toEqual([
      "The header is missing the columns name, price. Expected: product_sku,sku,name,description,category,price,compare_at_price,currency,status,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value",
      "Unknown column title. Use only: product_sku,sku,name,description,category,price,compare_at_price,currency,status,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value",
    ]);
    expect((await seller.seller.importProducts({ csv: "sku,name,price\n" })).fileErrors).toEqual(["The file has a header but no products."]);

    await createProduct(t.db, shop.seller.id, { sku: "F-1", name: "Formula", description: '=HYPERLINK("http://evil")', priceCents: 1999, status: "ACTIVE" });
    await createProduct(t.db, shop.seller.id, { sku: "F-2", name: "Plain", priceCents: 500, status: "ARCHIVED" });
    const csv = await seller.seller.exportProducts();
    expect(csv.split("\r\n")).toEqual([
      "product_sku,sku,name,description,category,price,compare_at_price,currency,status,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value",
      `,F-1,Formula,"'=HYPERLINK(""http://evil"")",,19.99,,USD,active,,,,,,`,
      ",F-2,Plain,,,5.00,,USD,archived,,,,,,",
      "",
    ]);
    const again = await seller.seller.importProducts({ csv });
    expect(again).toMatchObject({ created: 0, updated: 2, failed: 0 });
    expect((await t.db.product.findFirstOrThrow({ where: { sellerId: shop.seller.id, sku: "F-1" } })).description).toBe('=HYPERLINK("http://evil")');
  });

  it("imports a product with options as one row per variant, reports a bad row's whole product, and exports what it imports", async () => {
    const shop = await createSeller(t.db);
    const seller = await callerFor(t.db, shop.user.id);
    const header = "product_sku,sku,name,price,compare_at_price,status,option1_name,option1_value,option2_name,option2_value";
    const csv = [
      header,
      "HOOD,HOOD-M-BLUE,Trail Hoodie,40.00,,active,Size,M,Colour,Blue",
      "HOOD,HOOD-L-BLUE,Trail Hoodie,45.00,55.00,active,Size,L,Colour,Blue",
      "HOOD,HOOD-L-BLACK,Trail Hoodie,45.00,,active,Size,L,Colour,Black",
      "CAP,CAP-1,Cap,abc,,,Size,One",
      "CAP,CAP-2,Cap,12.00,,,Size,Two",
      "SOCK,SOCK-S,Socks,9.00,,,Size,S,Colour,Grey",
      "SOCK,SOCK-M,Socks,9.00,,,Size,M",
      "MUG,MUG,Mug,12.00,,active,,,,",
    ].join("\n");
    const dry = await seller.seller.importProducts({ csv, dryRun: true });
    expect(dry.rows.map((r) => [r.line, r.sku, r.outcome])).toEqual([
      [2, "HOOD-M-BLUE", "will-create"],
      [3, "HOOD-L-BLUE", "will-create"],
      [4, "HOOD-L-BLACK", "will-create"],
      [5, "CAP-1", "error"],
      [6, "CAP-2", "error"],
      [7, "SOCK-S", "error"],
      [8, "SOCK-M", "error"],
      [9, "MUG", "will-create"],
    ]);
    expect(dry.rows[4]?.errors).toEqual([{ field: null, message: "Another row of product CAP has errors; fix it to import this product." }]);
    expect(dry.rows[5]?.errors[0]?.message).toBe("The rows of product SOCK must name the same options in the same order (Size, Colour).");

    const done = await seller.seller.importProducts({ csv });
    expect(done).toMatchObject({ created: 4, updated: 0, failed: 4 });
    const hoodie = await t.db.product.findFirstOrThrow({
      where: { sellerId: shop.seller.id, sku: "HOOD" },
      include: { options: { orderBy: { position: "asc" } }, variants: { orderBy: { position: "asc" } } },
    });
    expect([hoodie.status, hoodie.priceCents, hoodie.priceMaxCents]).toEqual(["ACTIVE", 4000, 4500]);
    expect(hoodie.options.map((o) => [o.name, o.values])).toEqual([
      ["Size", ["M", "L"]],
      ["Colour", ["Blue", "Black"]],
    ]);
    expect(hoodie.variants.map((v) => [v.sku, v.title, v.priceCents, v.compareAtPriceCents])).toEqual([
      ["HOOD-M-BLUE", "M / Blue", 4000, null],
      ["HOOD-L-BLUE", "L / Blue", 4500, 5500],
      ["HOOD-L-BLACK", "L / Black", 4500, null],
    ]);

    // Export, change a price, import again: the same variants are updated, not replaced.
    const exported = await seller.seller.exportProducts();
    expect(exported.split("\r\n").filter((line) => line.startsWith("HOOD,"))).toEqual([
      "HOOD,HOOD-M-BLUE,Trail Hoodie,,,40.00,,USD,active,Size,M,Colour,Blue,,",
      "HOOD,HOOD-L-BLUE,Trail Hoodie,,,45.00,55.00,USD,active,Size,L,Colour,Blue,,",
      "HOOD,HOOD-L-BLACK,Trail Hoodie,,,45.00,,USD,active,Size,L,Colour,Black,,",
    ]);
    const again = await seller.seller.importProducts({ csv: exported.replace("HOOD-M-BLUE,Trail Hoodie,,,40.00", "HOOD-M-BLUE,Trail Hoodie,,,42.00") });
    expect(again).toMatchObject({ created: 0, updated: 4, failed: 0 });
    const after = await t.db.productVariant.findMany({ where: { productId: hoodie.id }, orderBy: { position: "asc" } });
    expect(after.map((v) => [v.id, v.priceCents])).toEqual(hoodie.variants.map((v) => [v.id, v.sku === "HOOD-M-BLUE" ? 4200 : v.priceCents]));
  });

  it("never touches another shop's product with the same SKU", async () => {
    const mine = await createSeller(t.db);
    const theirs = await createSeller(t.db);
    const { product: theirProduct } = await createProduct(t.db, theirs.seller.id, { sku: "SHARED-1", name: "Theirs", priceCents: 100 });
    const seller = await callerFor(t.db, mine.user.id);
    const report = await seller.seller.importProducts({ csv: "sku,name,price\nSHARED-1,Mine,2.50\n" });
    expect(report).toMatchObject({ created: 1, updated: 0, failed: 0 });
    expect(await t.db.product.findUniqueOrThrow({ where: { id: theirProduct.id } })).toMatchObject({ name: "Theirs", priceCents: 100 });
  });
});

describe("a seller's own data only", () => {
  it("gives another shop's shipment, packing slip and products as not found, and changes nothing of theirs", async () => {
    const a = await createSeller(t.db);
    const b = await createSeller(t.db);
    const { product } = await createProduct(t.db, a.seller.id, { stock: 5, priceCents: 2500, status: "DRAFT" });
    await t.db.product.update({ where: { id: product.id }, data: { status: "ACTIVE" } });
    const sale = await paidOrder(product.id, 2);
    await drainOutbox(t.db);
    const sellerA = await callerFor(t.db, a.user.id);
    const sellerB = await callerFor(t.db, b.user.id);

    const slip = await sellerA.seller.packingSlip({ shipmentId: sale.shipment.id });
    expect(slip).toMatchObject({
      shop: { shopName: a.seller.shopName },
      items: [{ sku: product.sku, quantity: 2 }],
      totalUnits: 2,
      shipTo: { fullName: "Test Buyer", country: "US" },
    });
    await expect(sellerB.seller.packingSlip({ shipmentId: sale.shipment.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sellerB.fulfillment.get({ shipmentId: sale.shipment.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const bulk = await sellerB.seller.bulkProductStatus({ ids: [product.id], action: "archive" });
    expect(bulk).toEqual({ changed: 0, results: [{ id: product.id, ok: false, status: null, error: "That product is not in your shop." }] });
    expect((await t.db.product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("ACTIVE");

    // B's money views are B's: empty, however much A sold.
    expect((await sellerB.seller.sales()).items).toEqual([]);
    expect((await sellerB.ledger.entries()).items).toEqual([]);
    expect(await sellerB.seller.exportLedger()).toBe("date,type,description,order,payout,credit,debit,balance,currency,account\r\n");
    expect(await sellerB.seller.exportProducts()).toBe(
      "product_sku,sku,name,description,category,price,compare_at_price,currency,status,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value\r\n",
    );

    const [aSale] = (await sellerA.seller.sales()).items;
    expect(aSale).toMatchObject({ shipmentId: sale.shipment.id, grossCents: sale.shipment.totalCents, settled: true });
    // Commission and net add up to the gross, to the cent, as the split wrote them.
    expect(aSale!.commissionCents + aSale!.netCents).toBe(aSale!.grossCents);
    expect(aSale!.commissionCents).toBe(Math.round(sale.shipment.totalCents * 0.1));
    const ledgerCsv = (await sellerA.seller.exportLedger()).split("\r\n");
    expect(ledgerCsv).toHaveLength(3);
    expect(ledgerCsv[1]).toContain(
      `payment split,Order #${sale.placed.orderNumber}: payment split,${sale.placed.orderNumber},,${aSale!.netCents / 100},,${aSale!.netCents / 100},USD`,
    );
  });

  it("answers another shop's ids over HTTP with 404 and no data, and a stranger with 401", async () => {
    const a = await createSeller(t.db);
    const b = await createSeller(t.db);
    const { product } = await createProduct(t.db, a.seller.id, { stock: 5, name: "Secret lamp", priceCents: 2500 });
    const sale = await paidOrder(product.id);
    // The same handler the apps mount at /api/trpc, acting as whoever `identify` says.
    const as = (userId: string | null) => createTrpcHandler(async () => ({ userId }));
    const get = (userId: string | null, path: string, input: unknown) =>
      as(userId)(new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`));

    for (const [path, input] of [
      ["catalog.mineById", { id: product.id }],
      ["fulfillment.get", { shipmentId: sale.shipment.id }],
      ["seller.packingSlip", { shipmentId: sale.shipment.id }],
    ] as const) {
      const response = await get(b.user.id, path, input);
      const body = await response.text();
      expect(response.status, `${path}: ${body}`).toBe(404);
      expect(body).not.toContain("Secret lamp");
      expect(body).not.toContain("1 Market Street");
      expect((await get(null, path, input)).status).toBe(401);
      expect((await get(a.user.id, path, input)).status).toBe(200);
    }
    const update = await as(b.user.id)(
      new Request("http://localhost/api/trpc/catalog.update", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { id: product.id, name: "Mine now" } }),
      }),
    );
    expect(update.status).toBe(404);
    expect((await t.db.product.findUniqueOrThrow({ where: { id: product.id } })).name).toBe("Secret lamp");
  });

  it("lets a pending shop see its onboarding status but nothing that needs approval", async () => {
    const pending = await createSeller(t.db, { status: "PENDING" });
    const seller = await callerFor(t.db, pending.user.id);
    const status = await seller.seller.onboarding();
    expect(status.shop.status).toBe("PENDING");
    expect(status.payableAccount).toBe(false);
    expect(status.steps.find((s) => s.id === "approved")?.done).toBe(false);
    await expect(seller.seller.dashboard()).rejects.toMatchObject({ code: "FORBIDDEN", message: "Your shop is awaiting approval by the Bazaar team." });
    await expect(seller.seller.connectLink({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const buyer = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(buyer.seller.onboarding()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("explains that payouts need no Stripe account when Stripe is not configured", async () => {
    const shop = await createSeller(t.db);
    const seller = await callerFor(t.db, shop.user.id);
    await expect(seller.seller.connectLink({})).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Stripe is not configured on this Bazaar, so payouts are simulated and need no Stripe account.",
    });
  });
});

describe("Stripe Connect onboarding", () => {
  it("creates the connected account once, records it, and makes a fresh link each time", async () => {
    // A stand-in for api.stripe.com on 127.0.0.1: the real SDK, the real request shapes.
    const calls: { path: string; body: string; idempotencyKey: string | undefined }[] = [];
    const stub = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        calls.push({ path: req.url ?? "", body, idempotencyKey: req.headers["idempotency-key"] as string | undefined });
        res.setHeader("content-type", "application/json");
        if (req.url === "/v1/accounts") return res.end(JSON.stringify({ id: "acct_test_123", object: "account" }));
        if (req.url === "/v1/account_links") {
          return res.end(
            JSON.stringify({ object: "account_link", url: `https://connect.stripe.test/setup/${calls.length}`, created: 1, expires_at: 1_900_000_000 }),
          );
        }
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { message: "unknown" } }));
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = stub.address() as AddressInfo;
      const stripe = new Stripe("sk_test_stub", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
      const shop = await createSeller(t.db);
      const actor = (await loadActor(t.db, shop.user.id))!;
      const urls = { returnUrl: "http://localhost:3001/money", refreshUrl: "http://localhost:3001/money" };

      const first = await createConnectOnboardingLink(t.db, actor, urls, stripe);
      expect(first).toEqual({ url: "https://connect.stripe.test/setup/2", accountId: "acct_test_123", expiresAt: new Date(1_900_000_000_000) });
      expect((await t.db.seller.findUniqueOrThrow({ where: { id: shop.seller.id } })).stripeAccountId).toBe("acct_test_123");
      const second = await createConnectOnboardingLink(t.db, actor, urls, stripe);
      expect(second.url).toBe("https://connect.stripe.test/setup/3");

      expect(calls.map((c) => c.path)).toEqual(["/v1/accounts", "/v1/account_links", "/v1/account_links"]);
      expect(calls[0]?.idempotencyKey).toBe(`connect-account:${shop.seller.id}`);
      const account = new URLSearchParams(calls[0]!.body);
      expect(account.get("type")).toBe("express");
      expect(account.get("metadata[sellerId]")).toBe(shop.seller.id);
      const link = new URLSearchParams(calls[1]!.body);
      expect(Object.fromEntries(link)).toMatchObject({ account: "acct_test_123", type: "account_onboarding", return_url: urls.returnUrl });
    } finally {
      await new Promise((resolve) => stub.close(resolve));
    }
  });
});
