import type { Metadata } from "next";
import Link from "next/link";
import { RETURN_STATUS_LABEL } from "@bazaar/api/domain/returns/status";
import { Card, CardBody, CardHeader, formatMoney, PageHeader, ReturnPhotos } from "@bazaar/ui";
import { Facts } from "~/components/facts";
import { ReturnStepIn } from "~/components/return-step-in";
import { StatusBadge } from "~/components/status-badge";
import { formatDateTime } from "~/lib/format";
import { orNotFound } from "~/lib/not-found";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Return" };

/** One return as an administrator sees it, with the step the shop (or the buyer) has not taken. */
export default async function ReturnPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const r = await orNotFound(api.returns.adminGet({ returnId: id }));
  const money = (cents: number) => formatMoney(cents, r.order.currency);
  const customer = r.order.buyer ? r.order.buyer.email : `${r.order.guestEmail ?? ""} (guest)`;

  return (
    <>
      <PageHeader
        back={{ href: "/returns", label: "Returns" }}
        title={`Return #${r.number}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={r.status} label={RETURN_STATUS_LABEL[r.status]} /> asked {formatDateTime(r.requestedAt)}
          </span>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="The return" />
          <CardBody className="space-y-4">
            <Facts
              items={[
                {
                  label: "Order",
                  value: (
                    <Link href={`/orders/${r.order.id}`} className="text-brand-700 hover:underline">
                      #{r.order.number}
                    </Link>
                  ),
                },
                { label: "Customer", value: customer },
                {
                  label: "Shop",
                  value: (
                    <Link href={`/sellers/${r.seller.id}`} className="text-brand-700 hover:underline">
                      {r.seller.shopName}
                    </Link>
                  ),
                },
                { label: "Delivered", value: `${formatDateTime(r.shipment.deliveredAt)} (returns accepted for ${r.seller.returnWindowDays} days)` },
                { label: "Buyer's reason", value: r.reason },
                { label: "Photos", value: r.photos.length > 0 ? <ReturnPhotos photos={r.photos} returnNumber={r.number} /> : "None attached" },
                { label: "Instructions to the buyer", value: r.instructions ?? "—" },
                ...(r.rejectionReason ? [{ label: "Rejected because", value: r.rejectionReason }] : []),
                { label: "Sent back", value: r.trackingNumber ? `${r.carrier ?? "Carrier"} ${r.trackingNumber} · ${formatDateTime(r.sentAt)}` : "—" },
                { label: "Received", value: formatDateTime(r.receivedAt) },
                { label: "Refunded", value: r.refund ? money(r.refund.amountCents) : "—" },
              ]}
            />
            {/* A list, not a table: it fits a phone without a sideways-scrolling box. */}
            <ul aria-label={`Items in return #${r.number}`} className="divide-y divide-slate-100 rounded-md text-sm ring-1 ring-slate-200">
              {r.items.map((i) => (
                <li key={i.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-3 py-2">
                  <span>
                    <span className="font-medium text-slate-900">
                      {i.quantity} of {i.orderItem.quantity} × {i.orderItem.name}
                    </span>
                    {i.orderItem.variantTitle ? <span className="text-slate-500"> · {i.orderItem.variantTitle}</span> : null}
                    <span className="block text-xs text-slate-500">
                      {i.orderItem.sku} · {money(i.orderItem.unitPriceCents)} each
                    </span>
                  </span>
                  <span className="text-slate-600">
                    {i.disposition === "RESTOCK" ? "Back in stock" : i.disposition === "WRITE_OFF" ? "Written off" : "Not received yet"}
                  </span>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Step in" description="Each step you take here is in the audit log, and the buyer and the shop hear about it." />
          <CardBody>
            <ReturnStepIn
              request={{
                id: r.id,
                number: r.number,
                status: r.status,
                items: r.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity, name: i.orderItem.name })),
              }}
              warehouses={r.seller.warehouses}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
