import { OrderStatus } from "@bazaar/db/enums";
import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterSelect, formatMoney, Input, PageHeader, PaginatedTable, Td, Th } from "@bazaar/ui";
import { StatusBadge } from "~/components/status-badge";
import { choices, formatDateTime } from "~/lib/format";
import { cursorPages, dateParam, isoDay, oneOf, param, type SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Orders" };

const STATUSES = Object.values(OrderStatus);
const DAY = 86_400_000;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const from = dateParam(params, "from");
  const to = dateParam(params, "to");
  const filters = {
    status: oneOf(params, "status", STATUSES),
    sellerId: param(params, "sellerId"),
    buyer: param(params, "buyer"),
  };
  const [result, shops] = await Promise.all([
    api.admin.orders.list({
      ...filters,
      from,
      to: to ? new Date(to.getTime() + DAY) : undefined,
      cursor: param(params, "cursor"),
    }),
    api.admin.sellers.list({ limit: 100 }),
  ]);

  return (
    <>
      <PageHeader title="Orders" description="Every order across shops. Open one to see its payments, parts and history, or to refund it." />
      <FilterBar path="/orders" label="Filter orders" active={Boolean(filters.status || filters.sellerId || filters.buyer || from || to)}>
        <Input label="Buyer email or order #" name="buyer" type="search" defaultValue={filters.buyer} />
        <FilterSelect label="Status" name="status" value={filters.status} anyLabel="Any status" choices={choices(STATUSES)} />
        <FilterSelect
          label="Shop"
          name="sellerId"
          value={filters.sellerId}
          anyLabel="Any shop"
          choices={shops.items.map((s) => ({ value: s.id, label: s.shopName }))}
        />
        <Input label="Placed from" name="from" type="date" defaultValue={from ? isoDay(from) : undefined} />
        <Input label="Placed to" name="to" type="date" defaultValue={to ? isoDay(to) : undefined} />
      </FilterBar>

      <PaginatedTable
        caption="Orders"
        testId="orders-table"
        items={result.items}
        empty={{
          title: "No orders match",
          description: "Clear the filters to see every order.",
        }}
        columns={
          <>
            <Th>Order</Th>
            <Th>Placed</Th>
            <Th>Buyer</Th>
            <Th>Shops</Th>
            <Th>Status</Th>
            <Th className="text-right">Total</Th>
          </>
        }
        row={(o) => (
          <tr key={o.id}>
            <Td>
              <Link href={`/orders/${o.id}`} className="font-medium text-brand-700 hover:underline">
                #{o.number}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(o.createdAt)}</Td>
            <Td className="max-w-56 truncate">{o.buyer?.email ?? `${o.guestEmail ?? ""} (guest)`}</Td>
            <Td>{o.shipments.map((s) => s.seller.shopName).join(", ")}</Td>
            <Td>
              <StatusBadge status={o.status} />
            </Td>
            <Td className="text-right whitespace-nowrap tabular-nums">
              {formatMoney(o.totalCents, o.currency)}
              {o.refundedCents > 0 ? <div className="text-xs text-slate-500">−{formatMoney(o.refundedCents, o.currency)} refunded</div> : null}
            </Td>
          </tr>
        )}
        pages={cursorPages("Orders", "/orders", params, result.nextCursor)}
      />
    </>
  );
}
