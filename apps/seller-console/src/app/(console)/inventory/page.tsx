import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader, EmptyState, LinkButton, PageHeader } from "@bazaar/ui";
import { StockTable } from "~/components/stock-table";
import { WarehouseForm } from "~/components/warehouse-form";
import { getSellerAccess } from "~/server/access";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Inventory" };

export default async function InventoryPage({ searchParams }: { searchParams: Promise<{ low?: string; cursor?: string }> }) {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const { low, cursor } = await searchParams;
  const lowOnly = low === "1";
  const [stock, warehouses, alerts] = await Promise.all([
    api.inventory.list({ lowOnly, cursor: cursor || undefined, limit: 100 }),
    api.inventory.warehouses(),
    api.seller.stockAlerts({ unreadOnly: true, limit: 1 }),
  ]);
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-600 text-white" : "text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"}`;

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Stock of every product in every warehouse. Available = on hand − in carts − in orders."
        actions={
          <LinkButton href="/inventory/alerts" variant="secondary">
            Low-stock alerts{alerts.unread > 0 ? ` (${alerts.unread} new)` : ""}
          </LinkButton>
        }
      />
      <nav aria-label="Filter stock" className="mb-4 flex gap-2">
        <Link href="/inventory" aria-current={!lowOnly ? "page" : undefined} className={tab(!lowOnly)}>
          All stock
        </Link>
        <Link href="/inventory?low=1" aria-current={lowOnly ? "page" : undefined} className={tab(lowOnly)}>
          Low stock only
        </Link>
      </nav>
      {stock.items.length === 0 ? (
        lowOnly ? (
          <EmptyState title="Nothing is low" description="Every stock row is at or above its alert level." />
        ) : (
          <EmptyState
            title="No stock yet"
            description="Open a product and put units on hand in one of your warehouses; its stock then shows here."
            action={<LinkButton href="/products">Go to products</LinkButton>}
          />
        )
      ) : (
        <>
          <StockTable key={`${lowOnly}:${cursor ?? ""}`} rows={stock.items} showProduct caption="Stock per product and warehouse" />
          <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
            {cursor ? (
              <Link href={lowOnly ? "/inventory?low=1" : "/inventory"} className="font-medium text-brand-700 hover:underline">
                ← First page
              </Link>
            ) : (
              <span />
            )}
            {stock.nextCursor ? (
              <Link
                href={`/inventory?${new URLSearchParams({ ...(lowOnly ? { low: "1" } : {}), cursor: stock.nextCursor }).toString()}`}
                className="font-medium text-brand-700 hover:underline"
              >
                Next page →
              </Link>
            ) : null}
          </nav>
        </>
      )}

      <Card className="mt-8" id="warehouses" aria-labelledby="warehouses-heading">
        <CardHeader title={<span id="warehouses-heading">Warehouses</span>} description="Where you keep stock. Buyers' orders take units from any of them." />
        <CardBody className="space-y-4">
          {warehouses.length > 0 ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {warehouses.map((w) => (
                <li key={w.id} className="flex justify-between py-2">
                  <span className="font-medium text-slate-900">{w.name}</span>
                  <span className="text-slate-500">
                    {w.code} · {w.country}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">No warehouses yet: add the place you ship from.</p>
          )}
          <WarehouseForm />
        </CardBody>
      </Card>
    </>
  );
}
