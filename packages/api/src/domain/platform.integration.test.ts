// Categories, promotions, settings, orders and the audit log as an administrator uses them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../testing";
import { createAdmin, createBuyer, createCategory, createProduct, createSeller } from "../testing/factories";
import { ledgerIsBalanced, payWithCard, placeOrder, useDatabaseForHandlers } from "../testing/payments";
import { drainOutbox } from "../events/drain";
import { readPlatformSettings } from "./settings/settings";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 30 });
  useDatabaseForHandlers(t.db);
});
afterAll(async () => t?.drop());

const admin = async () => {
  const user = await createAdmin(t.db);
  return { user, caller: await callerFor(t.db, user.id) };
};

describe("categories", () => {
  it("creates, renames and moves categories, refusing cycles", async () => {
    const { caller } = await admin();
    const home = await caller.admin.categories.create({ name: "Home test" });
    const kitchen = await caller.admin.categories.create({
      name: "Kitchen test",
      parentId: home.id,
    });
    const knives = await caller.admin.categories.create({
      name: "Knives test",
      parentId: kitchen.id,
    });
    expect(home.slug).toBe("home-test");

    await expect(
      caller.admin.categories.move({
        categoryId: home.id,
        parentId: knives.id,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.admin.categories.move({ categoryId: home.id, parentId: home.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await caller.admin.categories.move({
      categoryId: knives.id,
      parentId: null,
      position: 0,
    });
    await caller.admin.categories.rename({
      categoryId: knives.id,
      name: "Cutlery test",
      slug: "cutlery-test",
    });
    await expect(caller.admin.categories.create({ name: "Again", slug: "cutlery-test" })).rejects.toMatchObject({ code: "CONFLICT" });

    const tree = await caller.admin.categories.tree();
    expect(tree[0]).toMatchObject({
      id: knives.id,
      name: "Cutlery test",
      depth: 0,
    });
    expect(tree.find((n) => n.id === home.id)?.children.map((c) => c.id)).toEqual([kitchen.id]);
  });

  it("never makes a cycle when two categories are moved under each other at the same moment", async () => {
    const { caller } = await admin();
    for (let round = 0; round < 5; round++) {
      const a = await caller.admin.categories.create({
        name: `Race A ${round}`,
      });
      const b = await caller.admin.categories.create({
        name: `Race B ${round}`,
      });
      const results = await Promise.allSettled([
        caller.admin.categories.move({ categoryId: a.id, parentId: b.id }),
        caller.admin.categories.move({ categoryId: b.id, parentId: a.id }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rows = await t.db.category.findMany({
        where: { id: { in: [a.id, b.id] } },
      });
      expect(rows.filter((r) => r.parentId !== null)).toHaveLength(1);
    }
  });

  it("deletes only an empty category", async () => {
    const { caller } = await admin();
    const parent = await createCategory(t.db, { name: "Delete parent" });
    const child = await createCategory(t.db, {
      name: "Delete child",
      parentId: parent.id,
    });
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, {
      categoryId: child.id,
    });
    await expect(caller.admin.categories.delete({ categoryId: parent.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: '"Delete parent" still has 1 sub-category. Move them elsewhere before deleting it.',
    });
    await expect(caller.admin.categories.delete({ categoryId: child.id })).rejects.toMatchObject({
      message: expect.stringContaining("1 product") as string,
    });
    await t.db.product.update({
      where: { id: product.id },
      data: { categoryId: null },
    });
    await caller.admin.categories.delete({ categoryId: child.id });
    await caller.admin.categories.delete({ categoryId: parent.id });
    expect(
      await t.db.category.count({
        where: { id: { in: [parent.id, child.id] } },
      }),
    ).toBe(0);
    expect(
      await t.db.auditLog.count({
        where: {
          action: "category.delete",
          entityId: { in: [parent.id, child.id] },
        },
      }),
    ).toBe(2);
  });
});

describe("promotions", () => {
  it("creates a code a buyer can use, counts its uses, edits it and expires it", async () => {
    const { caller } = await admin();
    const created = await caller.admin.promotions.create({
      code: "test15",
      type: "PERCENT",
      value: 1500,
      description: "Fifteen off",
    });
    expect(created).toMatchObject({ code: "TEST15", active: true });
    await expect(
      caller.admin.promotions.create({
        code: "TEST15",
        type: "FIXED",
        value: 100,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      caller.admin.promotions.create({
        code: "BIG",
        type: "PERCENT",
        value: 20_000,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, {
      priceCents: 10_000,
      stock: 5,
    });
    const buyer = await createBuyer(t.db);
    const buyerCaller = await callerFor(t.db, buyer.id);
    await buyerCaller.cart.add({ productId: product.id, quantity: 1 });
    await buyerCaller.cart.applyPromo({ code: "test15" });
    const placed = await placeOrder(t.db, buyer.id, []);
    await payWithCard(t.db, placed);
    expect(await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({ discountCents: 1500 });

    const listed = await caller.admin.promotions.list({ q: "TEST15" });
    expect(listed.items).toEqual([
      expect.objectContaining({
        code: "TEST15",
        usageCount: 1,
        redemptions: 1,
        discountGivenCents: 1500,
        state: "ACTIVE",
      }),
    ]);

    await expect(
      caller.admin.promotions.update({
        promoId: created.id,
        type: "PERCENT",
        value: 1000,
        usageLimit: 0,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await caller.admin.promotions.update({
      promoId: created.id,
      type: "PERCENT",
      value: 1000,
      usageLimit: 5,
      description: "Ten off",
    });
    await caller.admin.promotions.expire({ promoId: created.id });
    expect((await caller.admin.promotions.list({ q: "TEST15" })).items[0]).toMatchObject({ value: 1000, usageLimit: 5, state: "EXPIRED" });
    await expect(caller.admin.promotions.expire({ promoId: created.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const other = await callerFor(t.db, (await createBuyer(t.db)).id);
    await other.cart.add({ productId: product.id, quantity: 1 });
    await expect(other.cart.applyPromo({ code: "TEST15" })).rejects.toMatchObject({
      message: expect.stringContaining("expired") as string,
    });

    const audit = await t.db.auditLog.findMany({
      where: { entityId: created.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["promo.create", "promo.update", "promo.expire"]);
    expect(audit[1]).toMatchObject({
      before: expect.objectContaining({
        value: 1500,
        usageLimit: null,
      }) as unknown,
      after: expect.objectContaining({ value: 1000, usageLimit: 5 }) as unknown,
    });
  });
});

describe("settings", () => {
  it("changes the defaults and the tax table, each change audited with what it was before", async () => {
    const { caller } = await admin();
    expect((await caller.admin.settings.get()).settings).toMatchObject({
      commissionDefaultBps: 1000,
      lowStockThresholdDefault: 5,
    });
    await caller.admin.settings.update({
      commissionDefaultBps: 1200,
      shippingDefaultFreeOverCents: null,
    });
    expect(await readPlatformSettings(t.db)).toMatchObject({
      commissionDefaultBps: 1200,
      shippingDefaultFreeOverCents: null,
      shippingDefaultFlatCents: 599,
    });
    await caller.admin.settings.setTaxRate({ country: "nl", rateBps: 2100 });
    await caller.admin.settings.setTaxRate({ country: "NL", rateBps: 900 });
    expect((await caller.admin.settings.get()).taxRates.find((r) => r.country === "NL")).toMatchObject({ rateBps: 900 });
    await caller.admin.settings.deleteTaxRate({ country: "NL" });
    await expect(caller.admin.settings.deleteTaxRate({ country: "NL" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.admin.settings.update({})).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const audit = await t.db.auditLog.findMany({
      where: {
        action: {
          in: ["settings.update", "tax-rate.create", "tax-rate.update", "tax-rate.delete"],
        },
      },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      [
        "settings.update",
        { commissionDefaultBps: 1000, shippingDefaultFreeOverCents: 5000 },
        { commissionDefaultBps: 1200, shippingDefaultFreeOverCents: null },
      ],
      ["tax-rate.create", null, { rateBps: 2100 }],
      ["tax-rate.update", { rateBps: 2100 }, { rateBps: 900 }],
      ["tax-rate.delete", { rateBps: 900 }, null],
    ]);
    await caller.admin.settings.update({
      commissionDefaultBps: 1000,
      shippingDefaultFreeOverCents: 5000,
    });
  });
});

describe("orders", () => {
  it("lists every order across shops with filters, and shows one with payments, parts, history and ledger", async () => {
    const { caller } = await admin();
    const a = await createSeller(t.db);
    const b = await createSeller(t.db);
    const { product: pa } = await createProduct(t.db, a.seller.id, {
      priceCents: 2000,
      stock: 5,
    });
    const { product: pb } = await createProduct(t.db, b.seller.id, {
      priceCents: 3000,
      stock: 5,
    });
    const buyer = await createBuyer(t.db, {
      email: `orders-filter-${Date.now()}@example.test`,
    });
    const placed = await placeOrder(t.db, buyer.id, [
      { productId: pa.id, quantity: 1 },
      { productId: pb.id, quantity: 2 },
    ]);
    await payWithCard(t.db, placed);
    await drainOutbox(t.db);

    const bySeller = await caller.admin.orders.list({ sellerId: b.seller.id });
    expect(bySeller.items.map((o) => o.id)).toEqual([placed.orderId]);
    expect((await caller.admin.orders.list({ buyer: buyer.email.toUpperCase() })).items.map((o) => o.id)).toEqual([placed.orderId]);
    expect((await caller.admin.orders.list({ buyer: `#${placed.orderNumber}` })).items.map((o) => o.id)).toEqual([placed.orderId]);
    expect(
      (
        await caller.admin.orders.list({
          buyer: buyer.email,
          status: "PENDING_PAYMENT",
        })
      ).items,
    ).toEqual([]);
    expect(
      (
        await caller.admin.orders.list({
          buyer: buyer.email,
          to: new Date(Date.now() - 86_400_000),
        })
      ).items,
    ).toEqual([]);

    // Two letters find a word's start of the buyer's name, not the same letters inside a word.
    const { product: pc } = await createProduct(t.db, a.seller.id, { priceCents: 1000, stock: 5 });
    const named = await createBuyer(t.db, { name: `Vyrna Okafor ${Date.now()}` });
    const namedOrder = await placeOrder(t.db, named.id, [{ productId: pc.id, quantity: 1 }]);
    expect((await caller.admin.orders.list({ buyer: "VY" })).items.map((o) => o.id)).toEqual([namedOrder.orderId]);
    expect((await caller.admin.orders.list({ buyer: "yr" })).items).toEqual([]);
    expect((await caller.admin.orders.list({ buyer: "vyrna", sellerId: b.seller.id })).items).toEqual([]);
    // A text's pages chain by their cursor, newest first.
    const namesake = await createBuyer(t.db, { name: `Vyrna Ito ${Date.now()}` });
    const laterOrder = await placeOrder(t.db, namesake.id, [{ productId: pc.id, quantity: 1 }]);
    const firstPage = await caller.admin.orders.list({ buyer: "vyrna", limit: 1 });
    expect(firstPage.items.map((o) => o.id)).toEqual([laterOrder.orderId]);
    const secondPage = await caller.admin.orders.list({ buyer: "vyrna", limit: 1, cursor: firstPage.nextCursor });
    expect(secondPage.items.map((o) => o.id)).toEqual([namedOrder.orderId]);
    expect(secondPage.nextCursor).toBeNull();
    // A guest's order, by part of their email.
    const guestOrder = await placeOrder(t.db, (await createBuyer(t.db)).id, [{ productId: pc.id, quantity: 1 }]);
    const guestEmail = `zelda.guest-${Date.now()}@example.test`;
    await t.db.order.update({ where: { id: guestOrder.orderId }, data: { buyerId: null, guestEmail } });
    expect((await caller.admin.orders.list({ buyer: "ZELDA.GUEST" })).items.map((o) => o.id)).toEqual([guestOrder.orderId]);
    // A text more buyers hold than are looked up one by one: their orders are still found.
    const common = `Commonplace${Date.now()}`;
    await t.db.user.createMany({
      data: Array.from({ length: 2_001 }, (_, i) => ({ id: `${common}-${i}`, email: `${common}-${i}@example.test`, name: `${common} ${i}` })),
    });
    const commonOrder = await placeOrder(t.db, `${common}-7`, [{ productId: pc.id, quantity: 1 }]);
    expect((await caller.admin.orders.list({ buyer: common.toLowerCase() })).items.map((o) => o.id)).toEqual([commonOrder.orderId]);

    await caller.orders.adminRefund({
      orderId: placed.orderId,
      sellerId: a.seller.id,
      reason: "Damaged in transit",
    });
    const detail = await caller.admin.orders.get({ orderId: placed.orderId });
    const part = (sellerId: string) => detail.shipments.find((s) => s.seller.id === sellerId);
    expect(part(a.seller.id)).toMatchObject({
      status: "CANCELLED",
      refunds: [expect.objectContaining({ status: "SUCCEEDED" })],
    });
    expect(part(b.seller.id)).toMatchObject({ status: "PENDING", refunds: [] });
    expect(detail.payments).toHaveLength(1);
    expect(detail.payments[0]).not.toHaveProperty("clientSecret");
    expect(detail.history.some((h) => h.actorEmail !== null)).toBe(true);
    expect(detail.ledger.map((tx) => tx.kind)).toEqual(["PAYMENT_SPLIT", "REFUND"]);
    const accounts = await caller.admin.money.accounts();
    const payableA = accounts.find((acc) => acc.sellerId === a.seller.id && acc.kind === "SELLER_PENDING");
    expect(payableA).toMatchObject({
      shopName: a.seller.shopName,
      balanceCents: 0,
    });
    expect(accounts.reduce((sum, acc) => sum + acc.balanceCents, 0)).toBe(0);
    const account = await caller.admin.money.account({
      accountId: payableA!.id,
    });
    expect(account.items.map((e) => [e.kind, e.direction, e.balanceCents])).toEqual([
      ["REFUND", "DEBIT", 0],
      ["PAYMENT_SPLIT", "CREDIT", account.creditsCents],
    ]);
    expect(await ledgerIsBalanced(t.db)).toEqual({
      unbalanced: [],
      nonZeroCurrencies: [],
    });
    expect(await t.db.stockLevel.findFirstOrThrow({ where: { productId: pa.id } })).toMatchObject({ onHand: 5, allocated: 0 });
  });
});

describe("audit log", () => {
  it("is searchable by action, entity, actor email and reason, newest first", async () => {
    const { user, caller } = await admin();
    const { seller } = await createSeller(t.db, { status: "PENDING" });
    await caller.admin.sellers.reject({
      sellerId: seller.id,
      reason: "Unverifiable business address zq7",
    });
    const byReason = await caller.admin.audit.list({ q: "zq7" });
    expect(byReason.items).toEqual([
      expect.objectContaining({
        action: "seller.reject",
        entityId: seller.id,
        // The shop by its name, not its id.
        entityLabel: seller.shopName,
        actor: expect.objectContaining({ email: user.email }) as unknown,
      }),
    ]);
    expect((await caller.admin.audit.list({ q: user.email })).items.map((i) => i.entityId)).toEqual([seller.id]);
    expect((await caller.admin.audit.list({ entityId: seller.id })).items).toHaveLength(1);
    expect((await caller.admin.audit.list({ action: "seller.", actorId: user.id })).items).toHaveLength(1);
  });

  it("writes nothing when the change fails (same transaction)", async () => {
    const { caller } = await admin();
    const { seller } = await createSeller(t.db);
    const before = await t.db.auditLog.count();
    await expect(caller.admin.sellers.approve({ sellerId: seller.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      caller.admin.sellers.suspend({
        sellerId: "no-such-seller",
        reason: "whatever it is",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.auditLog.count()).toBe(before);
  });
});
