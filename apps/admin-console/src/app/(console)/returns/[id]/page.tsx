import type { Metadata } from "next";
import Link from "next/link";
import { RETURN_STATUS_LABEL } from "@bazaar/api/domain/returns/status";
import { Card, CardBody, CardHeader, formatMoney, PageHeader, Table, TBody, Td, Th, THead } from "@bazaar/ui";
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
                { label: "Instructions to the buyer", value: r.instructions ?? "—" },
                ...(r.rejectionReason ? [{ label: "Rejected because", value: r.rejectionReason }] : []),
                { label: "Sent back", value: r.trackingNumber ? `${r.carrier ?? "Carrier"} ${r.trackingNumber} · ${formatDateTime(r.sentAt)}` : "—" },
                { label: "Received", value: formatDateTime(r.receivedAt) },
                { label: "Refunded", value: r.refund ? money(r.refund.amountCents) : "—" },
              ]}
            />
            <Table caption={`Items in return #${r.number}`}>
              <THead>
                <tr>
                  <Th>Item</Th>
                  <Th className="text-right">Returned</Th>
                  <Th className="text-right">Unit price</Th>
                  <Th>Outcome</Th>
                </tr>
              </THead>
              <TBody>
                {r.items.map((i) => (
                  <tr key={i.id}>
                    <Td>
                      {i.orderItem.name}
                      {i.orderItem.variantTitle ? <span className="text-slate-500"> · {i.orderItem.variantTitle}</span> : null}
                      <div className="text-xs text-slate-500">{i.orderItem.sku}</div>
                    </Td>
                    <Td className="text-right tabular-nums">
                      {i.quantity} of {i.orderItem.quantity}
                    </Td>
                    <Td className="text-right tabular-nums">{money(i.orderItem.unitPriceCents)}</Td>
                    <Td>{i.disposition === "RESTOCK" ? "Back in stock" : i.disposition === "WRITE_OFF" ? "Written off" : "—"}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
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
