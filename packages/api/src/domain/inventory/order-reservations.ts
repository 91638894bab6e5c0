// HARD reservations: what an order awaiting payment (or paid, until it ships) holds.
// Each transition first claims the reservation rows by their status, in one statement, and then
// moves the stock of exactly the rows it claimed: a second call (a webhook delivered twice, a
// sweeper racing a payment) claims nothing and changes nothing.
import { Prisma, type PrismaClient, type SqlTx, type Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import { inTransaction } from "../transaction";
import { publish } from "../../events/publish";
import { publishIfBackInStock } from "./back-in-stock";
import { extendCartReservations, setCartItemReservation } from "./cart-reservations";
import { HARD_RESERVATION_MS, SOFT_RESERVATION_MS } from "./constants";
import { groupByStockLevel, moveAllocatedToReserved, removeAllocated, removeReserved, sellOrderHolds, convertCartHolds } from "./stock-rows";

interface Claimed {
  stockLevelId: string;
  productId: string;
  variantId: string;
  quantity: number;
}

export interface HardenLine {
  cartItemId: string;
  orderItemId: string;
  productId: string;
  variantId: string;
  productName: string;
  quantity: number;
  /** What the line holds, when the caller read it after extending the cart's holds in this transaction. */
  held?: number;
}

/**
 * Checkout: every cart line's SOFT holds become HARD holds of the order. Lines without enough
 * active holds (they expired, or the last payment failed) are reserved now, or the whole
 * checkout fails with "only N available". `holdsExtended`: the caller gave the cart's holds a
 * fresh expiry in this transaction already (checkout's cart lock does).
 */
export async function hardenCartReservations(
  tx: SqlTx,
  input: { cartId: string; orderId: string; lines: HardenLine[]; now?: Date; holdsExtended?: boolean },
): Promise<Date> {
  const now = input.now ?? new Date();
  // Extending first keeps the sweeper off these holds while we convert them.
  if (!input.holdsExtended) await extendCartReservations(tx, input.cartId, now);
  const lines = [...input.lines].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
  for (const line of lines) {
    if (line.held === line.quantity) continue;
    await setCartItemReservation(tx, {
      cartId: input.cartId,
      cartItemId: line.cartItemId,
      productId: line.productId,
      variantId: line.variantId,
      productName: line.productName,
      quantity: line.quantity,
      held: line.held,
      now,
    });
  }
  const expiresAt = new Date(now.getTime() + HARD_RESERVATION_MS);
  const converted = await convertCartHolds(tx, {
    cartId: input.cartId,
    orderId: input.orderId,
    orderItemOf: new Map(input.lines.map((line) => [line.cartItemId, line.orderItemId])),
    expiresAt,
    now,
  });
  const heldByLine = new Map(converted.map((line) => [line.cartItemId, line.quantity]));
  for (const line of input.lines) {
    if (heldByLine.get(line.cartItemId) !== line.quantity) {
      throw new DomainError("CONFLICT", "Your cart changed while checking out. Review your cart and check out again.");
    }
  }
  return expiresAt;
}

/**
 * Undoes hardenCartReservations when checkout fails after its transaction committed (the payment
 * provider refused to create an intent): the order's HARD holds go, the cart's SOFT holds return.
 */
export async function restoreCartReservations(tx: Tx, orderId: string, now = new Date()): Promise<void> {
  const released = await claimOrderReservations(tx, orderId, "ACTIVE", "RELEASED");
  for (const row of groupByStockLevel(released)) await moveAllocatedToReserved(tx, row.stockLevelId, row.quantity);
  await tx.reservation.updateMany({
    where: { orderId, type: "SOFT", status: "CONVERTED" },
    data: { status: "ACTIVE", orderId: null, expiresAt: new Date(now.getTime() + SOFT_RESERVATION_MS) },
  });
}

async function claimOrderReservations(
  tx: Tx,
  orderId: string,
  from: "ACTIVE" | "FULFILLED",
  to: "RELEASED" | "EXPIRED" | "FULFILLED",
  sellerId?: string,
): Promise<Claimed[]> {
  const sellerFilter = sellerId ? Prisma.sql`AND "productId" IN (SELECT "id" FROM "Product" WHERE "sellerId" = ${sellerId})` : Prisma.empty;
  return tx.$queryRaw<Claimed[]>`
    UPDATE "Reservation" SET "status" = ${to}::"ReservationStatus", "updatedAt" = now()
     WHERE "orderId" = ${orderId} AND "type" = 'HARD' AND "status" = ${from}::"ReservationStatus" ${sellerFilter}
    RETURNING "stockLevelId", "productId", "variantId", "quantity"`;
}

async function adjustSalesCount(tx: Tx, claimed: Claimed[], sign: 1 | -1) {
  const perProduct = new Map<string, number>();
  for (const hold of claimed) perProduct.set(hold.productId, (perProduct.get(hold.productId) ?? 0) + hold.quantity);
  for (const [productId, quantity] of [...perProduct.entries()].sort()) {
    await tx.product.update({ where: { id: productId }, data: { salesCount: { increment: sign * quantity } } });
  }
}

/** Payment captured: the order's units are sold (on hand and allocated go down). Idempotent. */
export async function sellOrderStock(tx: SqlTx, orderId: string): Promise<{ units: number }> {
  return sellOrderHolds(tx, orderId);
}

/** Payment failed, order cancelled before payment, or payment deadline passed. Idempotent. */
export async function releaseOrderStock(tx: Tx, orderId: string, outcome: "RELEASED" | "EXPIRED"): Promise<{ units: number }> {
  const released = await claimOrderReservations(tx, orderId, "ACTIVE", outcome);
  for (const row of groupByStockLevel(released)) await removeAllocated(tx, row.stockLevelId, row.quantity);
  return { units: released.reduce((sum, hold) => sum + hold.quantity, 0) };
}

/**
 * A paid order (or one seller's part of it) was refunded or cancelled before shipping: its sold
 * units go back on hand on the rows they came from. The FULFILLED holds become RELEASED, so this
 * happens once.
 */
export async function restockOrder(tx: Tx, input: { orderId: string; sellerId?: string }): Promise<{ units: number }> {
  const restocked = await claimOrderReservations(tx, input.orderId, "FULFILLED", "RELEASED", input.sellerId);
  for (const row of groupByStockLevel(restocked)) await putBackOnHand(tx, row.stockLevelId, row.quantity);
  await adjustSalesCount(tx, restocked, -1);
  return { units: restocked.reduce((sum, hold) => sum + hold.quantity, 0) };
}

const SWEEP_BATCH = 500;

/**
 * The sweeper: cart holds past their expiry give their units back. Works in batches and skips
 * rows another transaction has locked (a cart being changed right now extends them anyway).
 * Returns how many reservations expired.
 */
export async function releaseExpiredCartReservations(db: PrismaClient, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await inTransaction(db, async (tx) => {
      const claimed = await tx.$queryRaw<Claimed[]>`
        UPDATE "Reservation" SET "status" = 'EXPIRED', "updatedAt" = now()
         WHERE "id" IN (SELECT "id" FROM "Reservation"
                         WHERE "type" = 'SOFT' AND "status" = 'ACTIVE' AND "expiresAt" <= ${now}
                         ORDER BY "expiresAt" LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)
           AND "status" = 'ACTIVE' AND "expiresAt" <= ${now}
        RETURNING "stockLevelId", "productId", "variantId", "quantity"`;
      for (const row of groupByStockLevel(claimed)) await removeReserved(tx, row.stockLevelId, row.quantity);
      return claimed.length;
    });
    total += expired;
    if (expired < SWEEP_BATCH) return total;
  }
}

/**
 * Some units of one order line come back on hand: a refund of units that never left the
 * warehouse, or a received return the seller restocks. They go back on the rows they were sold
 * from, or all onto `warehouseId`'s row for the variant when the seller chose one. The sold holds
 * they came from become RELEASED (split when only part of one comes back), so the same units
 * cannot come back twice. Returns how many units came back (fewer than asked when fewer were sold).
 */
export async function restockOrderItemUnits(tx: Tx, input: { orderItemId: string; quantity: number; warehouseId?: string | null }): Promise<{ units: number }> {
  const item = await tx.orderItem.findUniqueOrThrow({
    where: { id: input.orderItemId },
    select: { orderId: true, productId: true, variantId: true, sellerId: true },
  });
  const holds = await tx.$queryRaw<{ id: string; stockLevelId: string; quantity: number }[]>`
    SELECT id, "stockLevelId", quantity FROM "Reservation"
     WHERE "orderId" = ${item.orderId} AND "type" = 'HARD' AND "status" = 'FULFILLED'
       AND ("orderItemId" = ${input.orderItemId} OR ("orderItemId" IS NULL AND "variantId" = ${item.variantId}))
     ORDER BY "createdAt", id FOR UPDATE`;
  let target: string | null = null;
  if (input.warehouseId) {
    const warehouse = await tx.warehouse.findFirst({ where: { id: input.warehouseId, sellerId: item.sellerId }, select: { id: true } });
    if (!warehouse) throw new DomainError("NOT_FOUND", "That warehouse is not one of yours. Choose one of your warehouses to restock into.");
    const row = await tx.stockLevel.upsert({
      where: { variantId_warehouseId: { variantId: item.variantId, warehouseId: warehouse.id } },
      create: { productId: item.productId, variantId: item.variantId, warehouseId: warehouse.id },
      update: {},
      select: { id: true },
    });
    target = row.id;
  }
  let remaining = input.quantity;
  const back = new Map<string, number>();
  for (const hold of holds) {
    if (remaining === 0) break;
    const take = Math.min(remaining, hold.quantity);
    if (take === hold.quantity) {
      await tx.reservation.update({ where: { id: hold.id }, data: { status: "RELEASED" } });
    } else {
      const original = await tx.reservation.update({ where: { id: hold.id }, data: { quantity: { decrement: take } } });
      const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = original;
      await tx.reservation.create({ data: { ...rest, quantity: take, status: "RELEASED" } });
    }
    const row = target ?? hold.stockLevelId;
    back.set(row, (back.get(row) ?? 0) + take);
    remaining -= take;
  }
  for (const [stockLevelId, quantity] of [...back.entries()].sort()) await putBackOnHand(tx, stockLevelId, quantity);
  const units = input.quantity - remaining;
  if (units > 0) await tx.product.update({ where: { id: item.productId }, data: { salesCount: { decrement: units } } });
  return { units };
}

/**
 * Units back on a shelf (a received return restocked, or a refunded part that never shipped):
 * the storefront's pages of the product expire (`stock/changed`), and a variant that had sold
 * out tells the wishlists it is back, as a seller's restock does.
 */
async function putBackOnHand(tx: Tx, stockLevelId: string, quantity: number): Promise<void> {
  const [row] = await tx.$queryRaw<{ productId: string; variantId: string; version: number; available: number }[]>`
    UPDATE "StockLevel" SET "onHand" = "onHand" + ${quantity}, "version" = "version" + 1, "updatedAt" = now()
     WHERE "id" = ${stockLevelId}
    RETURNING "productId", "variantId", "version", ("onHand" - "reserved" - "allocated") AS "available"`;
  if (!row) throw new Error(`Stock row ${stockLevelId} vanished while units were put back.`);
  await publish(tx, "stock/changed", { stockLevelId, productId: row.productId, variantId: row.variantId, available: row.available });
  await publishIfBackInStock(tx, { productId: row.productId, variantId: row.variantId, stockLevelId, version: row.version, gained: quantity });
}
