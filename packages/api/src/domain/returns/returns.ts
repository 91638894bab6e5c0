import type { Order, PrismaClient, ReturnStatus, Tx } from "@bazaar/db";
import type { z } from "zod";
import type { Actor } from "../../actor";
import { getEnv } from "../../env";
import { badRequest, DomainError, notFound } from "../../errors";
import { isGenuineUpload, RETURN_PHOTO_UPLOAD_PATH, returnPhotoOwner } from "../../media";
import { createUploadTicket, UPLOAD_TICKET_HEADER } from "../../media/signing";
import { MAX_IMAGE_BYTES } from "../../media/validate-image";
import { publish } from "../../events/publish";
import { recordAudit } from "../audit";
import { refundShipmentUnits } from "../orders/refund-items";
import { requireOrderRole } from "../orders/order-access";
import { lockOrder, lockPayment, noteOrder } from "../orders/transitions";
import type { PaymentGateway } from "../payments/gateway";
import { inTransaction } from "../transaction";
import type {
  ZApproveReturnSchema,
  ZBuyerReturnSchema,
  ZMarkReturnSentSchema,
  ZReceiveReturnSchema,
  ZRejectReturnSchema,
  ZRequestReturnSchema,
  ZReturnPhotoUploadSchema,
} from "../../validators/orders";
import { MAX_RETURN_PHOTOS, RETURN_PHOTO_TYPES } from "../../validators/orders";
import { OPEN_RETURN_STATUSES, canMoveReturn } from "./status";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Loads a return for `actor` under its order's lock (every step of a return, and any refund or
 * dispute of that order, queues behind it), checking the actor may act on it as one of `allowed`
 * (a guest as the buyer, with the order link's `token`).
 */
async function lockReturn(
  tx: Tx,
  actor: Actor | null,
  returnId: string,
  allowed: readonly ("buyer" | "seller" | "admin")[],
  what: string,
  token?: string | null,
) {
  const found = await tx.returnRequest.findUnique({ where: { id: returnId }, select: { orderId: true, sellerId: true } });
  if (!found) throw notFound("The return");
  const role = await requireOrderRole(tx, actor, found.orderId, allowed, what, token);
  // A seller of another part of the same order may not see this part's return.
  if (role.as === "seller" && role.sellerId !== found.sellerId) throw notFound("The return");
  const order = await lockOrder(tx, found.orderId);
  const request = await tx.returnRequest.findUniqueOrThrow({ where: { id: returnId }, include: { items: { include: { orderItem: true } } } });
  return { role, order, request };
}

async function moveReturn(
  tx: Tx,
  order: Pick<Order, "id" | "status">,
  request: { id: string; number: number; status: ReturnStatus; shipmentId: string },
  to: ReturnStatus,
  change: {
    note: string;
    /** Null for a guest acting with their order link. */
    actorId: string | null;
    /** An administrator stepping in on the seller's or buyer's side: the audit log keeps it. */
    asAdmin?: boolean;
    reason?: string;
    data?: Parameters<Tx["returnRequest"]["update"]>[0]["data"];
  },
) {
  if (!canMoveReturn(request.status, to)) {
    const now = request.status.toLowerCase();
    throw new DomainError("CONFLICT", `Return #${request.number} is already ${now}, so it cannot become ${to.toLowerCase()}.`, { status: request.status });
  }
  await tx.returnRequest.update({ where: { id: request.id }, data: { ...change.data, status: to } });
  await noteOrder(tx, order, {
    shipmentId: request.shipmentId,
    status: `RETURN_${to}`,
    note: `Return #${request.number}: ${change.note}`,
    actorId: change.actorId,
  });
  await publish(tx, "return/updated", { returnId: request.id, orderId: order.id, status: to });
  if (change.asAdmin && change.actorId) {
    await recordAudit(tx, {
      actorId: change.actorId,
      action: `return.${to.toLowerCase()}`,
      entityType: "ReturnRequest",
      entityId: request.id,
      before: { status: request.status },
      after: { status: to, note: change.note },
      reason: change.reason ?? null,
    });
  }
  request.status = to;
}

/**
 * The buyer asks to return delivered units of one seller's part, within that shop's return window
 * (days after delivery), with a reason and optional photos. Units already refunded or in another
 * open return cannot be asked for again.
 */
export async function requestReturn(db: PrismaClient, actor: Actor | null, input: z.output<typeof ZRequestReturnSchema>, now = new Date()) {
  return inTransaction(db, async (tx) => {
    await requireOrderRole(tx, actor, input.orderId, ["buyer"], "ask to return items of this order", input.token);
    const order = await lockOrder(tx, input.orderId);
    const shipment = await tx.shipment.findFirst({
      where: { id: input.shipmentId, orderId: order.id },
      include: { seller: { select: { returnWindowDays: true, shopName: true } }, items: true },
    });
    if (!shipment) throw notFound("That part of the order");
    if (shipment.status !== "DELIVERED" || !shipment.deliveredAt) {
      throw new DomainError("CONFLICT", "Items can be returned once they are delivered. Cancel the order instead if it has not shipped.");
    }
    const closes = new Date(shipment.deliveredAt.getTime() + shipment.seller.returnWindowDays * DAY_MS);
    if (closes < now) {
      throw new DomainError(
        "CONFLICT",
        `${shipment.seller.shopName} accepts returns for ${shipment.seller.returnWindowDays} days after delivery; that time ended on ${closes.toISOString().slice(0, 10)}. Contact the shop directly.`,
      );
    }
    const open = await tx.returnItem.groupBy({
      by: ["orderItemId"],
      where: { returnRequest: { shipmentId: shipment.id, status: { in: [...OPEN_RETURN_STATUSES] } } },
      _sum: { quantity: true },
    });
    for (const wanted of input.items) {
      const item = shipment.items.find((i) => i.id === wanted.orderItemId);
      if (!item) throw notFound("That item of the order");
      const pending = open.find((o) => o.orderItemId === item.id)?._sum.quantity ?? 0;
      const left = item.quantity - item.refundedQuantity - pending;
      if (wanted.quantity > left) {
        throw new DomainError(
          "CONFLICT",
          left <= 0 ? `${item.name} is already refunded or in another return.` : `You can return at most ${left} of ${item.name}.`,
          { orderItemId: item.id, returnableQuantity: Math.max(left, 0) },
        );
      }
    }
    // Only photos this deployment stored for this order: not someone else's, not an outside link.
    for (const photo of input.photos) {
      if (!isGenuineUpload({ ownerId: returnPhotoOwner(order.id), ...photo })) {
        throw badRequest("A photo was not uploaded for this order. Remove it and attach it again.", { field: "photos" });
      }
    }
    const request = await tx.returnRequest.create({
      data: {
        orderId: order.id,
        shipmentId: shipment.id,
        sellerId: shipment.sellerId,
        reason: input.reason,
        photos: input.photos.map((p) => p.url),
        items: { create: input.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })) },
      },
    });
    await noteOrder(tx, order, {
      shipmentId: shipment.id,
      status: "RETURN_REQUESTED",
      note: `Return #${request.number} requested: ${input.reason}`,
      actorId: actor?.userId ?? null,
    });
    await publish(tx, "return/updated", { returnId: request.id, orderId: order.id, status: "REQUESTED" });
    return request;
  });
}

/** The seller (or an administrator) approves a requested return, telling the buyer how to send it. */
export async function approveReturn(db: PrismaClient, actor: Actor, input: z.output<typeof ZApproveReturnSchema>) {
  return inTransaction(db, async (tx) => {
    const { role, order, request } = await lockReturn(tx, actor, input.returnId, ["seller", "admin"], "approve a return");
    await moveReturn(tx, order, request, "APPROVED", {
      note: "approved; instructions sent to the buyer",
      actorId: actor.userId,
      asAdmin: role.as === "admin",
      data: { instructions: input.instructions, decidedAt: new Date() },
    });
    return tx.returnRequest.findUniqueOrThrow({ where: { id: request.id } });
  });
}

/** The seller (or an administrator) rejects a requested return with a reason the buyer sees. */
export async function rejectReturn(db: PrismaClient, actor: Actor, input: z.output<typeof ZRejectReturnSchema>) {
  return inTransaction(db, async (tx) => {
    const { role, order, request } = await lockReturn(tx, actor, input.returnId, ["seller", "admin"], "reject a return");
    await moveReturn(tx, order, request, "REJECTED", {
      note: `rejected: ${input.reason}`,
      actorId: actor.userId,
      asAdmin: role.as === "admin",
      reason: input.reason,
      data: { rejectionReason: input.reason, decidedAt: new Date() },
    });
    return tx.returnRequest.findUniqueOrThrow({ where: { id: request.id } });
  });
}

/** The buyer says the parcel is on its way back, with the carrier and tracking number. */
export async function markReturnSent(db: PrismaClient, actor: Actor | null, input: z.output<typeof ZMarkReturnSentSchema>) {
  return inTransaction(db, async (tx) => {
    const { role, order, request } = await lockReturn(tx, actor, input.returnId, ["buyer", "admin"], "mark a return as sent", input.token);
    await moveReturn(tx, order, request, "SENT", {
      note: `sent back with ${input.carrier} (${input.trackingNumber})`,
      actorId: actor?.userId ?? null,
      asAdmin: role.as === "admin",
      data: { carrier: input.carrier, trackingNumber: input.trackingNumber, sentAt: new Date() },
    });
    return tx.returnRequest.findUniqueOrThrow({ where: { id: request.id } });
  });
}

/** The buyer withdraws a return the seller has not received yet. */
export async function cancelReturn(db: PrismaClient, actor: Actor | null, input: z.output<typeof ZBuyerReturnSchema>) {
  return inTransaction(db, async (tx) => {
    const { role, order, request } = await lockReturn(tx, actor, input.returnId, ["buyer", "admin"], "cancel a return", input.token);
    await moveReturn(tx, order, request, "CANCELLED", {
      note: role.as === "admin" ? "cancelled by Bazaar" : "withdrawn",
      actorId: actor?.userId ?? null,
      asAdmin: role.as === "admin",
    });
    return tx.returnRequest.findUniqueOrThrow({ where: { id: request.id } });
  });
}

/**
 * The seller (or an administrator) has the parcel: per line, the units go back in stock (into a
 * warehouse of theirs, or where they were sold from) or are written off; the returned units are
 * refunded through the payment provider and the ledger. Under the order's lock and the return's
 * state, a second "received" (a double click, two tabs) finds it received and changes nothing.
 */
export async function receiveReturn(db: PrismaClient, actor: Actor, input: z.output<typeof ZReceiveReturnSchema>, gateway?: PaymentGateway) {
  return inTransaction(db, async (tx) => {
    const { role, order, request } = await lockReturn(tx, actor, input.returnId, ["seller", "admin"], "receive a return");
    if (!canMoveReturn(request.status, "RECEIVED")) {
      throw new DomainError("CONFLICT", `Return #${request.number} is already ${request.status.toLowerCase()}, so it cannot be received again.`, {
        status: request.status,
      });
    }
    const choices = new Map(input.items.map((i) => [i.orderItemId, i]));
    for (const line of request.items) {
      if (!choices.has(line.orderItemId)) throw new DomainError("BAD_REQUEST", `Say whether ${line.orderItem.name} goes back in stock or is written off.`);
    }
    const captured = await tx.payment.findFirst({ where: { orderId: order.id, status: "CAPTURED" }, select: { id: true } });
    if (!captured) throw new DomainError("CONFLICT", "This order has no captured payment left to refund. Ask Bazaar support.");
    const payment = await lockPayment(tx, captured.id);
    const refund = await refundShipmentUnits(
      tx,
      order,
      payment,
      {
        shipmentId: request.shipmentId,
        items: request.items.map((line) => {
          const choice = choices.get(line.orderItemId);
          return {
            orderItemId: line.orderItemId,
            quantity: line.quantity,
            restock: choice?.disposition === "RESTOCK" ? { warehouseId: choice.warehouseId ?? null } : null,
          };
        }),
        includeShipping: input.includeShipping,
        reason: `Return #${request.number} received`,
        actorId: actor.userId,
        idempotencyKey: `refund:return:${request.id}`,
      },
      gateway,
    );
    for (const line of request.items) {
      const choice = choices.get(line.orderItemId);
      await tx.returnItem.update({
        where: { id: line.id },
        data: { disposition: choice?.disposition, warehouseId: choice?.disposition === "RESTOCK" ? (choice.warehouseId ?? null) : null },
      });
    }
    await moveReturn(tx, order, request, "RECEIVED", {
      note: `received; ${refund.restockedUnits} unit(s) back in stock`,
      actorId: actor.userId,
      asAdmin: role.as === "admin",
      data: { receivedAt: new Date(), refundId: refund.refundId },
    });
    return { ...(await tx.returnRequest.findUniqueOrThrow({ where: { id: request.id } })), refundedCents: refund.amountCents };
  });
}

/**
 * How the buyer's browser uploads photos for a return of this order (the buyer signed in, or a
 * guest with the order link): a short-lived ticket for the storefront's photo route, which takes
 * JPEG, PNG and WebP up to the media store's limit; `requestReturn` then checks each photo's receipt.
 */
export async function returnPhotoUpload(db: PrismaClient, actor: Actor | null, input: z.output<typeof ZReturnPhotoUploadSchema>) {
  await requireOrderRole(db, actor, input.orderId, ["buyer"], "attach photos to a return of this order", input.token);
  return {
    url: RETURN_PHOTO_UPLOAD_PATH,
    fieldName: "file" as const,
    headers: { [UPLOAD_TICKET_HEADER]: createUploadTicket(getEnv().AUTH_SECRET, returnPhotoOwner(input.orderId)) },
    maxBytes: MAX_IMAGE_BYTES,
    maxPhotos: MAX_RETURN_PHOTOS,
    accept: [...RETURN_PHOTO_TYPES],
  };
}
