// Sellers' side of stock: their rows, on-hand counts and low-stock thresholds. Every query is
// scoped to the seller, so another shop's product, warehouse or stock row is "not found".
import type { PrismaClient, Tx } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { DomainError } from "../../errors";
import { publish } from "../../events/publish";
import { readPlatformSettings } from "../settings/settings";
import { variantDisplayName } from "../../validators/variants";
import { inTransaction } from "../transaction";
import { publishIfBackInStock } from "./back-in-stock";
import { availableOf, publishIfCrossedLow, type StockRow } from "./stock-rows";

/** A count this large is a typo (an extra zero or two), not a warehouse. */
export const MAX_ON_HAND = 1_000_000;

export interface SellerStockRow {
  id: string;
  productId: string;
  variantId: string;
  /** "Hoodie — M / Blue". */
  productName: string;
  variantTitle: string;
  sku: string;
  warehouseId: string;
  warehouseName: string;
  warehouseCode: string;
  onHand: number;
  reserved: number;
  allocated: number;
  available: number;
  lowStockThreshold: number;
  low: boolean;
  version: number;
  updatedAt: Date;
}

type StockListInput = { productId?: string; variantId?: string; lowOnly?: boolean; cursor?: string | null; limit?: number };

export async function listSellerStock(db: Tx, actor: Actor, input: StockListInput = {}): Promise<{ items: SellerStockRow[]; nextCursor: string | null }> {
  return stockRowsOf(db, requireSeller(actor).sellerId, input);
}

async function stockRowsOf(db: Tx, sellerId: string, input: StockListInput): Promise<{ items: SellerStockRow[]; nextCursor: string | null }> {
  const limit = input.limit ?? 50;
  const rows = await db.stockLevel.findMany({
    where: {
      product: { sellerId },
      ...(input.productId ? { productId: input.productId } : {}),
      ...(input.variantId ? { variantId: input.variantId } : {}),
    },
    select: {
      id: true,
      productId: true,
      variantId: true,
      warehouseId: true,
      onHand: true,
      reserved: true,
      allocated: true,
      lowStockThreshold: true,
      version: true,
      updatedAt: true,
      product: { select: { name: true } },
      variant: { select: { sku: true, title: true, position: true } },
      warehouse: { select: { name: true, code: true } },
    },
    orderBy: [{ product: { name: "asc" } }, { productId: "asc" }, { variant: { position: "asc" } }, { id: "asc" }],
  });
  // Low rows are few and the filter is on a computed value, so it is applied here; sellers have
  // hundreds of rows, not millions.
  const all = rows
    .map((row): SellerStockRow => {
      const available = availableOf(row);
      return {
        id: row.id,
        productId: row.productId,
        variantId: row.variantId,
        productName: variantDisplayName(row.product.name, row.variant.title),
        variantTitle: row.variant.title,
        sku: row.variant.sku,
        warehouseId: row.warehouseId,
        warehouseName: row.warehouse.name,
        warehouseCode: row.warehouse.code,
        onHand: row.onHand,
        reserved: row.reserved,
        allocated: row.allocated,
        available,
        lowStockThreshold: row.lowStockThreshold,
        low: available < row.lowStockThreshold,
        version: row.version,
        updatedAt: row.updatedAt,
      };
    })
    .filter((row) => !input.lowOnly || row.low);
  const start = input.cursor ? all.findIndex((row) => row.id === input.cursor) + 1 : 0;
  const items = all.slice(start, start + limit);
  return { items, nextCursor: start + limit < all.length ? (items.at(-1)?.id ?? null) : null };
}

/** The seller's variant (a product id stands for its only variant) and warehouse, or "not found". */
async function ownVariantAndWarehouse(tx: Tx, sellerId: string, ref: { productId?: string; variantId?: string }, warehouseId: string) {
  const [variants, warehouse] = await Promise.all([
    tx.productVariant.findMany({
      where: { sellerId, ...(ref.variantId ? { id: ref.variantId } : { productId: ref.productId ?? "", status: "ACTIVE" }) },
      select: { id: true, productId: true },
      take: 2,
    }),
    tx.warehouse.findFirst({ where: { id: warehouseId, sellerId }, select: { id: true } }),
  ]);
  if (!variants[0]) throw new DomainError("NOT_FOUND", "That product is not in your shop.");
  if (variants.length > 1) throw new DomainError("BAD_REQUEST", "This product has several variants: set the stock of each one (variantId).");
  if (!warehouse) throw new DomainError("NOT_FOUND", "That warehouse is not one of yours.");
  return variants[0];
}

/**
 * Sets on-hand units for a product in one warehouse, compare-and-set on the row's `version` (0 for
 * a row that does not exist yet): if anything changed the count since the seller loaded it, the
 * edit is refused so they never overwrite a sale or a colleague's count they did not see.
 */
export async function setStockOnHand(
  db: PrismaClient,
  actor: Actor,
  input: { productId?: string; variantId?: string; warehouseId: string; onHand: number; version: number },
): Promise<SellerStockRow> {
  const { sellerId } = requireSeller(actor);
  if (!Number.isSafeInteger(input.onHand) || input.onHand < 0 || input.onHand > MAX_ON_HAND) {
    throw new DomainError("BAD_REQUEST", `On hand must be a whole number from 0 to ${MAX_ON_HAND.toLocaleString("en-US")}.`);
  }
  const id = await inTransaction(db, async (tx) => {
    const variant = await ownVariantAndWarehouse(tx, sellerId, input, input.warehouseId);
    const { lowStockThresholdDefault } = await readPlatformSettings(tx);
    await tx.stockLevel.createMany({
      data: [{ productId: variant.productId, variantId: variant.id, warehouseId: input.warehouseId, lowStockThreshold: lowStockThresholdDefault }],
      skipDuplicates: true,
    });
    // Locked, then compared: the version check and the write see the same row.
    const [current] = await tx.$queryRaw<StockRow[]>`
      SELECT s."id", s."productId", s."variantId", ${sellerId} AS "sellerId", s."onHand", s."reserved", s."allocated", s."lowStockThreshold", s."version"
        FROM "StockLevel" s
       WHERE s."variantId" = ${variant.id} AND s."warehouseId" = ${input.warehouseId}
         FOR UPDATE`;
    if (!current) throw new Error("The stock row vanished while it was locked.");
    const snapshot = { onHand: current.onHand, reserved: current.reserved, allocated: current.allocated, version: current.version };
    if (current.version !== input.version) {
      throw new DomainError(
        "CONFLICT",
        `This stock level was changed by someone else (it now shows ${current.onHand} on hand). Reload to see the latest numbers, then try again.`,
        { current: snapshot },
      );
    }
    const held = current.reserved + current.allocated;
    if (input.onHand < held) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        `You cannot set on hand below ${held}: ${current.reserved} in shoppers' carts and ${current.allocated} in orders not yet shipped. Set at least ${held}.`,
        { current: snapshot, minimum: held },
      );
    }
    const [updated] = await tx.$queryRaw<StockRow[]>`
      UPDATE "StockLevel" s SET "onHand" = ${input.onHand}, "version" = s."version" + 1, "updatedAt" = now()
       WHERE s."id" = ${current.id} AND s."version" = ${input.version} AND s."reserved" + s."allocated" <= ${input.onHand}
      RETURNING s."id", s."productId", s."variantId", ${sellerId} AS "sellerId", s."onHand", s."reserved", s."allocated", s."lowStockThreshold", s."version"`;
    if (!updated) throw new Error("A locked stock row changed under its lock.");
    await publishIfCrossedLow(tx, updated, availableOf(current));
    await publishIfBackInStock(tx, {
      productId: updated.productId,
      variantId: updated.variantId,
      stockLevelId: updated.id,
      version: updated.version,
      gained: availableOf(updated) - availableOf(current),
    });
    await publish(tx, "stock/changed", {
      stockLevelId: updated.id,
      productId: updated.productId,
      variantId: updated.variantId,
      available: availableOf(updated),
    });
    return updated.id;
  });
  return getRow(db, sellerId, id);
}

async function getRow(db: Tx, sellerId: string, id: string): Promise<SellerStockRow> {
  const row = await db.stockLevel.findFirst({ where: { id, product: { sellerId } }, select: { variantId: true } });
  if (!row) throw new DomainError("NOT_FOUND", "That stock row is not in your shop.");
  const { items } = await stockRowsOf(db, sellerId, { variantId: row.variantId, limit: 1000 });
  const found = items.find((item) => item.id === id);
  if (!found) throw new DomainError("NOT_FOUND", "That stock row is not in your shop.");
  return found;
}

/** The level under which the seller wants a `stock/low` alert for this row. */
export async function setLowStockThreshold(db: PrismaClient, actor: Actor, input: { stockLevelId: string; threshold: number }): Promise<SellerStockRow> {
  const { sellerId } = requireSeller(actor);
  if (!Number.isSafeInteger(input.threshold) || input.threshold < 0 || input.threshold > MAX_ON_HAND) {
    throw new DomainError("BAD_REQUEST", `The low-stock threshold must be a whole number from 0 to ${MAX_ON_HAND.toLocaleString("en-US")}.`);
  }
  await inTransaction(db, async (tx) => {
    const [before] = await tx.$queryRaw<StockRow[]>`
      SELECT s."id", s."productId", s."variantId", p."sellerId", s."onHand", s."reserved", s."allocated", s."lowStockThreshold", s."version"
        FROM "StockLevel" s JOIN "Product" p ON p."id" = s."productId"
       WHERE s."id" = ${input.stockLevelId} AND p."sellerId" = ${sellerId}
         FOR UPDATE OF s`;
    if (!before) throw new DomainError("NOT_FOUND", "That stock row is not in your shop.");
    await tx.stockLevel.update({ where: { id: before.id }, data: { lowStockThreshold: input.threshold } });
    // Raising the threshold above what is left is a crossing too: the seller hears about it.
    await publishIfCrossedLow(tx, { ...before, lowStockThreshold: input.threshold }, availableOf(before), before.lowStockThreshold);
  });
  return getRow(db, sellerId, input.stockLevelId);
}

export async function listWarehouses(db: Tx, actor: Actor) {
  const { sellerId } = requireSeller(actor);
  return db.warehouse.findMany({
    where: { sellerId },
    select: { id: true, name: true, code: true, country: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function createSellerWarehouse(db: PrismaClient, actor: Actor, input: { name: string; code: string; country: string }) {
  const { sellerId } = requireSeller(actor);
  const code = input.code.trim().toUpperCase();
  const existing = await db.warehouse.findUnique({ where: { sellerId_code: { sellerId, code } }, select: { id: true } });
  if (existing) throw new DomainError("CONFLICT", `You already have a warehouse with code ${code}. Pick another code.`);
  return db.warehouse.create({
    data: { sellerId, name: input.name.trim(), code, country: input.country.toUpperCase() },
    select: { id: true, name: true, code: true, country: true, createdAt: true },
  });
}
