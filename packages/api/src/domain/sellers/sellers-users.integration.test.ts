import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createProduct, createSeller, createUser, uniqueSuffix } from "../../testing/factories";
import { loadActor } from "../../trpc";
import { ensurePlatformLedgerAccounts, ensureSellerLedgerAccounts } from "../ledger/accounts";
import { processPayout } from "../ledger/payouts";
import { postLedgerTransaction } from "../ledger/post";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 30 });
});
afterAll(async () => t?.drop());

const asAdmin = async () => {
  const admin = await createAdmin(t.db);
  return { admin, caller: await callerFor(t.db, admin.id) };
};

describe("seller applications", () => {
  it("approval makes the shop live, creates its ledger accounts, publishes seller/approved and writes the audit row", async () => {
    const { admin, caller } = await asAdmin();
    const { seller } = await createSeller(t.db, { status: "PENDING" });
    expect(await t.db.ledgerAccount.count({ where: { sellerId: seller.id } })).toBe(0);

    const approved = await caller.admin.sellers.approve({
      sellerId: seller.id,
    });

    expect(approved).toMatchObject({ status: "APPROVED", statusReason: null });
    expect(approved.approvedAt).toBeInstanceOf(Date);
    const accounts = await t.db.ledgerAccount.findMany({
      where: { sellerId: seller.id },
      orderBy: { kind: "asc" },
    });
    expect(accounts.map((a) => [a.kind, a.code])).toEqual([
      ["SELLER_PAYABLE", `seller:${seller.id}:payable:USD`],
      ["SELLER_PAYOUTS", `seller:${seller.id}:payouts:USD`],
      ["SELLER_PENDING", `seller:${seller.id}:pending:USD`],
    ]);
    const events = await t.db.outboxEvent.findMany({
      where: { name: "seller/approved" },
    });
    expect(events.filter((e) => (e.payload as { sellerId: string }).sellerId === seller.id)).toHaveLength(1);
    expect(await t.db.auditLog.findMany({ where: { entityId: seller.id } })).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: "seller.approve",
        entityType: "Seller",
        before: { status: "PENDING", statusReason: null },
        after: { status: "APPROVED", statusReason: null },
      }),
    ]);
    // The seller can now use seller procedures.
    await expect((await callerFor(t.db, (await t.db.seller.findUniqueOrThrow({ where: { id: seller.id } })).userId)).ledger.balance()).resolves.toEqual([
      { currency: "USD", availableCents: 0, pendingCents: 0, paidOutCents: 0 },
    ]);
  });

  it("approving twice at once approves once: one audit row, one event, the other refused", async () => {
    const { caller } = await asAdmin();
    const { seller } = await createSeller(t.db, { status: "PENDING" });
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => caller.admin.sellers.approve({ sellerId: seller.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(
      await t.db.auditLog.count({
        where: { entityId: seller.id, action: "seller.approve" },
      }),
    ).toBe(1);
    expect(await t.db.ledgerAccount.count({ where: { sellerId: seller.id } })).toBe(3);
  });

  it("rejection needs a reason, which the seller then sees", async () => {
    const { caller } = await asAdmin();
    const { seller, user } = await createSeller(t.db, { status: "PENDING" });
    await expect(caller.admin.sellers.reject({ sellerId: seller.id, reason: " " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await caller.admin.sellers.reject({
      sellerId: seller.id,
      reason: "Your product photos are not your own.",
    });
    expect(await t.db.seller.findUniqueOrThrow({ where: { id: seller.id } })).toMatchObject({
      status: "REJECTED",
      statusReason: "Your product photos are not your own.",
    });
    await expect((await callerFor(t.db, user.id)).ledger.balance()).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A fixed application can be approved later; an approved shop cannot be rejected.
    await caller.admin.sellers.approve({ sellerId: seller.id });
    await expect(
      caller.admin.sellers.reject({
        sellerId: seller.id,
        reason: "changed my mind",
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This shop is approved, so it cannot be rejected.",
    });
  });
});

describe("suspension", () => {
  it("hides the shop's products from the storefront and stops its payouts until reinstated", async () => {
    const { caller } = await asAdmin();
    const { seller, user } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, {
      name: "Suspendable lamp",
      stock: 3,
    });
    const guest = await callerFor(t.db, null);
    const visible = async () => (await guest.catalog.list({ limit: 60, seller: seller.slug })).items.some((p) => p.id === product.id);
    expect(await visible()).toBe(true);

    // A payout the shop asked for before the suspension.
    const sellerCaller = await callerFor(t.db, user.id);
    await t.db.$transaction(async (tx) => {
      const platform = await ensurePlatformLedgerAccounts(tx, "USD");
      const accounts = await ensureSellerLedgerAccounts(tx, seller.id, "USD");
      await postLedgerTransaction(tx, {
        kind: "ADJUSTMENT",
        idempotencyKey: `test-credit:${seller.id}`,
        description: "test credit",
        currency: "USD",
        lines: [
          {
            accountId: platform.clearingId,
            direction: "DEBIT",
            amountCents: 5000,
          },
          {
            accountId: accounts.payableId,
            direction: "CREDIT",
            amountCents: 5000,
          },
        ],
      });
    });
    const payout = await sellerCaller.ledger.requestPayout({
      amountCents: 2000,
    });

    await caller.admin.sellers.suspend({
      sellerId: seller.id,
      reason: "Counterfeit goods reported",
    });

    expect(await visible()).toBe(false);
    await expect(guest.catalog.product({ id: product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The seller can no longer act, and the waiting payout fails with the money back in the balance.
    await expect(
      (await callerFor(t.db, user.id)).ledger.requestPayout({
        amountCents: 100,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await processPayout(t.db, payout.id)).toMatchObject({
      status: "FAILED",
    });
    expect(await t.db.seller.findUniqueOrThrow({ where: { id: seller.id } })).toMatchObject({
      status: "SUSPENDED",
      statusReason: "Counterfeit goods reported",
    });

    await caller.admin.sellers.reinstate({ sellerId: seller.id });
    expect(await visible()).toBe(true);
    expect(await (await callerFor(t.db, user.id)).ledger.balance()).toEqual([{ currency: "USD", availableCents: 5000, pendingCents: 0, paidOutCents: 0 }]);
    expect(
      (
        await t.db.auditLog.findMany({
          where: { entityId: seller.id },
          orderBy: { createdAt: "asc" },
        })
      ).map((a) => a.action),
    ).toEqual(["seller.suspend", "seller.reinstate"]);
  });

  it("sets and clears a commission override, audited", async () => {
    const { caller } = await asAdmin();
    const { seller } = await createSeller(t.db);
    await caller.admin.sellers.setCommission({
      sellerId: seller.id,
      commissionBps: 1250,
      reason: "Launch partner",
    });
    expect((await caller.admin.sellers.get({ sellerId: seller.id })).commission).toEqual({ overrideBps: 1250, defaultBps: 1000, effectiveBps: 1250 });
    await caller.admin.sellers.setCommission({
      sellerId: seller.id,
      commissionBps: null,
    });
    expect((await caller.admin.sellers.get({ sellerId: seller.id })).commission.effectiveBps).toBe(1000);
    await expect(
      caller.admin.sellers.setCommission({
        sellerId: seller.id,
        commissionBps: -1,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const audit = await t.db.auditLog.findMany({
      where: { entityId: seller.id, action: "seller.commission" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.before, a.after, a.reason])).toEqual([
      [{ commissionBps: null }, { commissionBps: 1250 }, "Launch partner"],
      [{ commissionBps: 1250 }, { commissionBps: null }, null],
    ]);
  });
});

describe("users", () => {
  it("finds users by part of their email, any case", async () => {
    const { caller } = await asAdmin();
    const target = await createBuyer(t.db, {
      email: "Findable.Person@Example.test".toLowerCase(),
    });
    const found = await caller.admin.users.search({ q: "FINDABLE.person" });
    expect(found.items.map((u) => u.id)).toEqual([target.id]);
  });

  it("finds two letters at the start of a word of the email or name, newest first, a page at a time", async () => {
    const { caller } = await asAdmin();
    const made = async (overrides: { email?: string; name?: string }, minutesAgo: number, role: "BUYER" | "ADMIN" = "BUYER") => {
      const user = await createUser(t.db, { ...overrides, role });
      return t.db.user.update({ where: { id: user.id }, data: { createdAt: new Date(Date.now() - minutesAgo * 60_000) } });
    };
    const byEmail = await made({ email: `qxena.${uniqueSuffix()}@example.test` }, 3);
    const byName = await made({ name: "Anna Qxley" }, 2);
    const afterDot = await made({ email: `shop.qxuality.${uniqueSuffix()}@example.test` }, 1, "ADMIN");
    const inside = await made({ name: "Maqxim Inside" }, 0);
    const ids = (found: { items: { id: string }[] }) => found.items.map((user) => user.id);

    const first = await caller.admin.users.search({ q: "QX", limit: 2 });
    expect(ids(first)).toEqual([afterDot.id, byName.id]);
    const second = await caller.admin.users.search({ q: "qx", limit: 2, cursor: first.nextCursor });
    expect([ids(second), second.nextCursor]).toEqual([[byEmail.id], null]);
    expect(ids(await caller.admin.users.search({ q: "qx", role: "BUYER" }))).toEqual([byName.id, byEmail.id]);
    // Three letters or more are found anywhere, as before.
    expect(ids(await caller.admin.users.search({ q: "qxi" }))).toEqual([inside.id]);
    expect(ids(await caller.admin.users.search({ q: "qxley" }))).toEqual([byName.id]);
  });

  it("promotes a buyer, and refuses to change a seller account's role", async () => {
    const { caller } = await asAdmin();
    const buyer = await createBuyer(t.db);
    await expect(caller.admin.users.changeRole({ userId: buyer.id, role: "ADMIN" })).resolves.toMatchObject({ role: "ADMIN" });
    const { user: sellerUser } = await createSeller(t.db);
    await expect(caller.admin.users.changeRole({ userId: sellerUser.id, role: "ADMIN" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("suspends an account: it is refused from the next request, and an admin cannot suspend themselves", async () => {
    const { admin, caller } = await asAdmin();
    const buyer = await createBuyer(t.db);
    await caller.admin.users.suspend({
      userId: buyer.id,
      reason: "Chargeback fraud",
    });
    await expect((await callerFor(t.db, buyer.id)).orders.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.admin.users.suspend({ userId: admin.id, reason: "oops mine" })).rejects.toMatchObject({ code: "CONFLICT" });
    await caller.admin.users.reinstate({ userId: buyer.id });
    await expect((await callerFor(t.db, buyer.id)).orders.list()).resolves.toBeDefined();
  });
});

describe("the last administrator", () => {
  // A database of its own: these tests count every administrator there is.
  let own: TestDatabase;
  beforeAll(async () => {
    own = await createTestDatabase({ max: 30 });
  });
  afterAll(async () => own?.drop());

  it("cannot be demoted or suspended", async () => {
    await own.db.user.updateMany({
      where: { role: "ADMIN" },
      data: { role: "BUYER" },
    });
    const only = await createAdmin(own.db);
    const other = await createAdmin(own.db);
    const caller = await callerFor(own.db, other.id);
    await caller.admin.users.changeRole({ userId: only.id, role: "BUYER" });
    // `other` is now the last one: it may not demote itself, and nobody may suspend it.
    await expect(caller.admin.users.changeRole({ userId: other.id, role: "BUYER" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This is the last active administrator. Make someone else an administrator first.",
    });
    expect(await own.db.user.count({ where: { role: "ADMIN", status: "ACTIVE" } })).toBe(1);
    await own.db.user.update({
      where: { id: only.id },
      data: { role: "ADMIN" },
    });
  });

  it("survives every administrator demoting or suspending another at the same moment", async () => {
    await own.db.user.updateMany({
      where: { role: "ADMIN" },
      data: { role: "BUYER" },
    });
    const admins = await Promise.all(Array.from({ length: 8 }, () => createAdmin(own.db)));
    // Each admin takes the next one in a ring, half by demotion and half by suspension: without
    // the lock all eight commands see seven other admins and all succeed, leaving none.
    const callers = await Promise.all(admins.map((a) => callerFor(own.db, a.id)));
    const results = await Promise.allSettled(
      admins.map((_, i) => {
        const target = admins[(i + 1) % admins.length]!.id;
        return i % 2 === 0
          ? callers[i]!.admin.users.changeRole({
              userId: target,
              role: "BUYER",
            })
          : callers[i]!.admin.users.suspend({
              userId: target,
              reason: "race test",
            });
      }),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      reason: {
        code: "CONFLICT",
        message: expect.stringContaining("last active administrator") as string,
      },
    });
    expect(await own.db.user.count({ where: { role: "ADMIN", status: "ACTIVE" } })).toBe(1);
    expect(
      await own.db.auditLog.count({
        where: {
          action: { in: ["user.role-change", "user.suspend"] },
          entityId: { in: admins.map((a) => a.id) },
        },
      }),
    ).toBe(7);
  });
});

it("loadActor sees a role change on the next request", async () => {
  const { caller } = await asAdmin();
  const buyer = await createBuyer(t.db);
  await caller.admin.users.changeRole({ userId: buyer.id, role: "ADMIN" });
  expect((await loadActor(t.db, buyer.id))?.role).toBe("ADMIN");
});
