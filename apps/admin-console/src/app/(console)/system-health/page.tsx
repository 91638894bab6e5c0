import type { ReactNode } from "react";
import { Badge, Card, CardBody, CardHeader, EmptyState, PageHeader, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { Stat } from "@bazaar/ui/stat-card";
import { AutoRefresh } from "~/components/auto-refresh";
import { LazyMinuteChart } from "~/components/charts-lazy";
import { formatDateTime } from "~/lib/format";
import { getAdminAccess } from "~/server/access";
import { api } from "~/trpc/server";

type Health = Awaited<ReturnType<typeof api.admin.systemHealth>>;
type Point = Health["series"][number];

const ms = (v: number | null) => (v === null ? "—" : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(v < 0.1 ? 2 : 1)}%`);

/** The latest minute that has a figure for `pick`, or null. */
function latest(series: Point[], pick: (p: Point) => number | null) {
  for (let i = series.length - 1; i >= 0; i--) {
    const value = pick(series[i]!);
    if (value !== null) return value;
  }
  return null;
}

function ChartCard({ title, description, summary, children }: { title: string; description: string; summary: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <CardBody>
        {children}
        <p className="mt-2 text-sm text-slate-600">{summary}</p>
      </CardBody>
    </Card>
  );
}

export default async function SystemHealthPage() {
  if ((await getAdminAccess()).kind !== "admin") return null;
  const health = await api.admin.systemHealth();
  const { series } = health;
  const requests = series.reduce((n, p) => n + p.requests, 0);
  const orders = series.reduce((n, p) => n + p.orders, 0);
  const data = series.map((p) => ({ ...p }));

  return (
    <>
      <AutoRefresh seconds={60} />
      <PageHeader
        title="System health"
        description={`The last hour, minute by minute (UTC), from every app and the worker. Alert rules look at the last ${health.windowMinutes} minutes and are checked every minute. Updated ${formatDateTime(health.at)}.`}
      />

      <section aria-labelledby="alerts-open" className="mb-6">
        <h2 id="alerts-open" className="mb-3 text-base font-semibold text-slate-900">
          Open alerts
        </h2>
        {health.openAlerts.length === 0 ? (
          <EmptyState title="No open alerts" description="Every rule is within its threshold." />
        ) : (
          <ul className="space-y-2" data-testid="open-alerts">
            {health.openAlerts.map((a) => (
              <li key={a.id} role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">
                <p className="font-semibold">{a.label}</p>
                <p>{a.message}</p>
                <p className="mt-1 text-xs text-red-800">
                  Open since {formatDateTime(a.openedAt)}; worst {a.peak}, latest {a.last}.
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="now" className="mb-6">
        <h2 id="now" className="mb-3 text-base font-semibold text-slate-900">
          Now
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="health-figures">
          <Stat label="Requests (hour)" value={requests} detail={`p95 ${ms(latest(series, (p) => p.p95))} last minute`} />
          <Stat label="Server errors" value={pct(latest(series, (p) => p.errorRate))} detail="5xx, latest minute" />
          <Stat
            label="Event lag"
            value={`${health.outbox.lagSeconds} s`}
            detail={`${health.outbox.due} due, ${health.outbox.failed} failed`}
            tone={health.outbox.lagSeconds > 60 ? "attention" : "neutral"}
          />
          <Stat label="Orders (hour)" value={orders} detail={`failed ${pct(latest(series, (p) => p.orderFailureRate))} latest`} />
          <Stat label="Payment success" value={pct(latest(series, (p) => p.paymentSuccessRate))} detail="latest minute with payments" />
          <Stat
            label="Reservation conflicts"
            value={series.reduce((n, p) => n + p.reservationConflicts, 0)}
            detail={`${series.reduce((n, p) => n + p.reservationFailures, 0)} out of stock (hour)`}
          />
        </dl>
      </section>

      <div className="mb-6 grid grid-cols-1 gap-6 xl:grid-cols-2" data-testid="health-charts">
        <ChartCard
          title="Response time"
          description="API and page data calls: p50, p95 and p99."
          summary={`Latest p50 ${ms(latest(series, (p) => p.p50))}, p95 ${ms(latest(series, (p) => p.p95))}, p99 ${ms(latest(series, (p) => p.p99))}.`}
        >
          <LazyMinuteChart
            data={data}
            format="ms"
            series={[
              { key: "p50", label: "p50", color: "emerald" },
              { key: "p95", label: "p95", color: "brand" },
              { key: "p99", label: "p99", color: "amber" },
            ]}
          />
        </ChartCard>
        <ChartCard
          title="Error rate"
          description="Share of calls answered with a server error (5xx) or a refusal (4xx)."
          summary={`Latest 5xx ${pct(latest(series, (p) => p.errorRate))}, 4xx ${pct(latest(series, (p) => p.clientErrorRate))}.`}
        >
          <LazyMinuteChart
            data={data}
            format="percent"
            series={[
              { key: "errorRate", label: "5xx", color: "red" },
              { key: "clientErrorRate", label: "4xx", color: "amber" },
            ]}
          />
        </ChartCard>
        <ChartCard
          title="Event processing lag"
          description="How long the oldest due event has waited, at the end of each minute."
          summary={`Now ${health.outbox.lagSeconds} s with ${health.outbox.due} due.`}
        >
          <LazyMinuteChart data={data} format="seconds" series={[{ key: "outboxLagSeconds", label: "Lag", color: "brand" }]} />
        </ChartCard>
        <ChartCard
          title="Orders and payments"
          description="Orders placed whose payment failed; payments captured of those settled."
          summary={`Latest order failure rate ${pct(latest(series, (p) => p.orderFailureRate))}, payment success ${pct(latest(series, (p) => p.paymentSuccessRate))}.`}
        >
          <LazyMinuteChart
            data={data}
            format="percent"
            series={[
              { key: "orderFailureRate", label: "Order failure rate", color: "red" },
              { key: "paymentSuccessRate", label: "Payment success rate", color: "emerald" },
            ]}
          />
        </ChartCard>
        <ChartCard
          title="Stock reservations"
          description="Reservations refused by a conflicting change, or for want of stock."
          summary={`${series.reduce((n, p) => n + p.reservationConflicts, 0)} conflicts and ${series.reduce((n, p) => n + p.reservationFailures, 0)} out-of-stock refusals this hour.`}
        >
          <LazyMinuteChart
            data={data}
            format="count"
            series={[
              { key: "reservationConflicts", label: "Conflicts", color: "amber" },
              { key: "reservationFailures", label: "Out of stock", color: "red" },
            ]}
          />
        </ChartCard>
      </div>

      <section aria-labelledby="rules" className="mb-6">
        <h2 id="rules" className="mb-3 text-base font-semibold text-slate-900">
          Alert rules
        </h2>
        <Table caption={`Alert rules and their figure over the last ${health.windowMinutes} minutes`}>
          <THead>
            <tr>
              <Th>Rule</Th>
              <Th>Threshold</Th>
              <Th className="text-right">Now</Th>
              <Th>State</Th>
            </tr>
          </THead>
          <TBody>
            {health.rules.map((r) => (
              <tr key={r.id}>
                <Td>
                  <span className="font-medium text-slate-900">{r.label}</span>
                  <span className="block text-xs text-slate-600">{r.describe}</span>
                </Td>
                <Td className="tabular-nums">{r.threshold}</Td>
                <Td className="text-right tabular-nums">{r.value}</Td>
                <Td>{r.breached ? <Badge tone="danger">Breached</Badge> : <Badge tone="success">OK</Badge>}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </section>

      <section aria-labelledby="alerts-past">
        <h2 id="alerts-past" className="mb-3 text-base font-semibold text-slate-900">
          Past alerts
        </h2>
        {health.pastAlerts.length === 0 ? (
          <EmptyState title="No past alerts" />
        ) : (
          <Table caption="The last 20 resolved alerts">
            <THead>
              <tr>
                <Th>Rule</Th>
                <Th>Opened</Th>
                <Th>Resolved</Th>
                <Th className="text-right">Worst</Th>
              </tr>
            </THead>
            <TBody>
              {health.pastAlerts.map((a) => (
                <tr key={a.id}>
                  <Td>{a.label}</Td>
                  <Td>{formatDateTime(a.openedAt)}</Td>
                  <Td>{formatDateTime(a.resolvedAt)}</Td>
                  <Td className="text-right tabular-nums">{a.peak}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
