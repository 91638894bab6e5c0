import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses, Card, CardBody, CardHeader, EmptyState, formatMoney, PageHeader } from "@bazaar/ui";
import { formatDate } from "~/lib/order-status";
import { requireSignIn } from "~/server/session";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Your rewards" };

const PAGE_SIZE = 20;

const KIND_LABEL: Record<string, string> = {
  EARNED: "Earned (pending)",
  RELEASED: "Now available",
  REDEEMED: "Used",
  RESTORED: "Given back",
  RETURNED: "Given back by a refund",
  CLAWED_BACK: "Taken back by a refund",
  EXPIRED: "Expired",
};

export default async function RewardsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requireSignIn("/account/rewards");
  const { cursor } = await searchParams;
  const [summary, history] = await Promise.all([api.loyalty.summary(), api.loyalty.history({ limit: PAGE_SIZE, cursor: cursor || undefined })]);
  const money = (cents: number) => formatMoney(cents, summary.currency);
  const points = (n: number) => n.toLocaleString("en-US");
  return (
    <>
      <PageHeader title="Your rewards" description="Your tier follows what you bought over the last 12 months; points come with every delivered order." />
      <div className="grid gap-4 md:grid-cols-2">
        <Card aria-labelledby="tier-heading">
          <CardHeader title={<span id="tier-heading">Tier</span>} />
          <CardBody className="space-y-3">
            <p className="text-2xl font-semibold text-slate-900" data-testid="loyalty-tier">
              {summary.tier.name}
            </p>
            {summary.tier.setByHand ? <p className="text-xs text-slate-600">Set for you by the Bazaar team.</p> : null}
            {summary.tier.benefits.length > 0 ? (
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label={`${summary.tier.name} benefits`}>
                {summary.tier.benefits.map((benefit) => (
                  <li key={benefit}>{benefit}</li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">You earn points on every delivered order.</p>
            )}
            {summary.next ? (
              <div className="space-y-1">
                <div className="flex justify-between text-sm">
                  <span id="progress-label" className="text-slate-700">
                    Progress to {summary.next.name}
                  </span>
                  <span className="tabular-nums text-slate-600">
                    {money(summary.spendCents)} of {money(summary.next.minSpendCents)}
                  </span>
                </div>
                <div
                  role="progressbar"
                  aria-labelledby="progress-label"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={summary.next.percent}
                  aria-valuetext={`${summary.next.percent}%: ${money(summary.next.remainingCents)} to go`}
                  className="h-2 overflow-hidden rounded-full bg-slate-200"
                  data-testid="tier-progress"
                >
                  <div className="h-full rounded-full bg-brand-600" style={{ width: `${summary.next.percent}%` }} />
                </div>
                <p className="text-xs text-slate-600">
                  Spend {money(summary.next.remainingCents)} more within 12 months to reach {summary.next.name}.
                </p>
              </div>
            ) : (
              <p className="text-sm text-slate-600">This is our highest tier. Thank you!</p>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="points-heading">
          <CardHeader
            title={<span id="points-heading">Points</span>}
            description={`${points(summary.points.redeemStep)} points = ${money(summary.points.redeemStep)} off at checkout.`}
          />
          <CardBody>
            <dl className="grid grid-cols-3 gap-3 text-center">
              {[
                { label: "Available", value: summary.points.available, testId: "points-available" },
                { label: "Pending", value: summary.points.pending, testId: "points-pending" },
                { label: "Expiring soon", value: summary.points.expiringSoon, testId: "points-expiring" },
              ].map((figure) => (
                <div key={figure.testId}>
                  <dt className="text-xs text-slate-600">{figure.label}</dt>
                  <dd className="text-xl font-semibold tabular-nums text-slate-900" data-testid={figure.testId}>
                    {points(figure.value)}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-xs text-slate-600">
              Pending points become available once the shop&apos;s return window has passed.
              {summary.points.expiresAt ? ` Available points expire on ${formatDate(summary.points.expiresAt)} unless you earn or use points before then.` : ""}
            </p>
          </CardBody>
        </Card>
      </div>

      <section aria-labelledby="history-heading" className="mt-8">
        <h2 id="history-heading" className="mb-3 text-base font-semibold text-slate-900">
          Points history
        </h2>
        {history.items.length === 0 ? (
          <EmptyState title="No points yet" description="Points arrive with your first delivered order." />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200" data-testid="points-history">
            {history.items.map((entry) => (
              <li key={entry.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                <span className="min-w-0">
                  <span className="block font-medium text-slate-900">{KIND_LABEL[entry.kind] ?? entry.kind}</span>
                  <span className="block text-slate-600">
                    {formatDate(entry.createdAt)} · {entry.description}
                    {entry.orderId && entry.kind !== "RESTORED" ? (
                      <>
                        {" · "}
                        <Link href={`/account/orders/${entry.orderId}`} className="text-brand-700 underline">
                          Order
                        </Link>
                      </>
                    ) : null}
                  </span>
                </span>
                <span className={`tabular-nums font-semibold ${entry.points < 0 ? "text-slate-700" : "text-emerald-700"}`}>
                  {entry.points > 0 ? "+" : "−"}
                  {points(Math.abs(entry.points))}
                </span>
              </li>
            ))}
          </ul>
        )}
        {history.nextCursor ? (
          <Link href={`/account/rewards?cursor=${history.nextCursor}`} className={buttonClasses("secondary", "md", "mt-4")}>
            Older entries
          </Link>
        ) : null}
      </section>

      <section aria-labelledby="tiers-heading" className="mt-8">
        <h2 id="tiers-heading" className="mb-3 text-base font-semibold text-slate-900">
          Tiers
        </h2>
        <ul className="grid gap-3 md:grid-cols-4">
          {summary.tiers.map((tier) => (
            <li key={tier.id} className={`rounded-lg bg-white p-3 text-sm ring-1 ${tier.id === summary.tier.id ? "ring-2 ring-brand-500" : "ring-slate-200"}`}>
              <p className="font-semibold text-slate-900">{tier.name}</p>
              <p className="text-xs text-slate-600">{tier.minSpendCents === 0 ? "Everyone" : `From ${money(tier.minSpendCents)} a year`}</p>
              <ul className="mt-2 space-y-1 text-xs text-slate-700">
                {tier.benefits.length > 0 ? tier.benefits.map((b) => <li key={b}>{b}</li>) : <li>Points on every order</li>}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
