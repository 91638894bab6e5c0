// The seller console's first screen: a handful of figures, each one SQL aggregate over the
// seller's own rows, and a daily sales series for the chart.
import { Prisma, type PrismaClient } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { DomainError } from "../../errors";
import { getSellerBalance } from "../ledger/balances";

export const DASHBOARD_DAYS = 30;

export interface SalesFigure {
  /** What buyers paid for this seller's part of their orders (items, shipping, tax, minus discounts), less refunds. */
  salesCents: number;
  /** Paid orders (this seller's shipments) in the period, cancelled ones included: they were placed. */
  orders: number;
}

export interface DailySales extends SalesFigure {
  /** The calendar day, YYYY-MM-DD, in the dashboard's time zone. */
  day: string;
}

export interface SellerDashboard {
  currency: string;
  /** Every currency the seller has sold in, so the page can offer a switch. */
  currencies: string[];
  timeZone: string;
  today: SalesFigure;
  last30Days: SalesFigure;
  /** Oldest first, one entry per day, today last; days without sales are zeros. */
  series: DailySales[];
  /** Shipments of paid orders the seller still has to send (pending or processing). */
  ordersToShip: number;
  /** Stock rows of non-archived products whose available units are under their threshold. */
  lowStockItems: number;
  balance: { availableCents: number; pendingCents: number; paidOutCents: number };
}

/** True for names Postgres and Intl both know ("UTC", "Europe/Berlin"); refuses anything else before it reaches SQL. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

// A shipment counts as a sale when its order was paid; the sale happens at payment time.
// Cancelled shipments of paid orders stay in (their refund brings the amount back to zero).
const SALE_AMOUNT = Prisma.sql`sh."totalCents" - sh."refundedCents"`;

export async function getSellerDashboard(
  db: PrismaClient,
  actor: Actor,
  input: { currency?: string; timeZone?: string } = {},
  now: Date = new Date(),
): Promise<SellerDashboard> {
  const { sellerId } = requireSeller(actor);
  const timeZone = input.timeZone ?? "UTC";
  if (!isValidTimeZone(timeZone)) throw new DomainError("BAD_REQUEST", `"${timeZone}" is not a time zone; use a name like UTC or Europe/Berlin.`);

  const currencyRows = await db.$queryRaw<{ currency: string; sales: bigint }[]>`
    SELECT o."currency", SUM(sh."totalCents")::bigint AS sales
      FROM "Shipment" sh JOIN "Order" o ON o."id" = sh."orderId"
     WHERE sh."sellerId" = ${sellerId} AND o."paidAt" IS NOT NULL
     GROUP BY o."currency" ORDER BY sales DESC, o."currency"`;
  const currencies = currencyRows.map((r) => r.currency);
  // The currency the seller sells most in is the default view; USD before the first sale.
  const currency = input.currency?.toUpperCase() ?? currencies[0] ?? "USD";

  // Days are calendar days in the seller's time zone: "today" starts at their midnight. Timestamps
  // are stored as UTC without a zone, hence the double AT TIME ZONE.
  const tz = Prisma.sql`${timeZone}::text`;
  const localToday = Prisma.sql`(${now}::timestamptz AT TIME ZONE ${tz})::date`;
  const firstDay = Prisma.sql`(${localToday} - ${DASHBOARD_DAYS - 1}::int)`;
  const series = await db.$queryRaw<{ day: string; salesCents: bigint; orders: bigint }[]>`
    WITH days AS (
      SELECT generate_series(${firstDay}::timestamp, ${localToday}::timestamp, interval '1 day')::date AS day
    ), sales AS (
      SELECT (o."paidAt" AT TIME ZONE 'UTC' AT TIME ZONE ${tz})::date AS day,
             SUM(${SALE_AMOUNT})::bigint AS "salesCents",
             COUNT(*)::bigint AS orders
        FROM "Shipment" sh JOIN "Order" o ON o."id" = sh."orderId"
       WHERE sh."sellerId" = ${sellerId} AND o."currency" = ${currency} AND o."paidAt" IS NOT NULL
         AND o."paidAt" >= ${firstDay}::timestamp AT TIME ZONE ${tz} AT TIME ZONE 'UTC'
         AND o."paidAt" <= ${now}::timestamptz AT TIME ZONE 'UTC'
       GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, COALESCE(s."salesCents", 0)::bigint AS "salesCents", COALESCE(s.orders, 0)::bigint AS orders
      FROM days d LEFT JOIN sales s ON s.day = d.day
     ORDER BY d.day`;

  const [counts] = await db.$queryRaw<{ toShip: bigint; lowStock: bigint }[]>`
    SELECT
      (SELECT COUNT(*) FROM "Shipment" sh JOIN "Order" o ON o."id" = sh."orderId"
        WHERE sh."sellerId" = ${sellerId} AND sh."status" IN ('PENDING', 'PROCESSING') AND o."paidAt" IS NOT NULL
          AND o."status" NOT IN ('CANCELLED', 'PAYMENT_FAILED'))::bigint AS "toShip",
      (SELECT COUNT(*) FROM "StockLevel" s JOIN "Product" p ON p."id" = s."productId"
        WHERE p."sellerId" = ${sellerId} AND p."status" <> 'ARCHIVED'
          AND s."onHand" - s."reserved" - s."allocated" < s."lowStockThreshold")::bigint AS "lowStock"`;

  const balances = await getSellerBalance(db, actor);
  const balance = balances.find((b) => b.currency === currency) ?? { availableCents: 0, pendingCents: 0, paidOutCents: 0 };

  const days = series.map((row) => ({ day: row.day, salesCents: Number(row.salesCents), orders: Number(row.orders) }));
  const sum = (rows: DailySales[]) =>
    rows.reduce<SalesFigure>((acc, r) => ({ salesCents: acc.salesCents + r.salesCents, orders: acc.orders + r.orders }), { salesCents: 0, orders: 0 });
  const today = days.at(-1) ?? { salesCents: 0, orders: 0 };

  return {
    currency,
    currencies: currencies.includes(currency) ? currencies : [currency, ...currencies],
    timeZone,
    today: { salesCents: today.salesCents, orders: today.orders },
    last30Days: sum(days),
    series: days,
    ordersToShip: Number(counts?.toShip ?? 0n),
    lowStockItems: Number(counts?.lowStock ?? 0n),
    balance: { availableCents: balance.availableCents, pendingCents: balance.pendingCents, paidOutCents: balance.paidOutCents },
  };
}
