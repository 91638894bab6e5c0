import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { isDomainError } from "../../errors";
import { callerFor } from "../../testing";
import { createBuyer, createSeller, createUser } from "../../testing/factories";
import { registerBuyer } from "./register-buyer";
import { registerSeller } from "./register-seller";
import { verifyCredentials } from "./verify-credentials";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const seller = (n: string) => ({
  name: `Seller ${n}`,
  email: `seller-${n}@example.test`,
  password: "correct-horse",
  shopName: `Shop ${n}`,
  slug: `shop-${n}`,
  contactEmail: `hello-${n}@example.test`,
});

describe("buyer sign-up", () => {
  it("creates a buyer with a hashed password and a lower-cased email, who can then sign in", async () => {
    const guest = await callerFor(t.db, null);
    const created = await guest.account.signUpBuyer({ name: "Ada", email: "  Ada@Example.TEST ", password: "correct-horse" });
    expect(created).toMatchObject({ email: "ada@example.test", role: "BUYER", name: "Ada" });

    const row = await t.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.passwordHash).not.toContain("correct-horse");

    await expect(verifyCredentials(t.db, { email: "ADA@example.test", password: "correct-horse" })).resolves.toMatchObject({
      id: created.id,
      role: "BUYER",
    });
  });

  it("refuses a taken email as a CONFLICT on the email field", async () => {
    const existing = await createBuyer(t.db);
    const guest = await callerFor(t.db, null);
    await expect(guest.account.signUpBuyer({ name: "B", email: existing.email.toUpperCase(), password: "correct-horse" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already exists") as string,
    });
  });

  it("refuses a short password with a field message", async () => {
    const guest = await callerFor(t.db, null);
    await expect(guest.account.signUpBuyer({ name: "C", email: "c@example.test", password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("lets exactly one of many parallel sign-ups with one email through", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => registerBuyer(t.db, { name: "Racer", email: "racer@example.test", password: "correct-horse" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(isDomainError(r.reason) && r.reason.code).toBe("CONFLICT");
  });
});

describe("seller sign-up", () => {
  it("creates a seller user and a PENDING shop", async () => {
    const guest = await callerFor(t.db, null);
    const created = await guest.account.signUpSeller(seller("alpha"));
    expect(created.role).toBe("SELLER");
    const shop = await t.db.seller.findUniqueOrThrow({ where: { userId: created.id } });
    expect(shop).toMatchObject({ slug: "shop-alpha", shopName: "Shop alpha", contactEmail: "hello-alpha@example.test", status: "PENDING" });

    // A pending seller may sign in (the console explains the wait) but not use seller procedures.
    const me = await callerFor(t.db, created.id);
    await expect(me.account.me()).resolves.toMatchObject({ role: "SELLER", seller: { status: "PENDING" } });
    await expect(me.seller.products()).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("awaiting approval") as string });
  });

  it("refuses a taken slug on the slug field and a taken email on the email field", async () => {
    await registerSeller(t.db, seller("beta"));
    const slugClash = await registerSeller(t.db, { ...seller("gamma"), slug: "shop-beta" }).catch((e: unknown) => e);
    expect(slugClash).toMatchObject({ code: "CONFLICT", details: { field: "slug" } });
    const emailClash = await registerSeller(t.db, { ...seller("delta"), email: "seller-beta@example.test" }).catch((e: unknown) => e);
    expect(emailClash).toMatchObject({ code: "CONFLICT", details: { field: "email" } });
  });

  it("maps a slug race lost at the unique index to the slug message", async () => {
    const results = await Promise.allSettled(["e1", "e2", "e3", "e4"].map((n) => registerSeller(t.db, { ...seller(n), slug: "contested-slug" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", details: { field: "slug" } });
  });

  it("refuses a malformed slug", async () => {
    const guest = await callerFor(t.db, null);
    await expect(guest.account.signUpSeller({ ...seller("zeta"), slug: "Not A Slug!" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("signing in", () => {
  it("fails alike for an unknown email and a wrong password", async () => {
    const user = await createUser(t.db, { password: "right-password" });
    const unknown = await verifyCredentials(t.db, { email: "nobody@example.test", password: "x" }).catch((e: unknown) => e);
    const wrong = await verifyCredentials(t.db, { email: user.email, password: "wrong-password" }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: "UNAUTHORIZED" });
    expect(wrong).toMatchObject({ code: "UNAUTHORIZED", message: (unknown as Error).message });
  });

  it("refuses a suspended user and says why", async () => {
    const user = await createUser(t.db, { password: "right-password", status: "SUSPENDED" });
    await expect(verifyCredentials(t.db, { email: user.email, password: "right-password" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("suspended") as string,
    });
  });

  it("does not reveal suspension to someone without the password", async () => {
    const user = await createUser(t.db, { password: "right-password", status: "SUSPENDED" });
    await expect(verifyCredentials(t.db, { email: user.email, password: "guess" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("admin.userCounts", () => {
  it("counts users by role for admins only", async () => {
    const admin = await createUser(t.db, { role: "ADMIN" });
    await createSeller(t.db, { status: "PENDING" });
    const counts = await (await callerFor(t.db, admin.id)).admin.userCounts();
    const total = await t.db.user.count();
    expect(counts.total).toBe(total);
    expect(counts.byRole.ADMIN).toBeGreaterThanOrEqual(1);
    expect(counts.pendingSellers).toBe(await t.db.seller.count({ where: { status: "PENDING" } }));

    const buyer = await createBuyer(t.db);
    await expect((await callerFor(t.db, buyer.id)).admin.userCounts()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(t.db, null)).admin.userCounts()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
