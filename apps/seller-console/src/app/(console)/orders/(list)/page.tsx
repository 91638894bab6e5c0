import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, formatMoney, PageHeader, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { ShipmentStatusBadge } from "~/components/status-badge";
import { getSellerAccess } from "~/server/access";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Orders" };

const FILTERS = [
  { status: undefined, label: "All" },
  { status: "PENDING", label: "To ship" },
  { status: "PROCESSING", label: "Processing" },
  { status: "SHIPPED", label: "Shipped" },
  { status: "DELIVERED", label: "Delivered" },
  { status: "CANCELLED", label: "Cancelled" },
] as const;

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const params = await searchParams;
  const status = FILTERS.find((f) => f.status === params.status)?.status;
  const page = await api.fulfillment.list({ status, cursor: params.cursor || undefined, limit: 25 });
  const tab = (active: boolean) =>
    `whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-600 text-white" : "text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"}`;

  return (
    <>
      <PageHeader title="Orders" description="Your part of each paid order: what to pack and ship. Newest first." />
      <nav aria-label="Filter by status" className="mb-3 -mx-4 overflow-x-auto px-4 py-1 sm:mx-0 sm:px-0">
        <ul className="flex gap-2">
          {FILTERS.map((f) => (
            <li key={f.label}>
              <Link
                href={f.status ? `/orders?status=${f.status}` : "/orders"}
                aria-current={f.status === status ? "page" : undefined}
                className={tab(f.status === status)}
              >
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.items.length === 0 ? (
        <EmptyState
          title={status ? "No orders here" : "No orders yet"}
          description={status ? "No shipment has this status." : "When a buyer pays for one of your products, the order appears here for you to ship."}
        />
      ) : (
        <>
          <Table caption="Your shipments">
            <THead>
              <tr>
                <Th>Order</Th>
                <Th className="max-sm:hidden">Paid</Th>
                <Th className="max-sm:hidden">Buyer</Th>
                <Th>Items</Th>
                <Th className="text-right">Total</Th>
                <Th className="max-sm:hidden">Status</Th>
              </tr>
            </THead>
            <TBody>
              {page.items.map((s) => {
                const units = s.items.reduce((sum, i) => sum + i.quantity, 0);
                return (
                  <tr key={s.id} data-testid="shipment-row">
                    <Td className="whitespace-nowrap">
                      <Link href={`/orders/${s.id}`} className="font-medium text-brand-700 hover:underline">
                        #{s.order.number}
                      </Link>
                      <div className="mt-1 sm:hidden">
                        <ShipmentStatusBadge status={s.status} />
                      </div>
                    </Td>
                    <Td className="whitespace-nowrap text-slate-600 max-sm:hidden">{s.order.paidAt ? dateFormat.format(s.order.paidAt) : "—"}</Td>
                    <Td className="max-sm:hidden">{s.order.buyer ? (s.order.buyer.name ?? "—") : "Guest"}</Td>
                    <Td className="sm:min-w-48">
                      <span className="line-clamp-2">
                        {units} × {s.items.map((i) => i.name).join(", ")}
                      </span>
                    </Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{formatMoney(s.totalCents, s.order.currency)}</Td>
                    <Td className="max-sm:hidden">
                      <ShipmentStatusBadge status={s.status} />
                    </Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
          <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
            {params.cursor ? (
              <Link href={status ? `/orders?status=${status}` : "/orders"} className="font-medium text-brand-700 hover:underline">
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Link
                href={`/orders?${new URLSearchParams({ ...(status ? { status } : {}), cursor: page.nextCursor }).toString()}`}
                className="font-medium text-brand-700 hover:underline"
              >
                Older →
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
