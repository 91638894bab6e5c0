// Accounts people can recover: reset links by email (single-use, expiring), email confirmation
// (a shop is approved only after it), and password changes that sign out other sessions. Links
// are read from the mailbox (the Email table), as a person reads them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, uniqueSuffix } from "../../testing/factories";
import { loadActor } from "../../trpc";
import { authenticate } from "./authenticate";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

/** The token of the newest mail of `template` to `to`. */
async function linkToken(to: string, template: "password-reset" | "verify-email") {
  const mail = await t.db.email.findFirstOrThrow({ where: { to, template }, orderBy: { createdAt: "desc" } });
  const match = /token=([A-Za-z0-9_-]+)/.exec(mail.text);
  expect(match, "the mail carries a link with a token").not.toBeNull();
  return match![1]!;
}

const signsIn = (email: string, password: string) =>
  authenticate(t.db, { email, password }, { ip: null }).then(
    () => true,
    () => false,
  );

describe("password reset", () => {
  it("emails a single-use link; the new password works, the old one and every session stop", async () => {
    const buyer = await createBuyer(t.db, { password: "old password 1" });
    const guest = await callerFor(t.db, null);
    await expect(guest.account.requestPasswordReset({ email: buyer.email.toUpperCase() })).resolves.toEqual({ sent: true });
    const token = await linkToken(buyer.email, "password-reset");
    const mail = await t.db.email.findFirstOrThrow({ where: { to: buyer.email, template: "password-reset" } });
    expect(mail.subject).toBe("Reset your Bazaar password");
    expect(mail.text).toContain(`http://localhost:3000/reset-password?token=${token}`);
    // Only a hash of the token is stored.
    expect(await t.db.verificationToken.count({ where: { token } })).toBe(0);

    await expect(guest.account.resetPassword({ token, password: "new password 2" })).resolves.toEqual({ email: buyer.email });
    expect(await signsIn(buyer.email, "new password 2")).toBe(true);
    expect(await signsIn(buyer.email, "old password 1")).toBe(false);
    expect(await loadActor(t.db, buyer.id, 0)).toBeNull();
    await expect(guest.account.resetPassword({ token, password: "third password 3" })).rejects.toThrow(
      "This link was already used or is not valid. Ask for a new one.",
    );
  });

  it("expires after an hour, answers the same for unknown addresses, and is limited per account", async () => {
    const buyer = await createBuyer(t.db, { password: "old password 1" });
    const { requestPasswordReset, resetPassword } = await import("./recovery");
    await requestPasswordReset(t.db, { email: buyer.email }, new Date(Date.now() - 2 * 3600_000));
    const token = await linkToken(buyer.email, "password-reset");
    await expect(resetPassword(t.db, { token, password: "new password 2" })).rejects.toThrow("This link has expired. Ask for a new one.");

    const guest = await callerFor(t.db, null);
    const before = await t.db.email.count();
    await expect(guest.account.requestPasswordReset({ email: `nobody-${uniqueSuffix()}@example.com` })).resolves.toEqual({ sent: true });
    expect(await t.db.email.count()).toBe(before);

    await guest.account.requestPasswordReset({ email: buyer.email });
    await guest.account.requestPasswordReset({ email: buyer.email });
    await expect(guest.account.requestPasswordReset({ email: buyer.email })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("change password", () => {
  it("needs the current password, and signs out the other sessions", async () => {
    const buyer = await createBuyer(t.db, { password: "current password" });
    const api = await callerFor(t.db, buyer.id);
    await expect(api.account.changePassword({ currentPassword: "not it", newPassword: "brand new password" })).rejects.toThrow(
      "Your current password is not right.",
    );
    await expect(api.account.changePassword({ currentPassword: "current password", newPassword: "brand new password" })).resolves.toEqual({
      sessionVersion: 1,
    });
    expect(await loadActor(t.db, buyer.id, 0)).toBeNull();
    expect(await loadActor(t.db, buyer.id, 1)).toMatchObject({ userId: buyer.id });
    expect(await signsIn(buyer.email, "brand new password")).toBe(true);
  });
});

describe("email verification", () => {
  it("a new seller gets a link; their shop cannot be approved until they follow it", async () => {
    const admin = await createAdmin(t.db);
    const email = `shop-${uniqueSuffix()}@example.com`;
    const guest = await callerFor(t.db, null);
    const suffix = uniqueSuffix();
    const user = await guest.account.signUpSeller({
      name: "New Seller",
      email,
      password: "a long password",
      shopName: `Shop ${suffix}`,
      slug: `shop-${suffix}`,
      contactEmail: email,
    });
    const seller = await t.db.seller.findUniqueOrThrow({ where: { userId: user.id } });
    const me = await (await callerFor(t.db, user.id)).account.me();
    expect(me).toMatchObject({ emailVerified: false, seller: { status: "PENDING" } });

    const adminApi = await callerFor(t.db, admin.id);
    await expect(adminApi.admin.sellers.approve({ sellerId: seller.id })).rejects.toThrow(
      `This seller has not confirmed their email address (${email}) yet; a shop can be approved once they have.`,
    );
    const token = await linkToken(email, "verify-email");
    await expect(guest.account.verifyEmail({ token })).resolves.toEqual({ email });
    expect((await (await callerFor(t.db, user.id)).account.me())?.emailVerified).toBe(true);
    await expect(adminApi.admin.sellers.approve({ sellerId: seller.id })).resolves.toMatchObject({ status: "APPROVED" });
    await expect(guest.account.verifyEmail({ token })).rejects.toThrow("This link was already used or is not valid.");
  });
});
