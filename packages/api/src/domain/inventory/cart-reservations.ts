// SOFT reservations: what carts hold. A cart line's holds always add up to its quantity while
// they are active; callers lock the cart row first, so one cart's changes never interleave.
import { Prisma, type SqlTx, type Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { SOFT_RESERVATION_MS, SOFT_RESERVATION_RENEW_BELOW_MS } from "./constants";
import { planAllocation } from "./plan-allocation";
import {
  addReserved,
  availableOf,
  groupByStockLevel,
  lockVariantStock,
  removeReserved,
  reserveOnOneRow,
  reserveOnOneRowSql,
  settleOneRowHold,
  type OneRowHold,
  type StockRow,
} from "./stock-rows";

export interface CartItemReservationInput {
  cartId: string;
  cartItemId: string;
  productId: string;
  variantId: string;
  /** How the buyer knows it in messages: "Hoodie — M / Blue". */
  productName: string;
  /** What the line should hold in total after this call. */
  quantity: number;
  /** What it holds now, when the caller knows (a line created in this transaction holds 0); read otherwise. */
  held?: number;
  now?: Date;
}

export const outOfStockError = (productName: string, available: number, details: Record<string, unknown> = {}) =>
  new DomainError(
    "OUT_OF_STOCK",
    available > 0 ? `Only ${available} of "${productName}" available. Lower the quantity to ${available} or less.` : `"${productName}" is out of stock.`,
    { available, ...details },
  );

/** Units of the line held by its active SOFT reservations. */
export async function heldForCartItem(tx: SqlTx, cartItemId: string): Promise<number> {
  const [held] = await tx.$queryRaw<{ quantity: number }[]>`
    SELECT coalesce(sum("quantity"), 0)::int AS "quantity" FROM "Reservation" WHERE "cartItemId" = ${cartItemId} AND "type" = 'SOFT' AND "status" = 'ACTIVE'`;
  return held?.quantity ?? 0;
}

/**
 * Makes the line hold exactly `quantity` units: grows its holds (most available warehouse first)
 * or gives back the newest ones. Refuses with "only N available" when stock cannot cover it.
 * Written-out statements only, so a cart's add can run it on a plain pooled transaction.
 */
export async function setCartItemReservation(tx: SqlTx, input: CartItemReservationInput): Promise<void> {
  const now = input.now ?? new Date();
  const held = input.held ?? (await heldForCartItem(tx, input.cartItemId));
  if (input.quantity > held) {
    await reserveForCartItem(tx, input, input.quantity - held, held, now);
  } else if (input.quantity < held) {
    await releaseFromCartItem(tx, input.cartItemId, held - input.quantity);
  }
}

async function reserveForCartItem(tx: SqlTx, input: CartItemReservationInput, quantity: number, alreadyHeld: number, now: Date) {
  if (await reserveOnOneRow(tx, oneRowHoldOf(input, quantity, now))) return;
  await reserveOverRows(tx, input, quantity, alreadyHeld, now);
}

const oneRowHoldOf = (input: Omit<CartItemReservationInput, "cartItemId"> & { cartItemId: string | Prisma.Sql }, quantity: number, now: Date): OneRowHold => ({
  variantId: input.variantId,
  quantity,
  cartId: input.cartId,
  cartItemId: input.cartItemId,
  expiresAt: new Date(now.getTime() + SOFT_RESERVATION_MS),
  now,
});

/**
 * setCartItemReservation for a line that must hold more than it does, split for a caller that
 * writes the line in the same statement as the hold (the add to cart): `sql` gives the CTEs that
 * take the missing units from one stock row (reserveOnOneRowSql: `one_row_held` answers that
 * row), `cartItemId` the SQL that gives the line's id there. `settle` finishes with what that
 * statement answered: the row, or, when no single row had enough, the units split over rows, or
 * "only N available".
 */
export function growCartItemHold(input: Omit<CartItemReservationInput, "cartItemId" | "held"> & { cartItemId: Prisma.Sql; held: number }) {
  const now = input.now ?? new Date();
  const quantity = input.quantity - input.held;
  // A line's active holds add up to its quantity at most, so an add always has units to hold.
  if (quantity <= 0) throw new Error(`A line holding ${input.held} cannot grow its holds to ${input.quantity}.`);
  return {
    sql: reserveOnOneRowSql(oneRowHoldOf(input, quantity, now)),
    settle: async (tx: SqlTx, row: StockRow | null, cartItemId: string): Promise<void> => {
      if (!(await settleOneRowHold(tx, row, quantity))) await reserveOverRows(tx, { ...input, cartItemId }, quantity, input.held, now);
    },
  };
}

/** The units split over the variant's stock rows (planAllocation), when no single row has them all. */
async function reserveOverRows(tx: SqlTx, input: CartItemReservationInput, quantity: number, alreadyHeld: number, now: Date) {
  const expiresAt = new Date(now.getTime() + SOFT_RESERVATION_MS);
  const rows = await lockVariantStock(tx, input.variantId);
  const plan = planAllocation(
    rows.map((row) => ({ stockLevelId: row.id, available: availableOf(row) })),
    quantity,
  );
  if (!plan) {
    const available = rows.reduce((sum, row) => sum + Math.max(0, availableOf(row)), 0);
    throw outOfStockError(input.productName, alreadyHeld + available, { productId: input.productId, variantId: input.variantId });
  }
  for (const part of plan) {
    // The rows are locked, so the guard cannot fail here; it is the belt to the lock's braces.
    if (!(await addReserved(tx, part.stockLevelId, part.quantity))) throw outOfStockError(input.productName, alreadyHeld);
  }
  await tx.$executeRaw`
    INSERT INTO "Reservation" ("id", "stockLevelId", "productId", "variantId", "quantity", "type", "status", "expiresAt", "cartId", "cartItemId", "createdAt", "updatedAt")
    VALUES ${Prisma.join(
      plan.map(
        (part) => Prisma.sql`(gen_random_uuid()::text, ${part.stockLevelId}, ${input.productId}, ${input.variantId}, ${part.quantity}::int, 'SOFT', 'ACTIVE',
                              ${expiresAt}::timestamp(3), ${input.cartId}, ${input.cartItemId}, ${now}::timestamp(3), ${now}::timestamp(3))`,
      ),
    )}`;
}

async function releaseFromCartItem(tx: SqlTx, cartItemId: string, quantity: number) {
  const holds = await tx.$queryRaw<{ id: string; stockLevelId: string; quantity: number }[]>`
    SELECT "id", "stockLevelId", "quantity" FROM "Reservation"
     WHERE "cartItemId" = ${cartItemId} AND "type" = 'SOFT' AND "status" = 'ACTIVE'
     ORDER BY "createdAt" DESC, "id" DESC`;
  let remaining = quantity;
  for (const hold of holds) {
    if (remaining === 0) break;
    if (hold.quantity <= remaining) {
      if (await claim(tx, hold.id, "RELEASED")) {
        await removeReserved(tx, hold.stockLevelId, hold.quantity);
        remaining -= hold.quantity;
      }
    } else {
      const shrunk = await tx.$executeRaw`
        UPDATE "Reservation" SET "quantity" = "quantity" - ${remaining}, "updatedAt" = now()
         WHERE "id" = ${hold.id} AND "status" = 'ACTIVE' AND "quantity" > ${remaining}`;
      if (shrunk === 1) {
        await removeReserved(tx, hold.stockLevelId, remaining);
        remaining = 0;
      }
    }
  }
}

/** Moves an ACTIVE reservation to `status`; false when someone else (the sweeper) got there first. */
async function claim(tx: SqlTx, reservationId: string, status: "RELEASED" | "EXPIRED") {
  const count = await tx.$executeRaw`
    UPDATE "Reservation" SET "status" = ${status}::"ReservationStatus", "updatedAt" = now() WHERE "id" = ${reservationId} AND "status" = 'ACTIVE'`;
  return count === 1;
}

/** Gives back every hold of a cart (or of one of its lines). */
export async function releaseCartReservations(tx: Tx, where: { cartId: string } | { cartItemId: string }): Promise<void> {
  const holds = await tx.reservation.findMany({
    where: { ...where, type: "SOFT", status: "ACTIVE" },
    select: { id: true, stockLevelId: true, quantity: true },
    orderBy: { stockLevelId: "asc" },
  });
  const claimed = [];
  for (const hold of holds) if (await claim(tx, hold.id, "RELEASED")) claimed.push(hold);
  for (const row of groupByStockLevel(claimed)) await removeReserved(tx, row.stockLevelId, row.quantity);
}

/**
 * The statement that renews, to a full SOFT_RESERVATION_MS from `now`, the active SOFT holds of
 * the carts `cartIds` selects that have less than SOFT_RESERVATION_RENEW_BELOW_MS left: what every
 * cart change does (the cart locks run it as a CTE).
 */
export function renewSoftHoldsSql(cartIds: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Reservation" SET "expiresAt" = ${new Date(now.getTime() + SOFT_RESERVATION_MS)}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
     WHERE "cartId" IN (${cartIds}) AND "type" = 'SOFT' AND "status" = 'ACTIVE'
       AND "expiresAt" < ${new Date(now.getTime() + SOFT_RESERVATION_RENEW_BELOW_MS)}::timestamp(3)`;
}

/** A change to a cart renews its holds that have less than 10 minutes left (renewSoftHoldsSql). */
export async function extendCartReservations(tx: SqlTx, cartId: string, now = new Date()): Promise<void> {
  await tx.$executeRaw`${renewSoftHoldsSql(Prisma.sql`${cartId}`, now)}`;
}

/** Moves a line's holds to another line (guest cart merged into the buyer's). */
export async function moveCartItemReservations(tx: Tx, fromCartItemId: string, to: { cartId: string; cartItemId: string }): Promise<void> {
  await tx.reservation.updateMany({
    where: { cartItemId: fromCartItemId, type: "SOFT", status: "ACTIVE" },
    data: { cartId: to.cartId, cartItemId: to.cartItemId },
  });
}
