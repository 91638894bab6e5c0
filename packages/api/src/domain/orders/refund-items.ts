import type { Order, Payment, PrismaClient, Tx } from "@bazaar/db";
import type { z } from "zod";
import { requireSeller, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { restockOrderItemUnits } from "../inventory";
import { applyRatio, formatMoney } from "../money";
import type { PaymentGateway } from "../payments/gateway";
import { refundThroughGateway } from "../payments/refunds";
import { disputedByShipment } from "../ledger/seller-side";
import { readPlatformSettings } from "../settings/settings";
import { inTransaction } from "../transaction";
import type { ZRefundItemsSchema } from "../../validators/orders";
import { requireOrderRole } from "./order-access";
import { lockOrder, lockPayment, moveOrder, moveShipment, noteOrder, syncOrderWithShipments } from "./transitions";

/**
 * What `quantity` more units of a line are worth to its buyer in money: their share of the line's
 * items, discounts and tax (points they paid with come back as points, see the ledger reversal).
 * Computed on the cumulative count, so refunding a line unit by unit adds up to exactly what
 * refunding it whole would.
 */
export function unitsValueCents(
  item: {
    quantity: number;
    refundedQuantity: number;
    subtotalCents: number;
    discountCents: number;
    tierDiscountCents: number;
    pointsDiscountCents: number;
    taxCents: number;
  },
  quantity: number,
) {
  const paid = item.subtotalCents - item.discountCents - item.tierDiscountCents - item.pointsDiscountCents + item.taxCents;
  return applyRatio(paid, item.refundedQuantity + quantity, item.quantity) - applyRatio(paid, item.refundedQuantity, item.quantity);
}

export interface ShipmentRefundInput {
  shipmentId: string;
  items: { orderItemId: string; quantity: number; restock?: { warehouseId: string | null } | null }[];
  /** A custom amount instead of what the items are worth. */
  amountCents?: number | null;
  /** Refund the part's shipping too. */
  includeShipping?: boolean;
  reason: string;
  actorId: string | null;
  idempotencyKey: string;
  /** The most this refund may be (a seller's own refunds); checked before the provider is asked. */
  limit?: { cents: number; message: string } | null;
}

/**
 * Refunds chosen units of one seller's part (and/or a custom amount) through the payment provider
 * and the ledger, in the caller's transaction holding the order and payment locks. Units come
 * back on hand only when told (`restock`): units that never shipped, or a return received for
 * restocking; a refund of shipped goods creates no stock. An unshipped part whose every unit is
 * refunded is cancelled, and the order follows its parts.
 */
export async function refundShipmentUnits(
  tx: Tx,
  order: Pick<Order, "id" | "status" | "currency">,
  payment: Pick<Payment, "id" | "providerPaymentId" | "status">,
  input: ShipmentRefundInput,
  gateway?: PaymentGateway,
) {
  const shipment = await tx.shipment.findFirst({ where: { id: input.shipmentId, orderId: order.id }, include: { items: true } });
  if (!shipment) throw notFound("That seller's part of the order");
  let itemsCents = 0;
  const lines: { orderItemId: string; quantity: number; name: string }[] = [];
  for (const wanted of input.items) {
    const item = shipment.items.find((i) => i.id === wanted.orderItemId);
    if (!item) throw notFound("That item of the order");
    const left = item.quantity - item.refundedQuantity;
    if (wanted.quantity > left) {
      throw new DomainError("CONFLICT", left === 0 ? `${item.name} has already been refunded.` : `Only ${left} of ${item.name} can still be refunded.`, {
        orderItemId: item.id,
        refundableQuantity: left,
      });
    }
    itemsCents += unitsValueCents(item, wanted.quantity);
    lines.push({ orderItemId: item.id, quantity: wanted.quantity, name: item.name });
  }
  const computed = itemsCents + (input.includeShipping ? shipment.shippingCents : 0);
  const amount = input.amountCents ?? computed;
  const left = shipment.totalCents - shipment.refundedCents - ((await disputedByShipment(tx, [shipment.id])).get(shipment.id) ?? 0);
  if (amount <= 0) throw new DomainError("BAD_REQUEST", "Choose items or enter an amount above zero to refund.");
  if (amount > left) {
    throw new DomainError(
      "CONFLICT",
      `At most ${formatMoney(Math.max(left, 0), order.currency)} of this part can still be refunded (a dispute holds any part the bank took).`,
      { refundableCents: left },
    );
  }
  if (input.limit && amount > input.limit.cents) throw new DomainError("FORBIDDEN", input.limit.message);
  const refund = await refundThroughGateway(
    tx,
    payment,
    { shipmentId: shipment.id, amountCents: amount, idempotencyKey: input.idempotencyKey, reason: input.reason, items: lines },
    gateway,
  );
  let restocked = 0;
  for (const wanted of input.items) {
    if (wanted.restock && wanted.quantity > 0)
      restocked += (await restockOrderItemUnits(tx, { orderItemId: wanted.orderItemId, quantity: wanted.quantity, warehouseId: wanted.restock.warehouseId }))
        .units;
  }
  const itemsText = lines.map((l) => `${l.quantity} × ${l.name}`).join(", ");
  await noteOrder(tx, order, {
    shipmentId: shipment.id,
    note: `${formatMoney(amount, refund.currency)} refunded${itemsText ? ` for ${itemsText}` : ""}: ${input.reason}${restocked > 0 ? ` (${restocked} back in stock)` : ""}`,
    actorId: input.actorId,
  });
  const unshipped = shipment.status === "PENDING" || shipment.status === "PROCESSING";
  if (unshipped) {
    const remainingUnits = await tx.orderItem.count({ where: { shipmentId: shipment.id, refundedQuantity: { lt: tx.orderItem.fields.quantity } } });
    if (remainingUnits === 0) {
      await moveShipment(tx, shipment, "CANCELLED", { note: input.reason, actorId: input.actorId });
      const open = await tx.shipment.count({ where: { orderId: order.id, status: { not: "CANCELLED" } } });
      if (open === 0) await moveOrder(tx, order, "CANCELLED", { note: input.reason, cancelReason: input.reason, actorId: input.actorId });
      else await syncOrderWithShipments(tx, order, { actorId: input.actorId });
    }
  }
  return { refundId: refund.id, amountCents: amount, restockedUnits: restocked };
}

/**
 * An administrator, or the seller for their own part, refunds chosen items and quantities, a
 * custom amount, or both, with a reason the buyer sees. Units of a part that has not shipped go
 * back in stock; shipped ones do not (a return brings them back when received). A seller may
 * refund up to the platform's limit per refund; above it, an administrator must.
 */
export async function refundItems(db: PrismaClient, actor: Actor, input: z.output<typeof ZRefundItemsSchema>, gateway?: PaymentGateway) {
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("BAD_REQUEST", "Give a reason for the refund; the buyer sees it.");
  if (input.items.length === 0 && input.amountCents == null && !input.includeShipping) {
    throw new DomainError("BAD_REQUEST", "Choose the items to refund or enter an amount.");
  }
  return inTransaction(db, async (tx) => {
    const role = await requireOrderRole(tx, actor, input.orderId, ["admin", "seller"], "refund this order");
    const order = await lockOrder(tx, input.orderId);
    if (!order.paidAt) throw new DomainError("CONFLICT", "This order was never paid, so there is nothing to refund.");
    const shipment = await tx.shipment.findFirst({ where: { id: input.shipmentId, orderId: order.id }, select: { id: true, sellerId: true, status: true } });
    if (!shipment || (role.as === "seller" && shipment.sellerId !== role.sellerId)) throw notFound("That part of the order");
    const captured = await tx.payment.findFirst({ where: { orderId: order.id, status: "CAPTURED" }, select: { id: true } });
    if (!captured) throw new DomainError("CONFLICT", "This order has no captured payment left to refund.");
    const payment = await lockPayment(tx, captured.id);
    const unshipped = shipment.status === "PENDING" || shipment.status === "PROCESSING";
    const key = `refund:items:${shipment.id}:${input.idempotencyKey}`;
    const { sellerRefundLimitCents } = await readPlatformSettings(tx);
    const result = await refundShipmentUnits(
      tx,
      order,
      payment,
      {
        shipmentId: shipment.id,
        items: input.items.map((i) => ({ ...i, restock: unshipped ? { warehouseId: null } : null })),
        amountCents: input.amountCents ?? null,
        includeShipping: input.includeShipping,
        reason: role.as === "admin" ? `Refunded by Bazaar: ${reason}` : `Refunded by the seller: ${reason}`,
        actorId: actor.userId,
        idempotencyKey: key,
        limit:
          role.as === "seller"
            ? {
                cents: sellerRefundLimitCents,
                message: `Sellers can refund at most ${formatMoney(sellerRefundLimitCents, order.currency)} at once. Ask Bazaar support for a larger refund.`,
              }
            : null,
      },
      gateway,
    );
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "order.refund-items",
        entityType: "Order",
        entityId: order.id,
        after: { shipmentId: shipment.id, amountCents: result.amountCents, items: input.items, by: role.as },
        reason,
      },
    });
    return { orderId: order.id, refundId: result.refundId, amountCents: result.amountCents, restockedUnits: result.restockedUnits, status: order.status };
  });
}

/** The most a seller may refund on their own at once (a platform setting), for their refund form to say before they try. */
export async function sellerRefundLimit(db: PrismaClient, actor: Actor) {
  requireSeller(actor);
  const { sellerRefundLimitCents } = await readPlatformSettings(db);
  return { limitCents: sellerRefundLimitCents };
}
