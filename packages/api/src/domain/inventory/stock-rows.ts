// The only code that changes StockLevel quantities. Every change is one guarded, conditional
// UPDATE (the guard restates the invariant the DB CHECK also enforces), so a race loses with
// a clear error here instead of a constraint violation, and each caller claims the reservation
// row (status guard) before touching stock, which makes every transition happen at most once.
import { Prisma, type SqlTx, type Tx } from "@bazaar/db";
import { publish } from "../../events/publish";

export interface StockRow {
  id: string;
  productId: string;
  variantId: string;
  sellerId: string;
  onHand: number;
  reserved: number;
  allocated: number;
  lowStockThreshold: number;
  version: number;
}

export const availableOf = (row: Pick<StockRow, "onHand" | "reserved" | "allocated">) => row.onHand - row.reserved - row.allocated;

const RETURNING = Prisma.sql`RETURNING s."id", s."productId", s."variantId", s."onHand", s."reserved", s."allocated", s."lowStockThreshold", s."version",
  (SELECT p."sellerId" FROM "Product" p WHERE p."id" = s."productId") AS "sellerId"`;

/** Locks every stock row of the variant (in id order, the one lock order all writers use) and returns them. */
export async function lockVariantStock(tx: SqlTx, variantId: string): Promise<StockRow[]> {
  return tx.$queryRaw<StockRow[]>`
    SELECT s."id", s."productId", s."variantId", p."sellerId", s."onHand", s."reserved", s."allocated", s."lowStockThreshold", s."version"
      FROM "StockLevel" s JOIN "Product" p ON p."id" = s."productId"
     WHERE s."variantId" = ${variantId}
     ORDER BY s."id"
       FOR UPDATE OF s`;
}

/** Holds `quantity` more units for carts; null when fewer are available. */
export async function addReserved(tx: SqlTx, stockLevelId: string, quantity: number): Promise<StockRow | null> {
  const [row] = await tx.$queryRaw<StockRow[]>`
    UPDATE "StockLevel" s SET "reserved" = s."reserved" + ${quantity}, "updatedAt" = now()
     WHERE s."id" = ${stockLevelId} AND s."onHand" - s."reserved" - s."allocated" >= ${quantity}
    ${RETURNING}`;
  if (row) await publishIfCrossedLow(tx, row, availableOf(row) + quantity);
  return row ?? null;
}

/** A SOFT hold of `quantity` units of a variant for a cart's line. */
export interface OneRowHold {
  variantId: string;
  quantity: number;
  cartId: string;
  /** The line's id, or SQL that gives it (a line written by the same statement). */
  cartItemId: string | Prisma.Sql;
  expiresAt: Date;
  now: Date;
}

/**
 * A cart's hold in one statement, when one stock row can cover it (the usual case): locks the
 * variant's rows (id order), takes `quantity` from the one with the most available (what
 * planAllocation would choose) and writes the SOFT reservation. Null, with nothing changed but
 * the locks, when no single row has enough: the caller then splits it over rows.
 */
export async function reserveOnOneRow(tx: SqlTx, hold: OneRowHold): Promise<StockRow | null> {
  const [row] = await tx.$queryRaw<StockRow[]>`WITH ${reserveOnOneRowSql(hold)} SELECT * FROM one_row_held`;
  return settleOneRowHold(tx, row ?? null, hold.quantity);
}

/**
 * reserveOnOneRow's statement as CTEs, for a caller that writes what the hold belongs to in the
 * same statement (the add to cart writes the line, whose id `hold.cartItemId` then selects):
 * `one_row_held` gives the stock row the units were taken from (a StockRow), or nothing. The
 * stock rows are locked only after `cartItemId` is evaluated, so the caller's write comes first,
 * as it did in a statement of its own. The caller passes what it got to settleOneRowHold.
 */
export function reserveOnOneRowSql(hold: OneRowHold): Prisma.Sql {
  return Prisma.sql`one_row_locked AS (
      SELECT s."id", s."onHand" - s."reserved" - s."allocated" AS "available"
        FROM "StockLevel" s WHERE s."variantId" = ${hold.variantId} AND (${hold.cartItemId})::text IS NOT NULL ORDER BY s."id" FOR NO KEY UPDATE
    ), one_row_best AS (
      SELECT "id" FROM one_row_locked WHERE "available" >= ${hold.quantity} ORDER BY "available" DESC, "id" LIMIT 1
    ), one_row_reserved AS (
      UPDATE "StockLevel" s SET "reserved" = s."reserved" + ${hold.quantity}, "updatedAt" = now()
        FROM one_row_best b WHERE s."id" = b."id" AND s."onHand" - s."reserved" - s."allocated" >= ${hold.quantity}
      RETURNING s.*
    ), one_row_written AS (
      INSERT INTO "Reservation" ("id", "stockLevelId", "productId", "variantId", "quantity", "type", "status", "expiresAt", "cartId", "cartItemId", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, r."id", r."productId", r."variantId", ${hold.quantity}::int, 'SOFT'::"ReservationType", 'ACTIVE'::"ReservationStatus",
             ${hold.expiresAt}::timestamp(3), ${hold.cartId}, (${hold.cartItemId})::text, ${hold.now}::timestamp(3), ${hold.now}::timestamp(3)
        FROM one_row_reserved r
    ), one_row_held AS (
      SELECT r."id", r."productId", r."variantId", r."onHand", r."reserved", r."allocated", r."lowStockThreshold", r."version",
             (SELECT p."sellerId" FROM "Product" p WHERE p."id" = r."productId") AS "sellerId"
        FROM one_row_reserved r
    )`;
}

/** What follows a one-row hold (reserveOnOneRowSql's `one_row_held`, `quantity` units): the seller told when it left the row low. */
export async function settleOneRowHold(tx: SqlTx, row: StockRow | null, quantity: number): Promise<StockRow | null> {
  if (row) await publishIfCrossedLow(tx, row, availableOf(row) + quantity);
  return row;
}

/** Gives back units a cart held. */
export async function removeReserved(tx: SqlTx, stockLevelId: string, quantity: number): Promise<void> {
  const rows = await tx.$executeRaw`
    UPDATE "StockLevel" SET "reserved" = "reserved" - ${quantity}, "updatedAt" = now()
     WHERE "id" = ${stockLevelId} AND "reserved" >= ${quantity}`;
  if (rows !== 1) throw new Error(`Stock level ${stockLevelId} holds fewer than ${quantity} reserved units: reservations and stock disagree.`);
}

/** The reverse of convertCartHolds' stock move, for undoing a checkout. */
export async function moveAllocatedToReserved(tx: Tx, stockLevelId: string, quantity: number): Promise<void> {
  const rows = await tx.$executeRaw`
    UPDATE "StockLevel" SET "reserved" = "reserved" + ${quantity}, "allocated" = "allocated" - ${quantity}, "updatedAt" = now()
     WHERE "id" = ${stockLevelId} AND "allocated" >= ${quantity}`;
  if (rows !== 1) throw new Error(`Stock level ${stockLevelId} holds fewer than ${quantity} allocated units: reservations and stock disagree.`);
}

/** Releases units an order held without selling them. */
export async function removeAllocated(tx: Tx, stockLevelId: string, quantity: number): Promise<void> {
  const rows = await tx.$executeRaw`
    UPDATE "StockLevel" SET "allocated" = "allocated" - ${quantity}, "updatedAt" = now()
     WHERE "id" = ${stockLevelId} AND "allocated" >= ${quantity}`;
  if (rows !== 1) throw new Error(`Stock level ${stockLevelId} holds fewer than ${quantity} allocated units: reservations and stock disagree.`);
}

/**
 * Units leave the building: the order's ACTIVE HARD holds become FULFILLED, and on hand and
 * allocated go down by them (the products' sales counts up), in one statement that locks the
 * stock rows and the products in id order (NO KEY, as an UPDATE does, so carts adding holds on
 * them are not held up). On-hand edits bump `version` (what sellers
 * compare-and-set on); cart and order holds do not, so buyers' activity never makes a seller's
 * stock form stale. Claiming the holds first makes it happen once.
 */
export async function sellOrderHolds(tx: SqlTx, orderId: string): Promise<{ units: number }> {
  const sale = sellOrderHoldsSql(orderId);
  const [result] = await tx.$queryRaw<SaleCheck[]>`WITH ${sale.ctes} SELECT ${sale.check}`;
  return checkSale(orderId, result);
}

/** What a sale's statement answers: the stock rows it needed, the rows it moved, the units sold. */
export interface SaleCheck {
  rows: number;
  moved: number;
  units: number;
}

/**
 * sellOrderHolds as SQL for a larger statement of the same transaction (the payment's webhook
 * captures, sells and confirms in one round trip): its CTEs (named sale_*), and the columns of
 * a SaleCheck for the statement's SELECT, to pass to checkSale.
 */
export function sellOrderHoldsSql(orderId: string): { ctes: Prisma.Sql; check: Prisma.Sql } {
  return {
    ctes: Prisma.sql`
    sale_sold AS (
      UPDATE "Reservation" SET "status" = 'FULFILLED', "updatedAt" = now()
       WHERE "orderId" = ${orderId} AND "type" = 'HARD' AND "status" = 'ACTIVE'
      RETURNING "stockLevelId", "productId", "quantity"
    ), sale_per_row AS (
      SELECT "stockLevelId" AS "id", sum("quantity")::int AS "quantity" FROM sale_sold GROUP BY 1
    ), sale_row_locks AS (
      SELECT s."id" FROM "StockLevel" s WHERE s."id" IN (SELECT "id" FROM sale_per_row) ORDER BY s."id" FOR NO KEY UPDATE
    ), sale_moved AS (
      UPDATE "StockLevel" s SET "onHand" = s."onHand" - r."quantity", "allocated" = s."allocated" - r."quantity",
             "version" = s."version" + 1, "updatedAt" = now()
        FROM sale_per_row r JOIN sale_row_locks l ON l."id" = r."id"
       WHERE s."id" = r."id" AND s."allocated" >= r."quantity" AND s."onHand" >= r."quantity"
      RETURNING s."id"
    ), sale_per_product AS (
      SELECT "productId" AS "id", sum("quantity")::int AS "quantity" FROM sale_sold GROUP BY 1
    ), sale_product_locks AS (
      SELECT p."id" FROM "Product" p WHERE p."id" IN (SELECT "id" FROM sale_per_product) ORDER BY p."id" FOR NO KEY UPDATE
    ), sale_counted AS (
      UPDATE "Product" p SET "salesCount" = p."salesCount" + c."quantity"
        FROM sale_per_product c JOIN sale_product_locks l ON l."id" = c."id"
       WHERE p."id" = c."id"
    )`,
    check: Prisma.sql`(SELECT count(*)::int FROM sale_per_row) AS "rows", (SELECT count(*)::int FROM sale_moved) AS "moved",
           (SELECT coalesce(sum("quantity"), 0)::int FROM sale_sold) AS "units"`,
  };
}

/** Throws (so the transaction rolls back) unless every stock row the sale needed was moved. */
export function checkSale(orderId: string, result: SaleCheck | undefined): { units: number } {
  if (!result || result.moved !== result.rows)
    throw new Error(`The stock rows of order ${orderId} hold fewer allocated units than it sold: reservations and stock disagree.`);
  return { units: result.units };
}

/**
 * Checkout: the given cart lines' ACTIVE SOFT holds become CONVERTED, their units move from
 * reserved to allocated (rows locked in id order, NO KEY as an UPDATE does) and each gets its HARD
 * twin tied to the order and its line, in one statement. Returns the holds converted, per cart
 * line, for the caller to check against what the lines need (and abort otherwise).
 */
export async function convertCartHolds(
  tx: SqlTx,
  input: { cartId: string; orderId: string; orderItemOf: Map<string, string>; expiresAt: Date; now: Date },
): Promise<{ cartItemId: string; quantity: number }[]> {
  const cartItemIds = [...input.orderItemOf.keys()];
  const rows = await tx.$queryRaw<{ cartItemId: string; quantity: number; rows: number; moved: number }[]>`
    WITH converted AS (
      UPDATE "Reservation" SET "status" = 'CONVERTED', "orderId" = ${input.orderId}, "updatedAt" = now()
       WHERE "cartItemId" = ANY(${cartItemIds}::text[]) AND "type" = 'SOFT' AND "status" = 'ACTIVE'
      RETURNING "stockLevelId", "productId", "variantId", "quantity", "cartItemId"
    ), per_row AS (
      SELECT "stockLevelId" AS "id", sum("quantity")::int AS "quantity" FROM converted GROUP BY 1
    ), row_locks AS (
      SELECT s."id" FROM "StockLevel" s WHERE s."id" IN (SELECT "id" FROM per_row) ORDER BY s."id" FOR NO KEY UPDATE
    ), moved AS (
      UPDATE "StockLevel" s SET "reserved" = s."reserved" - r."quantity", "allocated" = s."allocated" + r."quantity", "updatedAt" = now()
        FROM per_row r JOIN row_locks l ON l."id" = r."id"
       WHERE s."id" = r."id" AND s."reserved" >= r."quantity"
      RETURNING s."id"
    ), hard AS (
      INSERT INTO "Reservation" ("id", "stockLevelId", "productId", "variantId", "quantity", "type", "status", "expiresAt",
                                 "cartId", "cartItemId", "orderId", "orderItemId", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, c."stockLevelId", c."productId", c."variantId", c."quantity", 'HARD'::"ReservationType",
             'ACTIVE'::"ReservationStatus", ${input.expiresAt}::timestamp(3), ${input.cartId}, c."cartItemId", ${input.orderId}, o."orderItemId",
             ${input.now}::timestamp(3), ${input.now}::timestamp(3)
        FROM converted c
        LEFT JOIN unnest(${cartItemIds}::text[], ${cartItemIds.map((id) => input.orderItemOf.get(id) ?? null)}::text[]) AS o("cartItemId", "orderItemId")
          ON o."cartItemId" = c."cartItemId"
    )
    SELECT "cartItemId", sum("quantity")::int AS "quantity", (SELECT count(*)::int FROM per_row) AS "rows", (SELECT count(*)::int FROM moved) AS "moved"
      FROM converted GROUP BY 1`;
  if (rows.some((row) => row.moved !== row.rows)) {
    throw new Error(`Stock rows hold fewer reserved units than the holds of order ${input.orderId}: reservations and stock disagree.`);
  }
  return rows.map(({ cartItemId, quantity }) => ({ cartItemId, quantity }));
}

/**
 * `stock/low` fires when a row goes from at-or-above its threshold to below it, not on every
 * change while it stays low, so sellers get one alert per crossing.
 */
export async function publishIfCrossedLow(tx: SqlTx, row: StockRow, availableBefore: number, thresholdBefore = row.lowStockThreshold) {
  const available = availableOf(row);
  const wasLow = availableBefore < thresholdBefore;
  const isLow = available < row.lowStockThreshold;
  if (isLow && !wasLow) {
    await publish(tx, "stock/low", {
      stockLevelId: row.id,
      productId: row.productId,
      variantId: row.variantId,
      sellerId: row.sellerId,
      available,
      threshold: row.lowStockThreshold,
    });
  }
}

/** Sums reservation quantities per stock row, sorted by row id (the lock order). */
export function groupByStockLevel(rows: { stockLevelId: string; quantity: number }[]): { stockLevelId: string; quantity: number }[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.stockLevelId, (totals.get(row.stockLevelId) ?? 0) + row.quantity);
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([stockLevelId, quantity]) => ({ stockLevelId, quantity }));
}
