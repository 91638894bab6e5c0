// Whose cart: a signed-in buyer's, or a guest's found by the cookie token. Every cart change
// runs in a transaction that first locks the cart row, so one cart's changes never interleave
// (two tabs, a double click) and stock rows are only locked after it.
import { Prisma, type PrismaClient, type SqlTx, type Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { renewSoftHoldsSql } from "../inventory/cart-reservations";

export type CartOwner = { buyerId: string } | { guestToken: string };

export const ownerWhere = (owner: CartOwner): Prisma.CartWhereInput =>
  "buyerId" in owner ? { buyerId: owner.buyerId } : { guestToken: owner.guestToken, buyerId: null };

/** The owner's open cart (ACTIVE or CHECKOUT), if any. */
export async function findOpenCart(db: Tx, owner: CartOwner) {
  return db.cart.findFirst({
    where: { ...ownerWhere(owner), status: { in: ["ACTIVE", "CHECKOUT"] } },
    select: { id: true, status: true },
  });
}

/**
 * Makes sure the owner has an ACTIVE cart and returns its id. Runs outside the caller's
 * transaction: two first clicks race on the unique indexes, and the loser just reads the
 * winner's cart (a failed insert would abort a surrounding transaction).
 */
export async function ensureActiveCart(db: PrismaClient, owner: CartOwner): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const open = await findOpenCart(db, owner);
    if (open) return open.id;
    try {
      const cart = await db.cart.create({
        data: "buyerId" in owner ? { buyerId: owner.buyerId } : { guestToken: owner.guestToken },
        select: { id: true },
      });
      return cart.id;
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new DomainError("CONFLICT", "Your cart could not be opened. Reload the page and try again.");
}

/**
 * Locks the owner's open cart for a change and checks it may change: a cart whose checkout
 * awaits payment is frozen until the payment succeeds, fails or expires.
 */
export async function lockCart(tx: Tx, owner: CartOwner): Promise<{ id: string; buyerId: string | null; promoCodeId: string | null; currency: string } | null> {
  const condition = "buyerId" in owner ? Prisma.sql`"buyerId" = ${owner.buyerId}` : Prisma.sql`"guestToken" = ${owner.guestToken} AND "buyerId" IS NULL`;
  const [cart] = await tx.$queryRaw<{ id: string; status: string; buyerId: string | null; promoCodeId: string | null; currency: string }[]>`
    SELECT "id", "status"::text AS "status", "buyerId", "promoCodeId", "currency" FROM "Cart"
     WHERE ${condition} AND "status" IN ('ACTIVE', 'CHECKOUT')
     FOR UPDATE`;
  if (!cart) return null;
  if (cart.status === "CHECKOUT") throw checkoutInProgress();
  return cart;
}

/**
 * lockCart, the holds renewed (each that had less than 10 minutes left: renewSoftHoldsSql) and the
 * activity stamp in one statement: the UPDATE locks the cart row as SELECT ... FOR UPDATE would,
 * and its CTE renews the holds, so a cart change starts with one round trip instead of three. A
 * cart whose checkout awaits payment is refused (the caller's transaction rolls the stamp back).
 * With `create`, an owner without an open cart gets one in the same statement (a buyer's first
 * add, and every add after an order): the insert skips a conflict instead of failing, so when a
 * concurrent first change made the cart first this answers null and the caller tries again,
 * finding it.
 *
 * The same statement turns synchronous_commit off for this transaction (SET LOCAL, as
 * set_config(..., true)): a cart change writes the cart, its lines and SOFT holds only, and its
 * COMMIT then returns without waiting for the WAL flush, so a popular stock row is unlocked that
 * much sooner. A crash can lose the last fraction of a second of such changes, each whole (the
 * buyer adds again); any later synchronous commit (a checkout turning those holds HARD, a payment)
 * flushes them first, so nothing durable can depend on a lost one. See bench/README.md.
 */
export async function lockCartForChange(
  tx: SqlTx,
  owner: CartOwner,
  now: Date,
  options: { create?: boolean } = {},
): Promise<{ id: string; buyerId: string | null; promoCodeId: string | null; currency: string } | null> {
  const condition = "buyerId" in owner ? Prisma.sql`"buyerId" = ${owner.buyerId}` : Prisma.sql`"guestToken" = ${owner.guestToken} AND "buyerId" IS NULL`;
  const [buyerId, guestToken] = "buyerId" in owner ? [owner.buyerId, null] : [null, owner.guestToken];
  const [cart] = await tx.$queryRaw<{ id: string; status: string; buyerId: string | null; promoCodeId: string | null; currency: string }[]>`
    WITH cart AS (
      UPDATE "Cart" SET "lastActivityAt" = ${now}, "updatedAt" = now()
       WHERE ${condition} AND "status" IN ('ACTIVE', 'CHECKOUT')
      RETURNING "id", "status"::text AS "status", "buyerId", "promoCodeId", "currency"
    ), holds AS (${renewSoftHoldsSql(Prisma.sql`SELECT "id" FROM cart WHERE "status" = 'ACTIVE'`, now)}
    ), created AS (
      INSERT INTO "Cart" ("id", "buyerId", "guestToken", "lastActivityAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, ${buyerId}, ${guestToken}, ${now}, ${now}, ${now}
       WHERE ${options.create ?? false} AND NOT EXISTS (SELECT 1 FROM cart)
      ON CONFLICT DO NOTHING
      RETURNING "id", "status"::text AS "status", "buyerId", "promoCodeId", "currency"
    )
    SELECT "id", "status", "buyerId", "promoCodeId", "currency", set_config('synchronous_commit', 'off', true) AS "synchronousCommit"
      FROM (SELECT * FROM cart UNION ALL SELECT * FROM created) AS locked`;
  if (!cart) return null;
  if (cart.status === "CHECKOUT") throw checkoutInProgress();
  return { id: cart.id, buyerId: cart.buyerId, promoCodeId: cart.promoCodeId, currency: cart.currency };
}

/**
 * Checkout's first statement: locks the owner's open cart, freezes it (CHECKOUT) and renews its
 * holds as a change does (so every active hold has 10 minutes left: each counts as held when the
 * cart is read next, and the sweeper stays off them while they turn HARD). Returns the status the
 * cart had; the caller must abort its transaction (throw) unless it places the order, so a cart
 * that was ACTIVE stays so.
 */
export async function lockCartForCheckout(tx: SqlTx, owner: CartOwner, now: Date): Promise<{ id: string; status: string } | null> {
  const condition = "buyerId" in owner ? Prisma.sql`"buyerId" = ${owner.buyerId}` : Prisma.sql`"guestToken" = ${owner.guestToken} AND "buyerId" IS NULL`;
  const [cart] = await tx.$queryRaw<{ id: string; status: string }[]>`
    WITH cart AS (
      UPDATE "Cart" c SET "status" = 'CHECKOUT', "lastActivityAt" = ${now}, "updatedAt" = now()
        FROM (SELECT "id", "status" FROM "Cart" WHERE ${condition} AND "status" IN ('ACTIVE', 'CHECKOUT') FOR UPDATE) AS before
       WHERE c."id" = before."id"
      RETURNING c."id", before."status"::text AS "status"
    ), holds AS (${renewSoftHoldsSql(Prisma.sql`SELECT "id" FROM cart WHERE "status" = 'ACTIVE'`, now)}
    )
    SELECT * FROM cart`;
  return cart ?? null;
}

export const checkoutInProgress = () =>
  new DomainError(
    "CONFLICT",
    "Your cart is waiting for the payment of your last checkout. Complete the payment (or let it lapse after 30 minutes) before changing the cart.",
  );

/** Stamps the cart as changed: holds get a fresh 15 minutes, and listeners hear of it. */
export async function touchCart(tx: Tx, cartId: string, now: Date): Promise<void> {
  await tx.cart.update({ where: { id: cartId }, data: { lastActivityAt: now } });
}
