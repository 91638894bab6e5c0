// Email verification, password reset and password change. Links carry a random token; only its
// hash is stored (VerificationToken), one live token per person and purpose, used once, expiring.
// A new password bumps the user's session version, which signs out every other session.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import type { Actor } from "../../actor";
import { getEnv } from "../../env";
import { DomainError } from "../../errors";
import { sendEmail } from "../../mail/send-email";
import { consume } from "../../throttle/limits";
import { hashPassword, verifyPassword } from "./password";
import { attachGuestOrders } from "../orders/order-access";
import { ZRequestPasswordResetSchema, ZResetPasswordSchema, ZVerifyEmailSchema, ZChangePasswordSchema } from "../../validators/accounts";

type Purpose = "verify-email" | "reset-password";
const TTL_MS: Record<Purpose, number> = { "verify-email": 7 * 24 * 3600_000, "reset-password": 3600_000 };

const hashOf = (token: string) => createHash("sha256").update(token).digest("base64url");
const identifier = (purpose: Purpose, userId: string) => `${purpose}:${userId}`;

async function issueToken(db: PrismaClient, purpose: Purpose, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier: identifier(purpose, userId) } }),
    db.verificationToken.create({
      data: { identifier: identifier(purpose, userId), token: hashOf(token), expires: new Date(now.getTime() + TTL_MS[purpose]) },
    }),
  ]);
  return token;
}

/** The user a link's token names, spending it; refused when unknown, used or expired. */
async function spendToken(db: PrismaClient, purpose: Purpose, token: string, now: Date): Promise<string> {
  const row = await db.verificationToken.findFirst({ where: { token: hashOf(token), identifier: { startsWith: `${purpose}:` } } });
  // Deleting is what makes it single-use, also against a concurrent second click.
  const deleted = row ? await db.verificationToken.deleteMany({ where: { identifier: row.identifier, token: row.token } }) : { count: 0 };
  if (!row || deleted.count === 0) throw new DomainError("BAD_REQUEST", "This link was already used or is not valid. Ask for a new one.");
  if (row.expires <= now) throw new DomainError("BAD_REQUEST", "This link has expired. Ask for a new one.");
  return row.identifier.slice(purpose.length + 1);
}

const storefrontLink = (path: string, token: string) => new URL(`${path}?token=${token}`, getEnv().STOREFRONT_URL).href;

/** Emails a link that confirms the user's address (on sign-up, and again on request). */
export async function sendVerificationEmail(db: PrismaClient, userId: string, now = new Date()): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, role: true, emailVerified: true } });
  if (user.emailVerified) return;
  const token = await issueToken(db, "verify-email", userId, now);
  await sendEmail(db, {
    to: user.email,
    template: "verify-email",
    props: { name: user.name, verifyUrl: storefrontLink("/verify-email", token), seller: user.role === "SELLER" },
    dedupeKey: `verify-email:${userId}:${hashOf(token).slice(0, 16)}`,
  });
}

/** A signed-in user asks for a new confirmation link (at most a few an hour). */
export async function resendVerificationEmail(db: PrismaClient, actor: Actor): Promise<{ sent: boolean }> {
  await consume(db, "passwordReset", `verify:${actor.userId}`, "Too many confirmation emails asked for.");
  await sendVerificationEmail(db, actor.userId);
  return { sent: true };
}

export async function verifyEmail(db: PrismaClient, input: z.input<typeof ZVerifyEmailSchema>, now = new Date()): Promise<{ email: string }> {
  const { token } = ZVerifyEmailSchema.parse(input);
  const userId = await spendToken(db, "verify-email", token, now);
  const user = await db.user.update({ where: { id: userId }, data: { emailVerified: now }, select: { email: true } });
  await attachGuestOrders(db, userId);
  return { email: user.email };
}

/**
 * Emails a reset link when the address has an account. The answer is the same either way, so it
 * does not tell who has an account; an account gets at most a few links an hour.
 */
export async function requestPasswordReset(db: PrismaClient, input: z.input<typeof ZRequestPasswordResetSchema>, now = new Date()): Promise<{ sent: true }> {
  const { email } = ZRequestPasswordResetSchema.parse(input);
  await consume(db, "passwordReset", email, "Too many password reset emails asked for this address.");
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, status: true } });
  if (user && user.status === "ACTIVE") {
    const token = await issueToken(db, "reset-password", user.id, now);
    await sendEmail(db, {
      to: email,
      template: "password-reset",
      props: { name: user.name, resetUrl: storefrontLink("/reset-password", token) },
      dedupeKey: `password-reset:${user.id}:${hashOf(token).slice(0, 16)}`,
    });
  }
  return { sent: true };
}

/** Sets the password from a reset link; every session signs out, and the address counts as confirmed (the link reached it). */
export async function resetPassword(db: PrismaClient, input: z.input<typeof ZResetPasswordSchema>, now = new Date()): Promise<{ email: string }> {
  const { token, password } = ZResetPasswordSchema.parse(input);
  const userId = await spendToken(db, "reset-password", token, now);
  const passwordHash = await hashPassword(password);
  const user = await db.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 }, emailVerified: now },
    select: { email: true, emailVerified: true },
  });
  await attachGuestOrders(db, userId);
  return { email: user.email };
}

/** Changes the signed-in user's password; other sessions sign out (the caller signs this one in again). */
export async function changePassword(db: PrismaClient, actor: Actor, input: z.input<typeof ZChangePasswordSchema>): Promise<{ sessionVersion: number }> {
  const { currentPassword, newPassword } = ZChangePasswordSchema.parse(input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new DomainError("BAD_REQUEST", "Your current password is not right.", { fieldErrors: { currentPassword: ["Your current password is not right."] } });
  }
  const updated = await db.user.update({
    where: { id: actor.userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return updated;
}
