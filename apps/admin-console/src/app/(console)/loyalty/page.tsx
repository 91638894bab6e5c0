import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Badge, Card, CardBody, CardHeader, formatMoney, PageHeader, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { ClearMemberTier, EditTier, PointsSettingsForm, SetMemberTier } from "~/components/loyalty-forms";
import { formatBps } from "~/lib/format";
import { param, type SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Loyalty" };

export default async function LoyaltyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const q = param(await searchParams, "q");
  const [overview, { settings }] = await Promise.all([api.admin.loyalty.overview({ limit: 25, q }), api.admin.settings.get()]);
  const money = (cents: number) => formatMoney(cents, overview.currency);
  const points = (n: number) => n.toLocaleString("en-US");
  const { liability, repeatPurchase } = overview;
  const repeatRate = repeatPurchase.buyers === 0 ? "—" : `${Math.round((repeatPurchase.repeaters * 1000) / repeatPurchase.buyers) / 10}%`;
  return (
    <>
      <PageHeader
        title="Loyalty"
        description="Tiers, points and what Bazaar owes in points. Tier discounts and points are paid by Bazaar: sellers get their full share."
      />
      <dl className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label="Points liability and repeat purchases">
        <Figure label="Outstanding points liability" value={money(liability.liabilityCents)} testId="points-liability">
          From the ledger&apos;s points liability account (1 point = 1 cent).
        </Figure>
        <Figure label="Points available to buyers" value={points(liability.availablePoints)}>
          {points(liability.reservedPoints)} set aside on orders awaiting payment
          {liability.disputedPoints > 0 ? `, ${points(liability.disputedPoints)} held by open disputes` : ""}
        </Figure>
        <Figure label="Points pending" value={points(liability.pendingPoints)}>
          Available once the shops&apos; return windows pass
        </Figure>
        <Figure label="Repeat purchase rate (12 months)" value={repeatRate} testId="repeat-rate">
          {overview.repeatPurchase.repeaters} of {overview.repeatPurchase.buyers} buyers paid for two orders or more
        </Figure>
      </dl>

      <Card className="mb-6">
        <CardHeader title="Tiers" description="A buyer's tier is the highest whose spend they reached over 12 months (USD, delivered and not refunded)." />
        <Table caption="Loyalty tiers" className="border-0" data-testid="tiers-table">
          <THead>
            <tr>
              <Th>Tier</Th>
              <Th className="text-right">From (12 months)</Th>
              <Th className="text-right">Discount</Th>
              <Th className="text-right">Points</Th>
              <Th className="text-right">Free shipping over</Th>
              <Th className="text-right">Members</Th>
              <Th className="text-right">Revenue (12 months)</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {overview.tiers.map((tier) => (
              <tr key={tier.id}>
                <Td className="font-medium">{tier.name}</Td>
                <Td className="text-right tabular-nums">{money(tier.minSpendCents)}</Td>
                <Td className="text-right tabular-nums">{formatBps(tier.discountBps)}</Td>
                <Td className="text-right tabular-nums">×{tier.pointsMultiplierBps / 10_000}</Td>
                <Td className="text-right tabular-nums">{tier.freeShippingOverCents === null ? "—" : money(tier.freeShippingOverCents)}</Td>
                <Td className="text-right tabular-nums">{tier.members}</Td>
                <Td className="text-right tabular-nums">
                  {money(tier.revenue.revenueCents)}
                  <span className="block text-xs text-slate-500">{tier.revenue.orders} orders</span>
                </Td>
                <Td className="text-right">
                  <EditTier tier={tier} />
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </Card>

      <Card className="mb-6">
        <CardHeader title="Points" description="Changes apply to points earned and orders placed from now on." />
        <CardBody>
          <PointsSettingsForm settings={settings} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Top members" description="By qualifying spend over the last 12 months." />
        <CardBody>
          <form method="get" className="mb-4 flex items-end gap-2" role="search">
            <label className="text-sm">
              <span className="mb-1 block font-medium text-slate-700">Find a buyer</span>
              <input name="q" type="search" defaultValue={q} className="rounded-md border border-slate-300 px-3 py-2 text-sm" placeholder="Email or name" />
            </label>
          </form>
        </CardBody>
        <Table caption="Top members" className="border-0" data-testid="members-table">
          <THead>
            <tr>
              <Th>Buyer</Th>
              <Th>Tier</Th>
              <Th className="text-right">Spend</Th>
              <Th className="text-right">Available</Th>
              <Th className="text-right">Pending</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {overview.topMembers.map((member) => {
              const who = member.name ?? member.email;
              return (
                <tr key={member.userId}>
                  <Td>
                    <span className="block font-medium">{who}</span>
                    {member.name ? <span className="block text-xs text-slate-600">{member.email}</span> : null}
                  </Td>
                  <Td>
                    {member.tierName}{" "}
                    {member.setByHand ? (
                      <Badge tone="info" title={member.overrideReason ?? undefined}>
                        Set by hand
                      </Badge>
                    ) : null}
                  </Td>
                  <Td className="text-right tabular-nums">{money(member.spendCents)}</Td>
                  <Td className="text-right tabular-nums">{points(member.availablePoints)}</Td>
                  <Td className="text-right tabular-nums">{points(member.pendingPoints)}</Td>
                  <Td>
                    <div className="flex justify-end gap-2">
                      <SetMemberTier userId={member.userId} who={who} tiers={overview.tiers} currentTierId={member.tierId} />
                      {member.setByHand ? <ClearMemberTier userId={member.userId} who={who} /> : null}
                    </div>
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      </Card>
    </>
  );
}

/** One headline figure with a line saying where it comes from. */
function Figure({ label, value, testId, children }: { label: string; value: string; testId?: string; children: ReactNode }) {
  return (
    <div className="rounded-lg bg-white px-4 py-4 ring-1 ring-slate-200">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
      <dd className="mt-1 text-xs text-slate-500">{children}</dd>
    </div>
  );
}
