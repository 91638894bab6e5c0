import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader, FilterBar, formatMoney, Input, PageHeader, PaginatedTable, Select, Td, Th } from "@bazaar/ui";
import { ExpirePromoButton, PromoForm } from "~/components/promo-form";
import { StatusBadge } from "~/components/status-badge";
import { formatBps, formatDate } from "~/lib/format";
import { cursorPages, oneOf, param, type SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Promotions" };

export default async function PromotionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const q = param(params, "q");
  const show = oneOf(params, "show", ["all", "live", "ended"] as const) ?? "all";
  const [result, shops] = await Promise.all([
    api.admin.promotions.list({ q, show, cursor: param(params, "cursor") }),
    api.admin.sellers.list({ status: "APPROVED", limit: 100 }),
  ]);

  return (
    <>
      <PageHeader title="Promotions" description="Promo codes buyers type at checkout, with how often they were used." />
      <FilterBar path="/promotions" label="Search promo codes" active={Boolean(q) || show !== "all"}>
        <Input label="Code or description" name="q" type="search" defaultValue={q} />
        <Select label="Show" name="show" defaultValue={show}>
          <option value="all">All codes</option>
          <option value="live">Live (active, not expired)</option>
          <option value="ended">Ended (expired or disabled)</option>
        </Select>
      </FilterBar>

      <PaginatedTable
        caption="Promo codes"
        testId="promos-table"
        items={result.items}
        empty={{
          title: "No promo codes match",
          description: "Create one below.",
        }}
        columns={
          <>
            <Th>Code</Th>
            <Th>Discount</Th>
            <Th>State</Th>
            <Th className="text-right">Uses</Th>
            <Th className="text-right">Given</Th>
            <Th>Valid</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </>
        }
        row={(p) => (
          <tr key={p.id} data-testid={`promo-row-${p.code}`}>
            <Td>
              <Link href={`/promotions/${p.id}`} className="font-mono font-medium text-brand-700 hover:underline">
                {p.code}
              </Link>
              <div className="text-xs text-slate-500">{p.seller ? `Only ${p.seller.shopName}` : "Platform-wide"}</div>
            </Td>
            <Td className="whitespace-nowrap">
              {p.type === "PERCENT" ? `${formatBps(p.value)} off` : `${formatMoney(p.value, p.currency)} off`}
              {p.minSubtotalCents > 0 ? <div className="text-xs text-slate-500">over {formatMoney(p.minSubtotalCents, p.currency)}</div> : null}
            </Td>
            <Td>
              <StatusBadge status={p.state} />
            </Td>
            <Td className="text-right tabular-nums" data-testid="promo-uses">
              {p.usageCount}
              {p.usageLimit !== null ? ` / ${p.usageLimit}` : ""}
            </Td>
            <Td className="text-right tabular-nums">{formatMoney(p.discountGivenCents, p.currency)}</Td>
            <Td className="text-xs whitespace-nowrap text-slate-600">
              {p.startsAt ? `from ${formatDate(p.startsAt)}` : "from creation"}
              <br />
              {p.expiresAt ? `until ${formatDate(p.expiresAt)}` : "no end"}
            </Td>
            <Td>
              <div className="flex flex-wrap gap-2">
                <Link
                  href={`/promotions/${p.id}`}
                  className="inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
                >
                  Edit<span className="sr-only"> {p.code}</span>
                </Link>
                {p.state !== "EXPIRED" ? <ExpirePromoButton promoId={p.id} code={p.code} /> : null}
              </div>
            </Td>
          </tr>
        )}
        pages={cursorPages("Promo codes", "/promotions", params, result.nextCursor)}
      />

      <Card className="mt-8">
        <CardHeader title="New promo code" />
        <CardBody>
          <PromoForm shops={shops.items.map((s) => ({ id: s.id, shopName: s.shopName }))} />
        </CardBody>
      </Card>
    </>
  );
}
