import type { PrismaClient } from "@bazaar/db";
import { requireUser, type Actor } from "../../actor";
import { notFound } from "../../errors";
import { orderViewer, type OrderRef } from "./order-access";

/** The buyer's orders, newest first. */
export async function listBuyerOrders(db: PrismaClient, actor: Actor, input: { cursor?: string | null; limit?: number }) {
  const { userId } = requireUser(actor);
  const limit = input.limit ?? 20;
  const rows = await db.order.findMany({
    where: { buyerId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      totalCents: true,
      refundedCents: true,
      createdAt: true,
      paymentDueAt: true,
      _count: { select: { items: true } },
      shipments: { select: { id: true, status: true, seller: { select: { shopName: true } } } },
    },
  });
  return {
    items: rows.slice(0, limit).map(({ _count, ...order }) => ({ ...order, itemCount: _count.items })),
    nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null,
  };
}

/**
 * One of the buyer's orders with its timeline: every status change of the order and of each
 * seller's shipment, oldest first, with timestamps; per shipment its items and tracking.
 */
export async function getBuyerOrder(db: PrismaClient, actor: Actor | null, input: OrderRef) {
  const viewer = orderViewer(actor, input);
  const userId = actor?.userId ?? null;
  const order = await db.order.findFirst({
    where: viewer.where,
    include: {
      shipments: {
        orderBy: { createdAt: "asc" },
        include: {
          seller: { select: { id: true, shopName: true, slug: true } },
          items: {
            select: {
              id: true,
              productId: true,
              sku: true,
              name: true,
              quantity: true,
              refundedQuantity: true,
              unitPriceCents: true,
              subtotalCents: true,
              discountCents: true,
              taxCents: true,
            },
          },
        },
      },
      history: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, status: true, note: true, shipmentId: true, createdAt: true } },
      payments: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          provider: true,
          status: true,
          amountCents: true,
          refundedCents: true,
          failureMessage: true,
          providerPaymentId: true,
          clientSecret: true,
          capturedAt: true,
        },
      },
    },
  });
  if (!order) throw notFound("The order");
  // Reviews need an account that bought it: a guest (or someone else holding the link) reviews nothing.
  const canReview = userId !== null && order.buyerId === userId;
  const reviewed = canReview
    ? await db.review.findMany({
        where: { buyerId: userId, productId: { in: order.shipments.flatMap((s) => s.items.map((i) => i.productId)) } },
        select: { productId: true },
      })
    : [];
  const reviewedProducts = new Set(reviewed.map((r) => r.productId));
  const returns = await db.returnRequest.findMany({
    where: { orderId: order.id },
    orderBy: { requestedAt: "asc" },
    select: {
      id: true,
      number: true,
      shipmentId: true,
      status: true,
      reason: true,
      instructions: true,
      rejectionReason: true,
      carrier: true,
      trackingNumber: true,
      requestedAt: true,
      refund: { select: { amountCents: true } },
      items: { select: { orderItemId: true, quantity: true, orderItem: { select: { name: true } } } },
    },
  });
  const shopOf = new Map(order.shipments.map((s) => [s.id, s.seller.shopName]));
  const { history, payments, shipments, idempotencyKey: _key, guestEmail, ...rest } = order;
  const payment = payments[0] ?? null;
  return {
    ...rest,
    /** Where its emails go (shown to a guest so they know which inbox to watch). */
    email: guestEmail,
    isGuestOrder: order.buyerId === null,
    payment: payment && {
      ...payment,
      // The client secret is only needed (and only shown) while the buyer can still pay.
      clientSecret: order.status === "PENDING_PAYMENT" && payment.status === "CREATED" ? payment.clientSecret : null,
    },
    shipments: shipments.map((s) => ({
      id: s.id,
      status: s.status,
      seller: s.seller,
      subtotalCents: s.subtotalCents,
      discountCents: s.discountCents,
      shippingCents: s.shippingCents,
      taxCents: s.taxCents,
      totalCents: s.totalCents,
      refundedCents: s.refundedCents,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      shippedAt: s.shippedAt,
      deliveredAt: s.deliveredAt,
      items: s.items.map((i) => ({ ...i, canReview: canReview && s.status === "DELIVERED" && !reviewedProducts.has(i.productId) })),
    })),
    timeline: history.map((h) => ({ ...h, shopName: h.shipmentId ? (shopOf.get(h.shipmentId) ?? null) : null })),
    /** Returns asked for on this order. */
    returns,
    /** Its buyer signed in, or whoever holds the order link (a guest), may ask for returns and send them. */
    canReturn: canReview || Boolean(input.token),
  };
}
