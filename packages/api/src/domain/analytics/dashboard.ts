import { Prisma, type OrderStatus, type PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { DomainError } from "../../errors";
import { averageCents, ratio, utcDays } from "./rates";
import { ZDashboardSchema } from "../../validators/analytics";

const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export type DashboardInput = z.input<typeof ZDashboardSchema>;

/** A cart counts as abandoned once it has been idle this long without completing. */
const ABANDONED_AFTER_MS = 3_600_000;

/**
 * The admin dashboard for orders placed in [from, to), in one currency. Every figure is an SQL
 * aggregate over an index (Order.createdAt, OrderItem.orderId, Shipment.orderId, Cart.createdAt,
 * LedgerEntry(accountId, createdAt)); no order rows are loaded into memory.
 *
 * - GMV: the totals of orders in the range that were paid (paidAt set), before refunds.
 * - Average order value: GMV / paid orders.
 * - Conversion: paid orders / carts opened in the range.
 * - Cart abandonment: carts opened in the range that never completed and have been idle for
 *   over an hour (carts still being filled do not count) / carts opened.
 * - Commission: what the platform revenue accounts earned in the range, net of refund reversals.
 */
export async function getDashboard(db: PrismaClient, actor: Actor, input: DashboardInput, now = new Date()) {
  requireAdmin(actor);
  const { from, to, currency, top } = ZDashboardSchema.parse(input);
  if (to <= from) throw new DomainError("BAD_REQUEST", "The end of the range must be after its start.", { field: "to" });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw new DomainError("BAD_REQUEST", `Pick a range of at most ${MAX_RANGE_DAYS} days.`, { field: "from" });

  const inRange = Prisma.sql`o."createdAt" >= ${from} AND o."createdAt" < ${to} AND o.currency = ${currency}`;
  // Orders and commission are each scanned once, grouped by day (and status): at most 366 x 8
  // aggregated rows come back, from which the totals, the status breakdown and the series are summed.
  const [orderRows, cartRows, productRows, sellerRows, commissionRows] = await Promise.all([
    db.$queryRaw<
      {
        day: string;
        status: OrderStatus;
        n: bigint;
        paid: bigint;
        gmv: bigint | null;
        refunded: bigint | null;
      }[]
    >`
      SELECT to_char(date_trunc('day', o."createdAt"), 'YYYY-MM-DD') AS day, o.status, COUNT(*) AS n,
             COUNT(*) FILTER (WHERE o."paidAt" IS NOT NULL) AS paid,
             SUM(o."totalCents") FILTER (WHERE o."paidAt" IS NOT NULL) AS gmv,
             SUM(o."refundedCents") FILTER (WHERE o."paidAt" IS NOT NULL) AS refunded
        FROM "Order" o WHERE ${inRange} GROUP BY 1, 2`,
    db.$queryRaw<{ carts: bigint; completed: bigint; abandoned: bigint }[]>`
      SELECT COUNT(*) AS carts,
             COUNT(*) FILTER (WHERE c.status = 'COMPLETED') AS completed,
             COUNT(*) FILTER (WHERE c.status <> 'COMPLETED' AND c."lastActivityAt" < ${new Date(now.getTime() - ABANDONED_AFTER_MS)}) AS abandoned
        FROM "Cart" c WHERE c."createdAt" >= ${from} AND c."createdAt" < ${to} AND c.currency = ${currency}`,
    db.$queryRaw<{ productId: string; name: string; units: bigint; revenue: bigint }[]>`
      SELECT i."productId", MAX(i.name) AS name, SUM(i.quantity) AS units, SUM(i."subtotalCents" - i."discountCents") AS revenue
        FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id
       WHERE ${inRange} AND o."paidAt" IS NOT NULL
       GROUP BY i."productId" ORDER BY revenue DESC, i."productId" LIMIT ${top}`,
    db.$queryRaw<
      {
        sellerId: string;
        shopName: string;
        orders: bigint;
        revenue: bigint;
      }[]
    >`
      SELECT s."sellerId", MAX(se."shopName") AS "shopName", COUNT(*) AS orders, SUM(s."totalCents") AS revenue
        FROM "Order" o JOIN "Shipment" s ON s."orderId" = o.id JOIN "Seller" se ON se.id = s."sellerId"
       WHERE ${inRange} AND o."paidAt" IS NOT NULL
       GROUP BY s."sellerId" ORDER BY revenue DESC, s."sellerId" LIMIT ${top}`,
    db.$queryRaw<{ day: string; earned: bigint }[]>`
      SELECT to_char(date_trunc('day', e."createdAt"), 'YYYY-MM-DD') AS day,
             SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END) AS earned
        FROM "LedgerAccount" a JOIN "LedgerEntry" e ON e."accountId" = a.id
       WHERE a.kind = 'PLATFORM_REVENUE' AND a.currency = ${currency} AND e."createdAt" >= ${from} AND e."createdAt" < ${to}
       GROUP BY 1`,
  ]);

  const ordersByStatus: Record<OrderStatus, number> = {
    PENDING_PAYMENT: 0,
    PAID: 0,
    CONFIRMED: 0,
    PROCESSING: 0,
    SHIPPED: 0,
    DELIVERED: 0,
    CANCELLED: 0,
    PAYMENT_FAILED: 0,
  };
  const byDay = new Map<string, { orders: number; paidOrders: number; gmvCents: number }>();
  let paidOrders = 0;
  let gmvCents = 0;
  let refundedCents = 0;
  for (const row of orderRows) {
    const n = Number(row.n);
    const paid = Number(row.paid);
    const gmv = Number(row.gmv ?? 0n);
    ordersByStatus[row.status] += n;
    paidOrders += paid;
    gmvCents += gmv;
    refundedCents += Number(row.refunded ?? 0n);
    const day = byDay.get(row.day) ?? { orders: 0, paidOrders: 0, gmvCents: 0 };
    day.orders += n;
    day.paidOrders += paid;
    day.gmvCents += gmv;
    byDay.set(row.day, day);
  }
  const carts = cartRows[0];
  const cartCount = Number(carts?.carts ?? 0n);
  const commissionByDay = new Map(commissionRows.map((d) => [d.day, Number(d.earned)]));
  const commissionCents = [...commissionByDay.values()].reduce((sum, cents) => sum + cents, 0);
  return {
    range: { from, to, currency },
    gmvCents,
    refundedCents,
    ordersPlaced: Object.values(ordersByStatus).reduce((a, b) => a + b, 0),
    paidOrders,
    ordersByStatus,
    averageOrderValueCents: averageCents(gmvCents, paidOrders),
    carts: cartCount,
    completedCarts: Number(carts?.completed ?? 0n),
    abandonedCarts: Number(carts?.abandoned ?? 0n),
    conversionRate: ratio(paidOrders, cartCount),
    cartAbandonmentRate: ratio(Number(carts?.abandoned ?? 0n), cartCount),
    commissionCents,
    topProducts: productRows.map((p) => ({
      productId: p.productId,
      name: p.name,
      units: Number(p.units),
      revenueCents: Number(p.revenue),
    })),
    topSellers: sellerRows.map((s) => ({
      sellerId: s.sellerId,
      shopName: s.shopName,
      orders: Number(s.orders),
      revenueCents: Number(s.revenue),
    })),
    daily: utcDays(from, to).map((day) => ({
      day,
      orders: byDay.get(day)?.orders ?? 0,
      paidOrders: byDay.get(day)?.paidOrders ?? 0,
      gmvCents: byDay.get(day)?.gmvCents ?? 0,
      commissionCents: commissionByDay.get(day) ?? 0,
    })),
  };
}
