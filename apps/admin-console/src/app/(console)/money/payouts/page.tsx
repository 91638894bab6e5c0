import type { Metadata } from "next";
import { FilterBar, FilterSelect, formatMoney, PaginatedTable, Td, Th } from "@bazaar/ui";
import { Stat } from "@bazaar/ui/stat-card";
import { MoneyHeader } from "~/components/money-tabs";
import { PayoutStatus, ShopLink } from "~/components/status-badge";
import { choices, formatDateTime, humanize } from "~/lib/format";
import { cursorPages, oneOf, param, type SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Payouts" };

const STATUSES = ["REQUESTED", "PROCESSING", "PAID", "FAILED"] as const;

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const status = oneOf(params, "status", STATUSES);
  const result = await api.admin.money.payouts({
    status,
    cursor: param(params, "cursor"),
  });

  return (
    <>
      <MoneyHeader current="/money/payouts" />
      <p className="mb-4 text-sm text-slate-600">
        Payouts are sent by the background worker as soon as a seller asks. A suspended shop&apos;s payout fails and the money returns to its balance.
      </p>
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        {STATUSES.map((s) => {
          const rows = result.totals.filter((t) => t.status === s);
          return (
            <Stat
              key={s}
              label={humanize(s)}
              value={rows.reduce((n, r) => n + r.count, 0)}
              detail={rows.length ? rows.map((r) => formatMoney(r.amountCents, r.currency)).join(" · ") : formatMoney(0, "USD")}
            />
          );
        })}
      </dl>
      <FilterBar path="/money/payouts" label="Filter payouts" active={Boolean(status)}>
        <FilterSelect label="Status" name="status" value={status} anyLabel="Any status" choices={choices(STATUSES)} />
      </FilterBar>
      <PaginatedTable
        caption="Payouts"
        items={result.items}
        empty={{
          title: "No payouts",
          description: status ? "None in this state." : "Sellers request payouts from their console.",
        }}
        columns={
          <>
            <Th>Shop</Th>
            <Th>Requested</Th>
            <Th>Status</Th>
            <Th>Completed</Th>
            <Th className="text-right">Amount</Th>
          </>
        }
        row={(p) => (
          <tr key={p.id}>
            <Td>
              <ShopLink seller={p.seller} />
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(p.requestedAt)}</Td>
            <Td>
              <PayoutStatus payout={p} />
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(p.completedAt)}</Td>
            <Td className="text-right tabular-nums">{formatMoney(p.amountCents, p.currency)}</Td>
          </tr>
        )}
        pages={cursorPages("Payouts", "/money/payouts", params, result.nextCursor)}
      />
    </>
  );
}
