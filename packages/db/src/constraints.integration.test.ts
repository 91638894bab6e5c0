import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

async function makeProduct() {
  const user = await t.db.user.create({ data: { email: `s${Math.random()}@x.test`, role: "SELLER" } });
  const seller = await t.db.seller.create({
    data: { userId: user.id, shopName: "Shop", slug: `shop-${user.id}`, contactEmail: user.email, status: "APPROVED" },
  });
  const warehouse = await t.db.warehouse.create({ data: { sellerId: seller.id, name: "Main", code: "MAIN" } });
  const product = await t.db.product.create({
    data: { sellerId: seller.id, sku: "SKU-1", name: "Wireless Headphones", slug: "wireless-headphones", priceCents: 4999, priceMaxCents: 4999 },
  });
  const variant = await t.db.productVariant.create({ data: { productId: product.id, sellerId: seller.id, sku: "SKU-1", priceCents: 4999 } });
  const stock = await t.db.stockLevel.create({ data: { productId: product.id, variantId: variant.id, warehouseId: warehouse.id, onHand: 5 } });
  return { seller, product, stock };
}

describe("database guarantees", () => {
  it("refuses a stock row that holds more than is on hand", async () => {
    const { stock } = await makeProduct();
    await expect(t.db.stockLevel.update({ where: { id: stock.id }, data: { reserved: 4, allocated: 2 } })).rejects.toThrow(/StockLevel_held_within_on_hand/);
    await expect(t.db.stockLevel.update({ where: { id: stock.id }, data: { reserved: -1 } })).rejects.toThrow(/StockLevel_quantities_non_negative/);
    await t.db.stockLevel.update({ where: { id: stock.id }, data: { reserved: 3, allocated: 2 } });
    expect((await t.db.stockLevel.findUniqueOrThrow({ where: { id: stock.id } })).reserved).toBe(3);
  });

  it("keeps variants inside their product and shop: unique SKU per seller, stock rows of the product's own variants", async () => {
    const { seller, product, stock } = await makeProduct();
    await expect(t.db.productVariant.create({ data: { productId: product.id, sellerId: seller.id, sku: "SKU-1", priceCents: 1 } })).rejects.toMatchObject({
      code: "P2002",
    });
    const other = await makeProduct();
    // A variant of one shop's product cannot claim another shop.
    await expect(
      t.db.productVariant.create({ data: { productId: product.id, sellerId: other.seller.id, sku: "X-1", optionValues: ["M"], priceCents: 1 } }),
    ).rejects.toThrow(/ProductVariant_product_seller_fkey/);
    // A stock row cannot name one product and another product's variant.
    await expect(t.db.stockLevel.update({ where: { id: stock.id }, data: { variantId: other.stock.variantId } })).rejects.toThrow(
      /StockLevel_variant_product_fkey/,
    );
    await expect(
      t.db.productVariant.create({
        data: { productId: product.id, sellerId: seller.id, sku: "X-2", optionValues: ["L"], priceCents: 500, compareAtPriceCents: 400 },
      }),
    ).rejects.toThrow(/ProductVariant_values_valid/);
  });

  it("refuses a second webhook event with the same provider id", async () => {
    const data = { provider: "stripe", eventId: "evt_123", type: "payment_intent.succeeded", payload: {} };
    await t.db.webhookEvent.create({ data });
    await expect(t.db.webhookEvent.create({ data })).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses a duplicate SKU for one seller and a duplicate payment idempotency key", async () => {
    const { seller, product } = await makeProduct();
    await expect(t.db.product.create({ data: { sellerId: seller.id, sku: "SKU-1", name: "Other", slug: "other", priceCents: 1 } })).rejects.toMatchObject({
      code: "P2002",
    });
    const user = await t.db.user.create({ data: { email: `b${Math.random()}@x.test` } });
    const order = await t.db.order.create({
      data: {
        buyerId: user.id,
        currency: "USD",
        subtotalCents: 4999,
        totalCents: 4999,
        shippingAddress: {},
        idempotencyKey: "k1",
      },
    });
    const payment = { orderId: order.id, provider: "SIMULATOR" as const, amountCents: 4999, currency: "USD", idempotencyKey: "pay-1" };
    await t.db.payment.create({ data: payment });
    await expect(t.db.payment.create({ data: payment })).rejects.toMatchObject({ code: "P2002" });
    expect(product.sku).toBe("SKU-1");
  });

  it("refuses an unbalanced ledger transaction and any edit of a written one", async () => {
    const a = await t.db.ledgerAccount.create({ data: { code: "a", kind: "PAYMENT_CLEARING", currency: "USD", name: "A" } });
    const b = await t.db.ledgerAccount.create({ data: { code: "b", kind: "PLATFORM_REVENUE", currency: "USD", name: "B" } });
    const tx = await t.db.ledgerTransaction.create({
      data: { kind: "ADJUSTMENT", idempotencyKey: "t1", description: "test", currency: "USD" },
    });
    await expect(
      t.db.ledgerEntry.createMany({
        data: [
          { transactionId: tx.id, accountId: a.id, direction: "DEBIT", amountCents: 100, currency: "USD" },
          { transactionId: tx.id, accountId: b.id, direction: "CREDIT", amountCents: 99, currency: "USD" },
        ],
      }),
    ).rejects.toThrow(/unbalanced/);
    await t.db.ledgerEntry.createMany({
      data: [
        { transactionId: tx.id, accountId: a.id, direction: "DEBIT", amountCents: 100, currency: "USD" },
        { transactionId: tx.id, accountId: b.id, direction: "CREDIT", amountCents: 100, currency: "USD" },
      ],
    });
    await expect(t.db.ledgerEntry.updateMany({ where: { transactionId: tx.id }, data: { amountCents: 5 } })).rejects.toThrow(/append-only/);

    // Entries added to a balanced transaction by a later statement must balance among themselves,
    // and one statement's entries are checked per transaction, not in sum.
    const entry = (transactionId: string, accountId: string, direction: "DEBIT" | "CREDIT", amountCents: number) => ({
      transactionId,
      accountId,
      direction,
      amountCents,
      currency: "USD",
    });
    await expect(t.db.ledgerEntry.create({ data: entry(tx.id, a.id, "DEBIT", 7) })).rejects.toThrow(/unbalanced: debits 7 <> credits 0/);
    const other = await t.db.ledgerTransaction.create({ data: { kind: "ADJUSTMENT", idempotencyKey: "t2", description: "test", currency: "USD" } });
    await expect(t.db.ledgerEntry.createMany({ data: [entry(tx.id, a.id, "DEBIT", 7), entry(other.id, b.id, "CREDIT", 7)] })).rejects.toThrow(/unbalanced/);
    await t.db.ledgerEntry.createMany({ data: [entry(tx.id, a.id, "DEBIT", 7), entry(tx.id, b.id, "CREDIT", 7)] });
    const sums = await t.db.ledgerEntry.groupBy({ by: ["direction"], where: { transactionId: tx.id }, _sum: { amountCents: true } });
    expect(Object.fromEntries(sums.map((s) => [s.direction, s._sum.amountCents]))).toEqual({ DEBIT: 107, CREDIT: 107 });
  });

  it("indexes products for full-text and typo-tolerant search", async () => {
    const { product } = await makeProduct();
    const rows = await t.db.$queryRaw<{ id: string }[]>`
      select id from "Product"
      where "searchVector" @@ websearch_to_tsquery('english', 'headphones') or word_similarity('headphnes', name) > 0.4`;
    expect(rows.map((r) => r.id)).toContain(product.id);
  });
});
