// The dashboard's figures on a small, fully known data set (its own database, nothing else in it).
import type { CartStatus, OrderStatus } from "@bazaar/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { createAdmin, createBuyer, createProduct, createSeller } from "../../testing/factories";
import { loadActor } from "../../trpc";
import { ensurePlatformLedgerAccounts } from "../ledger/accounts";
import { getDashboard } from "./dashboard";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 2, day, hour));

async function order(
  buyerId: string,
  createdAt: Date,
  status: OrderStatus,
  parts: {
    sellerId: string;
    items: { productId: string; quantity: number; unitPriceCents: number }[];
  }[],
  options: { paid?: boolean; refundedCents?: number; currency?: string } = {},
) {
  const totalOf = (items: { quantity: number; unitPriceCents: number }[]) => items.reduce((s, i) => s + i.quantity * i.unitPriceCents, 0);
  const totalCents = parts.reduce((s, p) => s + totalOf(p.items), 0);
  const currency = options.currency ?? "USD";
  const created = await t.db.order.create({
    data: {
      buyerId,
      status,
      currency,
      subtotalCents: totalCents,
      totalCents,
      refundedCents: options.refundedCents ?? 0,
      shippingAddress: {},
      idempotencyKey: `k-${createdAt.getTime()}-${Math.random()}`,
      createdAt,
      paidAt: options.paid ? createdAt : null,
    },
  });
  for (const part of parts) {
    const shipment = await t.db.shipment.create({
      data: {
        orderId: created.id,
        sellerId: part.sellerId,
        subtotalCents: totalOf(part.items),
        totalCents: totalOf(part.items),
        createdAt,
      },
    });
    const variants = await t.db.productVariant.findMany({
      where: { productId: { in: part.items.map((i) => i.productId) } },
      select: { id: true, productId: true },
    });
    const variantOf = new Map(variants.map((variant) => [variant.productId, variant.id]));
    await t.db.orderItem.createMany({
      data: part.items.map((i) => ({
        orderId: created.id,
        shipmentId: shipment.id,
        productId: i.productId,
        variantId: variantOf.get(i.productId) ?? "",
        sellerId: part.sellerId,
        sku: "SKU",
        name: `Item ${i.productId.slice(-4)}`,
        quantity: i.quantity,
        unitPriceCents: i.unitPriceCents,
        subtotalCents: i.quantity * i.unitPriceCents,
        currency,
      })),
    });
  }
  return created;
}

async function commission(amountCents: number, createdAt: Date) {
  const { clearingId, revenueId } = await ensurePlatformLedgerAccounts(t.db, "USD");
  const tx = await t.db.ledgerTransaction.create({
    data: {
      kind: amountCents > 0 ? "PAYMENT_SPLIT" : "REFUND",
      idempotencyKey: `c-${createdAt.getTime()}-${amountCents}`,
      description: "test",
      currency: "USD",
      createdAt,
    },
  });
  const amount = Math.abs(amountCents);
  await t.db.ledgerEntry.createMany({
    data: [
      {
        transactionId: tx.id,
        accountId: clearingId,
        direction: amountCents > 0 ? "DEBIT" : "CREDIT",
        amountCents: amount,
        currency: "USD",
        createdAt,
      },
      {
        transactionId: tx.id,
        accountId: revenueId,
        direction: amountCents > 0 ? "CREDIT" : "DEBIT",
        amountCents: amount,
        currency: "USD",
        createdAt,
      },
    ],
  });
}

describe("getDashboard", () => {
  it("computes every figure of a known data set, only inside the range and currency", async () => {
    const now = new Date();
    const a = await createSeller(t.db, { shopName: "Alpha" });
    const b = await createSeller(t.db, { shopName: "Bravo" });
    const p1 = (await createProduct(t.db, a.seller.id)).product.id;
    const p3 = (await createProduct(t.db, a.seller.id)).product.id;
    const p2 = (await createProduct(t.db, b.seller.id)).product.id;
    const buyer = (await createBuyer(t.db)).id;

    await order(
      buyer,
      at(1),
      "DELIVERED",
      [
        {
          sellerId: a.seller.id,
          items: [{ productId: p1, quantity: 2, unitPriceCents: 3000 }],
        },
        {
          sellerId: b.seller.id,
          items: [{ productId: p2, quantity: 1, unitPriceCents: 4000 }],
        },
      ],
      { paid: true },
    );
    await order(
      buyer,
      at(2),
      "CONFIRMED",
      [
        {
          sellerId: a.seller.id,
          items: [{ productId: p3, quantity: 1, unitPriceCents: 5000 }],
        },
      ],
      { paid: true },
    );
    await order(buyer, at(2, 18), "PENDING_PAYMENT", [
      {
        sellerId: b.seller.id,
        items: [{ productId: p2, quantity: 1, unitPriceCents: 7000 }],
      },
    ]);
    await order(
      buyer,
      at(3),
      "CANCELLED",
      [
        {
          sellerId: b.seller.id,
          items: [{ productId: p2, quantity: 1, unitPriceCents: 3000 }],
        },
      ],
      { paid: true, refundedCents: 3000 },
    );
    // Outside the range, or another currency: not counted.
    await order(
      buyer,
      at(4, 0),
      "DELIVERED",
      [
        {
          sellerId: a.seller.id,
          items: [{ productId: p1, quantity: 9, unitPriceCents: 9999 }],
        },
      ],
      { paid: true },
    );
    await order(
      buyer,
      at(2),
      "DELIVERED",
      [
        {
          sellerId: a.seller.id,
          items: [{ productId: p1, quantity: 1, unitPriceCents: 8888 }],
        },
      ],
      { paid: true, currency: "EUR" },
    );

    const cart = (status: CartStatus, createdAt: Date, lastActivityAt = createdAt) => t.db.cart.create({ data: { status, createdAt, lastActivityAt } });
    for (let i = 0; i < 3; i++) await cart("COMPLETED", at(1));
    await cart("ACTIVE", at(3), new Date(now.getTime() - 5 * 60_000)); // still being filled: not abandoned
    await cart("ACTIVE", at(2));
    await cart("EXPIRED", at(2));
    await cart("ABANDONED", at(3));
    await cart("CHECKOUT", at(3));
    await cart("ACTIVE", at(5)); // outside

    await commission(1000, at(1));
    await commission(500, at(2));
    await commission(-300, at(3));
    await commission(7777, at(4, 1)); // outside

    const actor = await loadActor(t.db, (await createAdmin(t.db)).id);
    const d = await getDashboard(t.db, actor!, { from: at(1, 0), to: at(4, 0) }, now);

    expect(d).toMatchObject({
      gmvCents: 18_000,
      refundedCents: 3000,
      ordersPlaced: 4,
      paidOrders: 3,
      averageOrderValueCents: 6000,
      ordersByStatus: {
        DELIVERED: 1,
        CONFIRMED: 1,
        PENDING_PAYMENT: 1,
        CANCELLED: 1,
        PAID: 0,
        PROCESSING: 0,
        SHIPPED: 0,
        PAYMENT_FAILED: 0,
      },
      carts: 8,
      completedCarts: 3,
      abandonedCarts: 4,
      conversionRate: 3 / 8,
      cartAbandonmentRate: 0.5,
      commissionCents: 1200,
    });
    expect(d.topProducts).toEqual([
      {
        productId: p2,
        name: expect.any(String) as string,
        units: 2,
        revenueCents: 7000,
      },
      {
        productId: p1,
        name: expect.any(String) as string,
        units: 2,
        revenueCents: 6000,
      },
      {
        productId: p3,
        name: expect.any(String) as string,
        units: 1,
        revenueCents: 5000,
      },
    ]);
    expect(d.topSellers).toEqual([
      {
        sellerId: a.seller.id,
        shopName: "Alpha",
        orders: 2,
        revenueCents: 11_000,
      },
      {
        sellerId: b.seller.id,
        shopName: "Bravo",
        orders: 2,
        revenueCents: 7000,
      },
    ]);
    expect(d.daily).toEqual([
      {
        day: "2026-03-01",
        orders: 1,
        paidOrders: 1,
        gmvCents: 10_000,
        commissionCents: 1000,
      },
      {
        day: "2026-03-02",
        orders: 2,
        paidOrders: 1,
        gmvCents: 5000,
        commissionCents: 500,
      },
      {
        day: "2026-03-03",
        orders: 1,
        paidOrders: 1,
        gmvCents: 3000,
        commissionCents: -300,
      },
    ]);
  });

  it("gives nulls, not NaN, for an empty range, and refuses a backwards or huge one", async () => {
    const actor = (await loadActor(t.db, (await createAdmin(t.db)).id))!;
    const d = await getDashboard(t.db, actor, {
      from: new Date("2020-01-01"),
      to: new Date("2020-01-03"),
    });
    expect(d).toMatchObject({
      gmvCents: 0,
      averageOrderValueCents: null,
      conversionRate: null,
      cartAbandonmentRate: null,
      topProducts: [],
      topSellers: [],
    });
    expect(d.daily).toHaveLength(2);
    await expect(
      getDashboard(t.db, actor, {
        from: new Date("2020-01-03"),
        to: new Date("2020-01-01"),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      getDashboard(t.db, actor, {
        from: new Date("2020-01-01"),
        to: new Date("2022-01-01"),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
