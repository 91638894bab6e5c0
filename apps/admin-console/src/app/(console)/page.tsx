import Link from "next/link";
import { Card, CardBody, CardHeader, formatMoney, PageHeader, Table, TBody, Td, Th, THead, cn } from "@bazaar/ui";
import { Stat } from "@bazaar/ui/stat-card";
import { LazyBreakdownChart, LazyGmvChart } from "~/components/charts-lazy";
import { RankedTable } from "~/components/ranked-table";
import { PLATFORM_CURRENCY } from "@bazaar/api/domain/money/currency";
import { formatDate, formatRatio, humanize } from "~/lib/format";
import { dateParam, isoDay, type SearchParams } from "~/lib/search-params";
import { getAdminAccess } from "~/server/access";
import { api } from "~/trpc/server";

const DAY = 86_400_000;
const PRESETS = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "12 months" },
] as const;

/** The range from the URL (inclusive days, UTC), else the last 30 days up to today. */
function rangeOf(params: SearchParams) {
  const today = new Date(`${isoDay(new Date())}T00:00:00Z`);
  const to = dateParam(params, "to") ?? today;
  const from = dateParam(params, "from") ?? new Date(to.getTime() - 29 * DAY);
  return { from, to, today };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // The layout shows the refusal; this keeps the page from querying for someone it refused.
  if ((await getAdminAccess()).kind !== "admin") return null;
  const params = await searchParams;
  const { from, to, today } = rangeOf(params);
  const validRange = from <= to && to.getTime() - from.getTime() <= 365 * DAY;
  const [counts, dashboard] = await Promise.all([
    api.admin.userCounts(),
    validRange
      ? api.admin.analytics.dashboard({
          from,
          to: new Date(to.getTime() + DAY),
        })
      : null,
  ]);
  const currency = dashboard?.range.currency ?? PLATFORM_CURRENCY;
  const tiles = [
    { label: "Buyers", value: counts.byRole.BUYER, href: "/users?role=BUYER" },
    { label: "Sellers", value: counts.byRole.SELLER, href: "/sellers" },
    {
      label: "Administrators",
      value: counts.byRole.ADMIN,
      href: "/users?role=ADMIN",
    },
    {
      label: "Shops awaiting approval",
      value: counts.pendingSellers,
      href: "/sellers?status=PENDING",
    },
    {
      label: "Suspended accounts",
      value: counts.suspended,
      href: "/users?status=SUSPENDED",
    },
  ];
  const currentDays = Math.round((to.getTime() - from.getTime()) / DAY) + 1;

  return (
    <>
      <PageHeader title="Overview" description={`${counts.total} accounts on Bazaar. Figures in ${currency}; days in UTC.`} />

      <section aria-labelledby="range-heading" className="mb-6">
        <h2 id="range-heading" className="sr-only">
          Date range
        </h2>
        <div className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
          <ul className="flex flex-wrap gap-1" aria-label="Quick ranges">
            {PRESETS.map((p) => {
              const current = isoDay(to) === isoDay(today) && currentDays === p.days;
              return (
                <li key={p.days}>
                  <Link
                    href={`/?from=${isoDay(new Date(today.getTime() - (p.days - 1) * DAY))}&to=${isoDay(today)}`}
                    aria-current={current ? "true" : undefined}
                    className={cn(
                      "block rounded-md px-3 py-2 text-sm font-medium",
                      current ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
                    )}
                  >
                    {p.label}
                  </Link>
                </li>
              );
            })}
          </ul>
          <form method="get" action="/" className="flex flex-wrap items-end gap-2" aria-label="Custom range" data-testid="range-form">
            <label className="text-sm font-medium text-slate-800">
              From
              <input
                type="date"
                name="from"
                defaultValue={isoDay(from)}
                max={isoDay(today)}
                className="mt-1 block rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 ring-inset"
              />
            </label>
            <label className="text-sm font-medium text-slate-800">
              To
              <input type="date" name="to" defaultValue={isoDay(to)} className="mt-1 block rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 ring-inset" />
            </label>
            <button type="submit" className="h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
              Show
            </button>
          </form>
        </div>
        {!validRange ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            Pick a start on or before the end, at most a year apart.
          </p>
        ) : null}
      </section>

      {dashboard ? (
        <>
          <section aria-labelledby="kpi-heading" className="mb-6">
            <h2 id="kpi-heading" className="mb-3 text-base font-semibold text-slate-900">
              {formatDate(from)} – {formatDate(to)}
            </h2>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="kpis">
              <Stat
                label="GMV"
                value={formatMoney(dashboard.gmvCents, currency)}
                detail={`${formatMoney(dashboard.refundedCents, currency)} refunded`}
                testId="kpi-gmv"
              />
              <Stat label="Paid orders" value={dashboard.paidOrders} detail={`${dashboard.ordersPlaced} placed`} />
              <Stat
                label="Average order"
                value={dashboard.averageOrderValueCents === null ? "—" : formatMoney(dashboard.averageOrderValueCents, currency)}
                detail="GMV / paid orders"
              />
              <Stat label="Conversion" value={formatRatio(dashboard.conversionRate)} detail={`Paid orders / ${dashboard.carts} carts`} />
              <Stat label="Cart abandonment" value={formatRatio(dashboard.cartAbandonmentRate)} detail={`${dashboard.abandonedCarts} carts idle, not bought`} />
              <Stat
                label="Commission earned"
                value={formatMoney(dashboard.commissionCents, currency)}
                detail="From the ledger, net of refunds"
                testId="kpi-commission"
              />
            </dl>
          </section>

          <div className="mb-6 grid grid-cols-1 gap-6 xl:grid-cols-3">
            <Card className="xl:col-span-2">
              <CardHeader title="Sales per day" description="GMV and commission (left axis), orders placed (right axis)." />
              <CardBody>
                {dashboard.ordersPlaced === 0 && dashboard.commissionCents === 0 ? (
                  <p className="py-12 text-center text-sm text-slate-500">No orders in this range.</p>
                ) : (
                  <LazyGmvChart
                    data={dashboard.daily.map((d) => ({
                      day: d.day,
                      gmvCents: d.gmvCents,
                      commissionCents: d.commissionCents,
                      orders: d.orders,
                    }))}
                    currency={currency}
                  />
                )}
                <details className="mt-3 text-sm">
                  <summary className="cursor-pointer text-brand-700">Daily figures as a table</summary>
                  <div className="mt-2">
                    <Table caption="Daily figures">
                      <THead>
                        <tr>
                          <Th>Day</Th>
                          <Th className="text-right">Orders</Th>
                          <Th className="text-right">Paid</Th>
                          <Th className="text-right">GMV</Th>
                          <Th className="text-right">Commission</Th>
                        </tr>
                      </THead>
                      <TBody>
                        {dashboard.daily.map((d) => (
                          <tr key={d.day}>
                            <Td>{formatDate(d.day)}</Td>
                            <Td className="text-right tabular-nums">{d.orders}</Td>
                            <Td className="text-right tabular-nums">{d.paidOrders}</Td>
                            <Td className="text-right tabular-nums">{formatMoney(d.gmvCents, currency)}</Td>
                            <Td className="text-right tabular-nums">{formatMoney(d.commissionCents, currency)}</Td>
                          </tr>
                        ))}
                      </TBody>
                    </Table>
                  </div>
                </details>
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Orders by status" description="Orders placed in the range, where they stand now." />
              <CardBody>
                {dashboard.ordersPlaced === 0 ? (
                  <p className="py-12 text-center text-sm text-slate-500">No orders in this range.</p>
                ) : (
                  <LazyBreakdownChart data={Object.entries(dashboard.ordersByStatus).map(([status, value]) => ({ label: humanize(status), value }))} />
                )}
                <ul className="sr-only">
                  {Object.entries(dashboard.ordersByStatus).map(([status, value]) => (
                    <li key={status}>
                      {humanize(status)}: {value}
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          </div>

          <div className="mb-8 grid grid-cols-1 gap-6 lg:grid-cols-2">
            <RankedTable
              id="top-products"
              title="Top products"
              caption="Top products by revenue"
              nameHeading="Product"
              countHeading="Units"
              currency={currency}
              rows={dashboard.topProducts.map((p) => ({
                key: p.productId,
                name: p.name,
                href: `/catalog?q=${encodeURIComponent(p.productId)}`,
                count: p.units,
                revenueCents: p.revenueCents,
              }))}
            />
            <RankedTable
              id="top-sellers"
              title="Top sellers"
              caption="Top sellers by revenue"
              nameHeading="Shop"
              countHeading="Orders"
              currency={currency}
              rows={dashboard.topSellers.map((s) => ({
                key: s.sellerId,
                name: s.shopName,
                href: `/sellers/${s.sellerId}`,
                count: s.orders,
                revenueCents: s.revenueCents,
              }))}
            />
          </div>
        </>
      ) : null}

      <section aria-labelledby="user-counts">
        <h2 id="user-counts" className="mb-3 text-base font-semibold text-slate-900">
          Accounts
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5" data-testid="user-counts">
          {tiles.map((tile) => (
            // The label is the link; its ::after covers the card so the whole tile is clickable.
            <div key={tile.label} className="relative rounded-lg bg-white px-4 py-4 shadow-xs ring-1 ring-slate-200 hover:bg-slate-50">
              <dt className="text-sm text-slate-600">
                <Link href={tile.href} className="after:absolute after:inset-0">
                  {tile.label}
                </Link>
              </dt>
              <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{tile.value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
