import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader, formatMoney, PageHeader } from "@bazaar/ui";
import { StatCard } from "@bazaar/ui/stat-card";
import { ConnectPayoutsButton } from "~/components/connect-payouts-button";
import { OnboardingSteps } from "~/components/onboarding-steps";
import { LazySalesChart } from "~/components/sales-chart-lazy";
import { getSellerAccess } from "~/server/access";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Dashboard" };

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ currency?: string }> }) {
  // The layout shows the refusal; this keeps the page from querying for someone it refused.
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const { currency } = await searchParams;
  const [dashboard, onboarding] = await Promise.all([
    api.seller.dashboard({ currency: currency && /^[A-Za-z]{3}$/.test(currency) ? currency : undefined }),
    api.seller.onboarding(),
  ]);
  const money = (cents: number) => formatMoney(cents, dashboard.currency);
  const todo = onboarding.steps.filter((step) => !step.done);
  const needsConnect = onboarding.stripe.configured && !onboarding.stripe.accountId;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

  return (
    <>
      <PageHeader
        title={access.seller.shopName}
        description={`Sales in ${dashboard.currency}; days run midnight to midnight ${dashboard.timeZone}.`}
        actions={
          dashboard.currencies.length > 1 ? (
            <nav aria-label="Currency" className="flex gap-1">
              {dashboard.currencies.map((c) => (
                <Link
                  key={c}
                  href={`/?currency=${c}`}
                  aria-current={c === dashboard.currency ? "page" : undefined}
                  className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 ring-1 ring-slate-300 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white aria-[current=page]:ring-brand-600"
                >
                  {c}
                </Link>
              ))}
            </nav>
          ) : null
        }
      />

      {todo.length > 0 ? (
        <Card className="mb-6" aria-labelledby="setup-heading" data-testid="setup-checklist">
          <CardHeader
            title={<span id="setup-heading">Finish setting up your shop</span>}
            description={`${onboarding.steps.length - todo.length} of ${onboarding.steps.length} done.`}
            actions={needsConnect ? <ConnectPayoutsButton returnPath="/" /> : null}
          />
          <CardBody>
            <OnboardingSteps steps={onboarding.steps} current={todo[0]?.id ?? null} />
          </CardBody>
        </Card>
      ) : null}

      <section aria-label="Figures">
        <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
          <StatCard testId="stat-today" label="Sales today" value={money(dashboard.today.salesCents)} detail={plural(dashboard.today.orders, "order")} />
          <StatCard
            testId="stat-30-days"
            label="Last 30 days"
            value={money(dashboard.last30Days.salesCents)}
            detail={plural(dashboard.last30Days.orders, "order")}
          />
          <StatCard
            testId="stat-to-ship"
            label="Orders to ship"
            value={dashboard.ordersToShip}
            detail="Paid, not yet shipped"
            href="/orders?status=PENDING"
            tone={dashboard.ordersToShip > 0 ? "attention" : "neutral"}
          />
          <StatCard
            testId="stat-low-stock"
            label="Low-stock items"
            value={dashboard.lowStockItems}
            detail="Under their alert level"
            href="/inventory?low=1"
            tone={dashboard.lowStockItems > 0 ? "attention" : "neutral"}
          />
          <div className="col-span-2 lg:col-span-1">
            <StatCard
              testId="stat-balance"
              label="Balance"
              value={money(dashboard.balance.availableCents)}
              detail={`${money(dashboard.balance.paidOutCents)} paid out so far`}
              href="/money"
            />
          </div>
        </div>
      </section>

      <Card className="mt-6" aria-labelledby="chart-heading">
        <CardHeader title={<span id="chart-heading">Sales, last 30 days</span>} description="What buyers paid for your items each day, less refunds." />
        <CardBody>
          {dashboard.last30Days.orders === 0 ? (
            <p className="py-10 text-center text-sm text-slate-600">No sales in the last 30 days yet. They appear here the day they are paid.</p>
          ) : (
            <LazySalesChart data={dashboard.series} currency={dashboard.currency} />
          )}
          <table className="sr-only">
            <caption>Sales per day, last 30 days</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Sales</th>
                <th scope="col">Orders</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.series
                .filter((d) => d.orders > 0)
                .map((d) => (
                  <tr key={d.day}>
                    <td>{dayFormat.format(new Date(`${d.day}T00:00:00Z`))}</td>
                    <td>{money(d.salesCents)}</td>
                    <td>{d.orders}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </CardBody>
      </Card>
    </>
  );
}
