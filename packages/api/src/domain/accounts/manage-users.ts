import { Prisma, type PrismaClient, type Role, type Tx, type UserStatus } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { expireStorefrontOnCommit } from "../catalog/cache-tags";
import { holdsText } from "../like-pattern";
import { inTransaction } from "../transaction";
import { page } from "../pagination";
import { ZSearchUsersSchema, ZChangeRoleSchema, ZSuspendUserSchema, ZUserIdSchema } from "../../validators/accounts";
import { afterCursor, allOf } from "../sql-conditions";

export async function searchUsers(db: PrismaClient, actor: Actor, input: z.input<typeof ZSearchUsersSchema> = {}) {
  requireAdmin(actor);
  const f = ZSearchUsersSchema.parse(input);
  const orderBy: Prisma.UserOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  const select = {
    id: true,
    email: true,
    name: true,
    role: true,
    status: true,
    createdAt: true,
    seller: { select: { id: true, shopName: true, status: true } },
    _count: { select: { orders: true } },
  } satisfies Prisma.UserSelect;
  const rows = f.q
    ? await db.user.findMany({ where: { id: { in: await searchPageIds(db, f, f.q) } }, orderBy, select })
    : await db.user.findMany({
        where: { ...(f.role ? { role: f.role } : {}), ...(f.status ? { status: f.status } : {}) },
        orderBy,
        take: f.limit + 1,
        ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
        select,
      });
  return page(rows, f.limit);
}

/**
 * A text's page of user ids (one more than the limit), newest first: the users whose email or
 * name holds the text (two letters: a word of it starts with them; holdsText). The email's and
 * the name's trigram indexes find a rare text's users; a common one is found walking the
 * newest-first index. Prisma's `contains` could not say "a word starts with" (two letters read
 * every user: 450 ms at 1,000,000 users; bench/README.md, "Figures, session 25").
 */
async function searchPageIds(db: PrismaClient, f: z.output<typeof ZSearchUsersSchema>, q: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User"
     WHERE ${allOf([
       Prisma.sql`(${holdsText(Prisma.sql`"email"`, q)} OR ${holdsText(Prisma.sql`"name"`, q)})`,
       f.role ? Prisma.sql`"role" = ${f.role}::"Role"` : null,
       f.status ? Prisma.sql`"status" = ${f.status}::"UserStatus"` : null,
       afterCursor("User", "User", f.cursor),
     ])}
     ORDER BY "createdAt" DESC, "id" DESC
     LIMIT ${f.limit + 1}`;
  return rows.map((row) => row.id);
}

// Every change that can take an administrator away (demotion, suspension) takes this lock first,
// then counts the active administrators. Two admins demoting each other at the same moment are
// serialised, so the second sees the first's change and is refused instead of leaving nobody.
async function lockAdministrators(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bazaar:active-administrators'))`;
}

async function otherActiveAdmins(tx: Tx, userId: string) {
  return tx.user.count({
    where: { role: "ADMIN", status: "ACTIVE", id: { not: userId } },
  });
}

async function lockUser(tx: Tx, userId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("That user");
  return tx.user.findUniqueOrThrow({
    where: { id: userId },
    include: { seller: { select: { id: true } } },
  });
}

const snapshot = (u: { role: Role; status: UserStatus }) => ({
  role: u.role,
  status: u.status,
});

/**
 * Makes a user an administrator or a buyer. Seller accounts keep their role (their shop hangs
 * on it: suspend the shop instead), and the last active administrator cannot be demoted.
 */
export async function changeUserRole(db: PrismaClient, actor: Actor, input: z.input<typeof ZChangeRoleSchema>) {
  const admin = requireAdmin(actor);
  const { userId, role, reason } = ZChangeRoleSchema.parse(input);
  return inTransaction(db, async (tx) => {
    await lockAdministrators(tx);
    const user = await lockUser(tx, userId);
    if (user.role === role) throw new DomainError("CONFLICT", `This user is already ${role === "ADMIN" ? "an administrator" : "a buyer"}.`);
    if (user.role === "SELLER" || user.seller) {
      throw new DomainError("CONFLICT", "This is a seller account: its role follows its shop. Suspend the shop or the account instead.");
    }
    if (user.role === "ADMIN" && user.status === "ACTIVE" && (await otherActiveAdmins(tx, userId)) === 0) {
      throw new DomainError("CONFLICT", "This is the last active administrator. Make someone else an administrator first.");
    }
    const updated = await tx.user.update({
      where: { id: userId },
      data: { role },
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "user.role-change",
      entityType: "User",
      entityId: userId,
      before: snapshot(user),
      after: snapshot(updated),
      reason: reason || null,
    });
    return { id: updated.id, role: updated.role, status: updated.status };
  });
}

/**
 * Suspends an account: every procedure refuses it from the next request (the actor is loaded
 * fresh), and a seller's products leave the storefront with it. Administrators cannot suspend
 * themselves, and the last active administrator cannot be suspended.
 */
export async function suspendUser(db: PrismaClient, actor: Actor, input: z.input<typeof ZSuspendUserSchema>) {
  const admin = requireAdmin(actor);
  const { userId, reason } = ZSuspendUserSchema.parse(input);
  if (userId === admin.userId) throw new DomainError("CONFLICT", "You cannot suspend your own account.");
  const result = await inTransaction(db, async (tx) => {
    await lockAdministrators(tx);
    const user = await lockUser(tx, userId);
    if (user.status === "SUSPENDED") throw new DomainError("CONFLICT", "This account is already suspended.");
    if (user.role === "ADMIN" && (await otherActiveAdmins(tx, userId)) === 0) {
      throw new DomainError("CONFLICT", "This is the last active administrator. Make someone else an administrator first.");
    }
    const updated = await tx.user.update({
      where: { id: userId },
      data: { status: "SUSPENDED" },
    });
    await expireShopOf(tx, userId);
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "user.suspend",
      entityType: "User",
      entityId: userId,
      before: snapshot(user),
      after: snapshot(updated),
      reason,
    });
    return { id: updated.id, role: updated.role, status: updated.status };
  });
  return result;
}

/** A seller's account status decides whether its shop's products show: its pages expire once committed. */
async function expireShopOf(tx: Tx, userId: string) {
  const seller = await tx.seller.findUnique({ where: { userId }, select: { id: true } });
  if (seller) expireStorefrontOnCommit(tx, { kind: "shop", sellerId: seller.id });
}

export async function reinstateUser(db: PrismaClient, actor: Actor, input: z.input<typeof ZUserIdSchema>) {
  const admin = requireAdmin(actor);
  const { userId } = ZUserIdSchema.parse(input);
  const result = await inTransaction(db, async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.status === "ACTIVE") throw new DomainError("CONFLICT", "This account is not suspended.");
    const updated = await tx.user.update({
      where: { id: userId },
      data: { status: "ACTIVE" },
    });
    await expireShopOf(tx, userId);
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "user.reinstate",
      entityType: "User",
      entityId: userId,
      before: snapshot(user),
      after: snapshot(updated),
    });
    return { id: updated.id, role: updated.role, status: updated.status };
  });
  return result;
}
