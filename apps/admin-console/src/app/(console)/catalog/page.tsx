import type { Metadata } from "next";
import { FilterBar, FilterSelect, formatMoney, Input, PageHeader, PaginatedTable, Td, Th } from "@bazaar/ui";
import { ProductModeration } from "~/components/product-moderation";
import { ShopLink, StatusBadge } from "~/components/status-badge";
import { choices, formatDate } from "~/lib/format";
import { cursorPages, oneOf, param, type SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Catalog moderation" };

const STATUSES = ["ACTIVE", "DRAFT", "ARCHIVED"] as const;
const LISTING = ["listed", "unlisted"] as const;

export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = {
    q: param(params, "q"),
    status: oneOf(params, "status", STATUSES),
    listing: oneOf(params, "listing", LISTING),
    sellerId: param(params, "sellerId"),
  };
  const [result, shops] = await Promise.all([
    api.admin.catalog.search({
      q: filters.q,
      status: filters.status,
      sellerId: filters.sellerId,
      unlisted: filters.listing === undefined ? undefined : filters.listing === "unlisted",
      cursor: param(params, "cursor"),
    }),
    api.admin.sellers.list({ limit: 100 }),
  ]);

  return (
    <>
      <PageHeader title="Catalog" description="Every product in every shop. Unlist what breaks the rules; the seller sees why." />
      <FilterBar path="/catalog" label="Search products" active={Object.values(filters).some(Boolean)}>
        <Input label="Name, SKU or id" name="q" type="search" defaultValue={filters.q} />
        <FilterSelect
          label="Shop"
          name="sellerId"
          value={filters.sellerId}
          anyLabel="Any shop"
          choices={shops.items.map((s) => ({ value: s.id, label: s.shopName }))}
        />
        <FilterSelect label="Status" name="status" value={filters.status} anyLabel="Any status" choices={choices(STATUSES)} />
        <FilterSelect
          label="Listing"
          name="listing"
          value={filters.listing}
          anyLabel="Listed or not"
          choices={[
            { value: "listed", label: "Listed" },
            { value: "unlisted", label: "Unlisted by Bazaar" },
          ]}
        />
      </FilterBar>

      <PaginatedTable
        caption="Products"
        testId="catalog-table"
        items={result.items}
        empty={{
          title: "No products match",
          description: "Try another name or clear the filters.",
        }}
        columns={
          <>
            <Th>Product</Th>
            <Th>Shop</Th>
            <Th className="text-right">Price</Th>
            <Th>Status</Th>
            <Th>Added</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </>
        }
        row={(p) => (
          <tr key={p.id} data-testid="product-row">
            <Td className="min-w-56">
              <div className="flex items-center gap-3">
                {p.images[0] ? (
                  <img src={p.images[0].url} alt="" width={40} height={40} className="size-10 shrink-0 rounded object-cover ring-1 ring-slate-200" />
                ) : (
                  <div className="size-10 shrink-0 rounded bg-slate-100" aria-hidden />
                )}
                <div>
                  <div className="font-medium text-slate-900">{p.name}</div>
                  <div className="text-xs text-slate-500">
                    {p.sku}
                    {p.category ? ` · ${p.category.name}` : ""}
                  </div>
                  {p.variants.length > 0 ? (
                    <div className="text-xs text-slate-500" data-testid="variants">
                      {p._count.variants} variants: {p.variants.map((v) => v.title).join(", ")}
                      {p._count.variants > p.variants.length ? ", …" : ""}
                    </div>
                  ) : null}
                </div>
              </div>
              {p.unlistedReason ? <p className="mt-1 text-xs text-red-700">Unlisted: {p.unlistedReason}</p> : null}
            </Td>
            <Td>
              <ShopLink seller={p.seller} />
            </Td>
            <Td className="text-right tabular-nums">
              {formatMoney(p.priceCents, p.currency)}
              {p.priceMaxCents > p.priceCents ? ` – ${formatMoney(p.priceMaxCents, p.currency)}` : ""}
            </Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                <StatusBadge status={p.status} />
                {p.unlistedAt ? <StatusBadge status="UNLISTED" label="Unlisted" /> : null}
              </div>
            </Td>
            <Td className="whitespace-nowrap">{formatDate(p.createdAt)}</Td>
            <Td>
              <ProductModeration productId={p.id} name={p.name} unlisted={Boolean(p.unlistedAt)} />
            </Td>
          </tr>
        )}
        pages={cursorPages("Products", "/catalog", params, result.nextCursor)}
      />
    </>
  );
}
