import type { Prisma, PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { notFound } from "../../errors";
import { page } from "../pagination";
import { ZListAllOrdersSchema, ZAdminOrderIdSchema } from "../../validators/orders";

/** Every order across shops, newest first (the createdAt and status/createdAt indexes serve it). */
export async function listAllOrders(db: PrismaClient, actor: Actor, input: z.input<typeof ZListAllOrdersSchema> = {}) {
  requireAdmin(actor);
  const f = ZListAllOrdersSchema.parse(input);
  const orderNumber = f.buyer && /^#?\d{1,9}$/.test(f.buyer) ? Number(f.buyer.replace("#", "")) : null;
  const where: Prisma.OrderWhereInput = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.sellerId ? { shipments: { some: { sellerId: f.sellerId } } } : {}),
    ...(f.from || f.to
      ? {
          createdAt: {
            ...(f.from ? { gte: f.from } : {}),
            ...(f.to ? { lt: f.to } : {}),
          },
        }
      : {}),
    ...(f.buyer
      ? orderNumber !== null
        ? { number: orderNumber }
        : {
            OR: [
              { buyer: { OR: [{ email: { contains: f.buyer, mode: "insensitive" } }, { name: { contains: f.buyer, mode: "insensitive" } }] } },
              { guestEmail: { contains: f.buyer, mode: "insensitive" } },
            ],
          }
      : {}),
  };
  const rows = await db.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      totalCents: true,
      refundedCents: true,
      createdAt: true,
      guestEmail: true,
      buyer: { select: { id: true, email: true, name: true } },
      shipments: {
        select: {
          id: true,
          status: true,
          seller: { select: { id: true, shopName: true } },
        },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  return page(rows, f.limit);
}

/** One order with everything an administrator needs: parts, items, payments, refunds, history, ledger. */
export async function getOrderForAdmin(db: PrismaClient, actor: Actor, input: z.input<typeof ZAdminOrderIdSchema>) {
  requireAdmin(actor);
  const { orderId } = ZAdminOrderIdSchema.parse(input);
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      buyer: { select: { id: true, email: true, name: true, status: true } },
      promoCode: { select: { id: true, code: true } },
      shipments: {
        orderBy: { createdAt: "asc" },
        include: {
          seller: {
            select: { id: true, shopName: true, slug: true, status: true },
          },
          items: { orderBy: { id: "asc" } },
          refunds: { orderBy: { createdAt: "asc" } },
        },
      },
      payments: {
        orderBy: { createdAt: "asc" },
        include: { refunds: { orderBy: { createdAt: "asc" } } },
      },
      history: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!order) throw notFound("That order");
  const [ledger, actors] = await Promise.all([
    db.ledgerTransaction.findMany({
      where: { orderId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        entries: {
          orderBy: { id: "asc" },
          include: {
            account: {
              select: { id: true, code: true, name: true, kind: true },
            },
          },
        },
      },
    }),
    db.user.findMany({
      where: {
        id: {
          in: order.history.map((h) => h.actorId).filter((id): id is string => id !== null),
        },
      },
      select: { id: true, email: true },
    }),
  ]);
  const emailOf = new Map(actors.map((a) => [a.id, a.email]));
  const shopOf = new Map(order.shipments.map((s) => [s.id, s.seller.shopName]));
  const { idempotencyKey: _key, payments, history, ...rest } = order;
  return {
    ...rest,
    // The client secret lets a browser confirm the payment: never send it to another screen.
    payments: payments.map(({ clientSecret: _secret, ...p }) => p),
    history: history.map((h) => ({
      ...h,
      actorEmail: h.actorId ? (emailOf.get(h.actorId) ?? null) : null,
      shopName: h.shipmentId ? (shopOf.get(h.shipmentId) ?? null) : null,
    })),
    ledger,
  };
}
