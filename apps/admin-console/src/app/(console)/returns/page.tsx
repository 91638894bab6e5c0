import { ReturnStatus } from "@bazaar/db/enums";
import type { Metadata } from "next";
import Link from "next/link";
import { RETURN_STATUS_LABEL } from "@bazaar/api/domain/returns/status";
import { FilterBar, FilterSelect, formatMoney, PageHeader, PaginatedTable, Td, Th } from "@bazaar/ui";
import { StatusBadge } from "~/components/status-badge";
import { formatDateTime } from "~/lib/format";
import { cursorPages, oneOf, param, type SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Returns" };

const STATUSES = Object.values(ReturnStatus);

/** Every return on the platform, newest first: an administrator opens one to step in. */
export default async function ReturnsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const status = oneOf(params, "status", STATUSES);
  const result = await api.returns.adminList({ status, cursor: param(params, "cursor"), limit: 25 });

  return (
    <>
      <PageHeader title="Returns" description="Buyers' returns across shops. Open one to approve, reject or receive it when a shop does not answer." />
      <FilterBar path="/returns" label="Filter returns" active={Boolean(status)}>
        <FilterSelect
          label="Status"
          name="status"
          value={status}
          anyLabel="Any status"
          choices={STATUSES.map((s) => ({ value: s, label: RETURN_STATUS_LABEL[s] }))}
        />
      </FilterBar>

      <PaginatedTable
        caption="Returns, newest first"
        testId="returns-table"
        items={result.items}
        empty={{
          title: status ? "No returns in this status" : "No returns yet",
          description: status ? "Clear the filter to see every return." : "When a buyer asks to return delivered items, the request shows here.",
        }}
        columns={
          <>
            <Th>Return</Th>
            <Th>Order</Th>
            <Th>Shop</Th>
            <Th>Items</Th>
            <Th>Status</Th>
            <Th>Requested</Th>
            <Th className="text-right">Refunded</Th>
          </>
        }
        row={(r) => (
          <tr key={r.id} data-testid="return-row">
            <Td>
              <Link href={`/returns/${r.id}`} className="font-medium text-brand-700 hover:underline">
                Return #{r.number}
              </Link>
            </Td>
            <Td>
              <Link href={`/orders/${r.order.id}`} className="text-brand-700 hover:underline">
                #{r.order.number}
              </Link>
            </Td>
            <Td>{r.seller.shopName}</Td>
            <Td className="min-w-40">{r.items.map((i) => `${i.quantity} × ${i.orderItem.name}`).join(", ")}</Td>
            <Td>
              <StatusBadge status={r.status} label={RETURN_STATUS_LABEL[r.status]} />
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(r.requestedAt)}</Td>
            <Td className="text-right tabular-nums">{r.refund ? formatMoney(r.refund.amountCents, r.refund.currency) : "—"}</Td>
          </tr>
        )}
        pages={cursorPages("Returns", "/returns", params, result.nextCursor)}
      />
    </>
  );
}
