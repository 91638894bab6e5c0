import type { PrismaClient, ReturnStatus } from "@bazaar/db";
import { requireAdmin, requireSeller, type Actor } from "../../actor";
import { notFound } from "../../errors";
import { page } from "../pagination";

const returnInclude = {
  items: { include: { orderItem: { select: { name: true, variantTitle: true, sku: true, unitPriceCents: true, quantity: true } } } },
  order: { select: { id: true, number: true, currency: true } },
  seller: { select: { shopName: true } },
  refund: { select: { amountCents: true, currency: true } },
} as const;

/** The seller's returns (all, or in one status), newest first. */
export async function listSellerReturns(db: PrismaClient, actor: Actor, input: { status?: ReturnStatus; cursor?: string | null; limit?: number }) {
  const { sellerId } = requireSeller(actor);
  const limit = input.limit ?? 20;
  const rows = await db.returnRequest.findMany({
    where: { sellerId, ...(input.status ? { status: input.status } : {}) },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: returnInclude,
  });
  return page(rows, limit);
}

/** Every return on the platform (an administrator steps in on any of them). */
export async function listAllReturns(db: PrismaClient, actor: Actor, input: { status?: ReturnStatus; cursor?: string | null; limit?: number }) {
  requireAdmin(actor);
  const limit = input.limit ?? 20;
  const rows = await db.returnRequest.findMany({
    where: input.status ? { status: input.status } : {},
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: returnInclude,
  });
  return page(rows, limit);
}

/** The returns of one order, for whoever may see the order (the caller has checked). */
export const returnsOfOrder = (db: PrismaClient, orderId: string, sellerId?: string) =>
  db.returnRequest.findMany({ where: { orderId, ...(sellerId ? { sellerId } : {}) }, orderBy: { requestedAt: "asc" }, include: returnInclude });

/**
 * One return as an administrator steps in on it: its lines, the order's customer, the part's
 * delivery, the refund, and the shop's warehouses (where received units can go back on hand).
 */
export async function getReturnForAdmin(db: PrismaClient, actor: Actor, input: { returnId: string }) {
  requireAdmin(actor);
  const found = await db.returnRequest.findUnique({
    where: { id: input.returnId },
    include: {
      ...returnInclude,
      order: { select: { id: true, number: true, currency: true, guestEmail: true, buyer: { select: { email: true, name: true } } } },
      seller: { select: { id: true, shopName: true, returnWindowDays: true, warehouses: { select: { id: true, name: true }, orderBy: { name: "asc" } } } },
      shipment: { select: { status: true, carrier: true, trackingNumber: true, deliveredAt: true } },
    },
  });
  if (!found) throw notFound("The return");
  return found;
}
