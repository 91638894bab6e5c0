import { Prisma, type PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { notFound } from "../../errors";
import { holdsText } from "../like-pattern";
import { page } from "../pagination";
import { ZListAllOrdersSchema, ZAdminOrderIdSchema } from "../../validators/orders";
import { afterCursor, allOf } from "../sql-conditions";

/** Every order across shops, newest first (the createdAt and status/createdAt indexes serve it). */
export async function listAllOrders(db: PrismaClient, actor: Actor, input: z.input<typeof ZListAllOrdersSchema> = {}) {
  requireAdmin(actor);
  const f = ZListAllOrdersSchema.parse(input);
  const orderNumber = f.buyer && /^#?\d{1,9}$/.test(f.buyer) ? Number(f.buyer.replace("#", "")) : null;
  const orderBy: Prisma.OrderOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  const select = {
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
  } satisfies Prisma.OrderSelect;
  if (f.buyer && orderNumber === null) {
    const rows = await db.order.findMany({ where: { id: { in: await buyerSearchPageIds(db, f, f.buyer) } }, orderBy, select });
    return page(rows, f.limit);
  }
  const where: Prisma.OrderWhereInput = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.sellerId ? { shipments: { some: { sellerId: f.sellerId } } } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
    ...(orderNumber !== null ? { number: orderNumber } : {}),
  };
  const rows = await db.order.findMany({
    where,
    orderBy,
    take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    select,
  });
  return page(rows, f.limit);
}

/**
 * Up to this many buyers whose email or name holds a text are looked up by id, and their orders
 * found through the buyer's index; a text more buyers hold is common enough that walking the
 * orders newest first meets a page of theirs soon. That walk asks about each order's buyer by
 * their id (a scalar subquery): asked as EXISTS or IN, PostgreSQL hashed every matching buyer
 * first, 166,668 users rechecked for "jo" at 1,000,000 (2.1 s).
 */
const BUYERS_LOOKED_UP = 2_000;

/**
 * A text's page of order ids (one more than the limit), newest first: orders whose buyer's email
 * or name, or whose guest's email, holds the text (holdsText: two letters match a word's start).
 * Asked as one `OR` across the join to the buyer, no index could answer it, and a rare buyer's
 * orders were looked for among every order (bench/README.md, "Figures, session 25"). The buyers
 * are found first (the user's trigram indexes); their orders by `buyerId`, a guest's by the
 * trigram index on `guestEmail`.
 */
async function buyerSearchPageIds(db: PrismaClient, f: z.output<typeof ZListAllOrdersSchema>, text: string): Promise<string[]> {
  const userHolds = Prisma.sql`(${holdsText(Prisma.sql`u."email"`, text)} OR ${holdsText(Prisma.sql`u."name"`, text)})`;
  const buyers = await db.$queryRaw<{ id: string }[]>`SELECT u."id" FROM "User" u WHERE ${userHolds} LIMIT ${BUYERS_LOOKED_UP + 1}`;
  const byBuyer =
    buyers.length > BUYERS_LOOKED_UP
      ? Prisma.sql`COALESCE((SELECT ${userHolds} FROM "User" u WHERE u."id" = o."buyerId"), false)`
      : Prisma.sql`o."buyerId" = ANY(${buyers.map((buyer) => buyer.id)}::text[])`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "Order" o
     WHERE ${allOf([
       Prisma.sql`(${byBuyer} OR ${holdsText(Prisma.sql`o."guestEmail"`, text)})`,
       f.status ? Prisma.sql`o."status" = ${f.status}::"OrderStatus"` : null,
       f.sellerId ? Prisma.sql`EXISTS (SELECT 1 FROM "Shipment" s WHERE s."orderId" = o."id" AND s."sellerId" = ${f.sellerId})` : null,
       f.from ? Prisma.sql`o."createdAt" >= ${f.from}` : null,
       f.to ? Prisma.sql`o."createdAt" < ${f.to}` : null,
       afterCursor("o", "Order", f.cursor),
     ])}
     ORDER BY o."createdAt" DESC, o."id" DESC
     LIMIT ${f.limit + 1}`;
  return rows.map((row) => row.id);
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
