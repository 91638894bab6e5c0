import type { Metadata } from "next";
import Link from "next/link";
import { cn, FilterBar, Input, PageHeader, PaginatedTable, Td, Th } from "@bazaar/ui";
import { SellerActions } from "~/components/seller-actions";
import { StatusBadge } from "~/components/status-badge";
import { formatDate, humanize } from "~/lib/format";
import { cursorPages, oneOf, param, withParams, type SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Sellers" };

const STATUSES = ["PENDING", "APPROVED", "SUSPENDED", "REJECTED"] as const;

export default async function SellersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const status = oneOf(params, "status", STATUSES);
  const q = param(params, "q");
  const result = await api.admin.sellers.list({
    status,
    q,
    cursor: param(params, "cursor"),
  });
  const total = Object.values(result.byStatus).reduce((a, b) => a + b, 0);
  const tabs = [
    { key: undefined, label: "All", count: total },
    ...STATUSES.map((s) => ({
      key: s,
      label: s === "PENDING" ? "Applications" : humanize(s),
      count: result.byStatus[s],
    })),
  ];

  return (
    <>
      <PageHeader title="Sellers" description="Approve applications, suspend or reinstate shops, and set their commission." />
      <nav aria-label="Shops by status" className="mb-4 overflow-x-auto">
        <ul className="flex gap-1 border-b border-slate-200">
          {tabs.map((tab) => {
            const current = tab.key === status;
            return (
              <li key={tab.label} className="shrink-0">
                <Link
                  href={withParams("/sellers", params, {
                    status: tab.key,
                    cursor: undefined,
                  })}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "-mb-px block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                    current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
                  )}
                >
                  {tab.label} <span className="ml-1 rounded-full bg-slate-100 px-2 text-xs text-slate-700 tabular-nums">{tab.count}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <FilterBar path="/sellers" label="Search shops" active={Boolean(q)}>
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <Input label="Shop, slug or owner email" name="q" type="search" defaultValue={q} containerClassName="sm:col-span-2" />
      </FilterBar>

      <PaginatedTable
        caption="Shops"
        testId="sellers-table"
        items={result.items}
        empty={{
          title: status === "PENDING" ? "No applications waiting" : "No shops match",
          description: q ? "Try another search." : undefined,
        }}
        columns={
          <>
            <Th>Shop</Th>
            <Th>Owner</Th>
            <Th>Status</Th>
            <Th className="text-right">Products</Th>
            <Th>Applied</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </>
        }
        row={(s) => (
          <tr key={s.id} data-testid={`seller-row-${s.slug}`}>
            <Td>
              <Link href={`/sellers/${s.id}`} className="font-medium text-brand-700 hover:underline">
                {s.shopName}
              </Link>
              <div className="text-xs text-slate-500">/{s.slug}</div>
            </Td>
            <Td className="max-w-56 truncate">{s.user.email}</Td>
            <Td>
              <StatusBadge status={s.status} />
              {s.user.status === "SUSPENDED" ? (
                <span className="ml-1">
                  <StatusBadge status="SUSPENDED" label="Account suspended" />
                </span>
              ) : null}
            </Td>
            <Td className="text-right tabular-nums">{s._count.products}</Td>
            <Td className="whitespace-nowrap">{formatDate(s.createdAt)}</Td>
            <Td>
              <SellerActions sellerId={s.id} shopName={s.shopName} status={s.status} />
            </Td>
          </tr>
        )}
        pages={cursorPages("Shops", "/sellers", params, result.nextCursor)}
      />
    </>
  );
}
