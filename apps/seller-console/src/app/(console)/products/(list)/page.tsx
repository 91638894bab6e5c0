import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses, EmptyState, Input, LinkButton, PageHeader, Select } from "@bazaar/ui";
import { ProductsTable } from "~/components/products-table";
import { getSellerAccess } from "~/server/access";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Products" };

const STATUSES = ["DRAFT", "ACTIVE", "ARCHIVED"] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string | undefined): value is Status => (STATUSES as readonly string[]).includes(value ?? "");

export default async function ProductsPage({ searchParams }: { searchParams: Promise<{ q?: string; status?: string; cursor?: string }> }) {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const params = await searchParams;
  const q = params.q?.trim().slice(0, 100) || undefined;
  const status = isStatus(params.status) ? params.status : undefined;
  const page = await api.seller.products({ q, status, cursor: params.cursor || undefined });
  const filtered = Boolean(q || status);
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}), ...extra }).toString();

  return (
    <>
      <PageHeader
        title="Products"
        description={`${page.total} ${filtered ? "matching" : "in your shop"}.`}
        actions={
          <div className="flex flex-wrap gap-2 [&>*]:whitespace-nowrap">
            <LinkButton href="/products/import" variant="secondary">
              Import CSV
            </LinkButton>
            <a href={`/api/export/products${status ? `?status=${status}` : ""}`} download className={buttonClasses("secondary")}>
              Export CSV
            </a>
            <LinkButton href="/products/new">New product</LinkButton>
          </div>
        }
      />
      <form role="search" aria-label="Filter products" className="mb-4 flex flex-wrap items-end gap-3" action="/products">
        <Input label="Search" name="q" type="search" defaultValue={q} placeholder="Name or SKU" containerClassName="w-full sm:w-72" />
        <Select label="Status" name="status" defaultValue={status ?? ""} containerClassName="w-40">
          <option value="">All statuses</option>
          <option value="DRAFT">Draft</option>
          <option value="ACTIVE">Active</option>
          <option value="ARCHIVED">Archived</option>
        </Select>
        <button type="submit" className={buttonClasses("secondary")}>
          Filter
        </button>
        {filtered ? (
          <Link href="/products" className="self-center text-sm font-medium text-brand-700 hover:underline">
            Clear filters
          </Link>
        ) : null}
      </form>
      {page.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No products match" description="Try another search or status." />
        ) : (
          <EmptyState
            title="No products yet"
            description="Products you add appear here, as drafts until you publish them. You can also import many at once from a spreadsheet."
            action={<LinkButton href="/products/new">Add your first product</LinkButton>}
          />
        )
      ) : (
        <>
          <ProductsTable products={page.items} />
          <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
            {params.cursor ? (
              <Link href={`/products?${query({})}`} className="font-medium text-brand-700 hover:underline">
                ← First page
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Link href={`/products?${query({ cursor: page.nextCursor })}`} className="font-medium text-brand-700 hover:underline">
                Next page →
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
