import type { Metadata } from "next";
import Link from "next/link";
import { Alert, buttonClasses, Card, CardBody, CardHeader, formatMoney, PageHeader, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { discountLines, sellerDiscountLabel } from "@bazaar/api/domain/orders/discount-lines";
import { RefundItemsButton } from "~/components/refund-items-button";
import { ShipmentActions } from "~/components/shipment-actions";
import { ShipmentStatusBadge } from "~/components/status-badge";
import { addressLines } from "~/lib/address";
import { getSellerAccess } from "~/server/access";
import { orNotFound } from "~/server/not-found";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Order" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ShipmentPage({ params }: { params: Promise<{ id: string }> }) {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const { id } = await params;
  // Another shop's shipment (or an unpaid order's) is "not found": the 404 page.
  const [shipment, refundLimit] = await Promise.all([orNotFound(api.fulfillment.get({ shipmentId: id })), api.orders.sellerRefundLimit()]);
  const refundableCents = shipment.totalCents - shipment.refundedCents;
  const money = (cents: number) => formatMoney(cents, shipment.order.currency);
  // Loyalty discounts Bazaar funds are paid to the shop as if the buyer had paid them.
  const discounts = discountLines({ ...shipment, tierName: shipment.order.tierName });
  const bazaarPays = shipment.tierDiscountCents + shipment.shippingDiscountCents + shipment.pointsDiscountCents - shipment.sellerFundedCents;
  const steps = [
    { label: "Paid", at: shipment.order.paidAt },
    { label: "Processing", at: shipment.processingAt },
    { label: "Shipped", at: shipment.shippedAt },
    { label: "Delivered", at: shipment.deliveredAt },
    ...(shipment.cancelledAt ? [{ label: "Cancelled", at: shipment.cancelledAt }] : []),
  ];

  return (
    <>
      <Link href="/orders" className="text-sm font-medium text-brand-700 hover:underline">
        ← Orders
      </Link>
      <PageHeader
        title={`Order #${shipment.order.number}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ShipmentStatusBadge status={shipment.status} />
            {shipment.order.paidAt ? <span>Paid {dateFormat.format(shipment.order.paidAt)} UTC</span> : null}
          </span>
        }
        actions={
          shipment.status !== "CANCELLED" ? (
            <Link href={`/orders/${shipment.id}/packing-slip`} className={buttonClasses("secondary")}>
              Packing slip
            </Link>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        {/* min-w-0: the items table scrolls in its own box on a phone instead of widening the page. */}
        <div className="min-w-0 space-y-6">
          {shipment.status === "CANCELLED" ? (
            <Alert tone="danger" title="Cancelled: do not ship">
              The buyer cancelled this order{shipment.cancelledAt ? ` on ${dateFormat.format(shipment.cancelledAt)} UTC` : ""} and was refunded
              {shipment.refundedCents ? ` ${money(shipment.refundedCents)}` : ""}. The units went back into your stock.
            </Alert>
          ) : null}
          <ShipmentActions shipment={{ id: shipment.id, status: shipment.status, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber }} />
          <Card aria-labelledby="items-heading">
            <CardHeader
              title={<span id="items-heading">Items</span>}
              actions={
                shipment.status !== "CANCELLED" && refundableCents > 0 ? (
                  <RefundItemsButton
                    orderId={shipment.order.id}
                    orderNumber={shipment.order.number}
                    shipmentId={shipment.id}
                    currency={shipment.order.currency}
                    items={shipment.items}
                    shippingCents={shipment.shippingCents}
                    refundableCents={refundableCents}
                    shipped={shipment.status === "SHIPPED" || shipment.status === "DELIVERED"}
                    limitCents={refundLimit.limitCents}
                  />
                ) : null
              }
            />
            <Table caption="Items in this shipment" className="border-0">
              <THead>
                <tr>
                  <Th>Product</Th>
                  <Th>SKU</Th>
                  <Th className="text-right">Qty</Th>
                  <Th className="text-right">Price</Th>
                  <Th className="text-right">Subtotal</Th>
                </tr>
              </THead>
              <TBody>
                {shipment.items.map((item) => (
                  <tr key={item.id}>
                    <Td>{item.name}</Td>
                    <Td className="font-mono text-xs">{item.sku}</Td>
                    <Td className="text-right tabular-nums">{item.quantity}</Td>
                    <Td className="text-right tabular-nums">{money(item.unitPriceCents)}</Td>
                    <Td className="text-right tabular-nums">{money(item.subtotalCents)}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
            <CardBody>
              <dl className="ml-auto max-w-xs space-y-1 text-sm">
                <Row label="Items" value={money(shipment.subtotalCents)} />
                {discounts.map((line) => (
                  <Row key={line.kind} label={sellerDiscountLabel(line)} value={`−${money(-line.cents)}`} />
                ))}
                <Row label="Shipping" value={money(shipment.shippingCents)} />
                {shipment.taxCents ? <Row label="Tax" value={money(shipment.taxCents)} /> : null}
                <Row label={bazaarPays > 0 ? "Buyer paid" : "Total"} value={money(shipment.totalCents)} strong={bazaarPays === 0} />
                {bazaarPays > 0 ? (
                  <>
                    <Row label="Paid by Bazaar for the buyer" value={`+${money(bazaarPays)}`} />
                    <Row label="Your sale" value={money(shipment.totalCents + bazaarPays)} strong />
                  </>
                ) : null}
                {shipment.sellerFundedCents > 0 ? (
                  <Row label="Tier benefits you co-funded (in the discounts above)" value={money(shipment.sellerFundedCents)} />
                ) : null}
                {shipment.refundedCents ? <Row label="Refunded" value={`−${money(shipment.refundedCents)}`} /> : null}
              </dl>
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <Card aria-labelledby="ship-to-heading">
            <CardHeader title={<span id="ship-to-heading">Ship to</span>} />
            <CardBody>
              <address className="text-sm leading-6 not-italic text-slate-800">
                {addressLines(shipment.order.shippingAddress).map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
              </address>
            </CardBody>
          </Card>
          <Card aria-labelledby="timeline-heading">
            <CardHeader title={<span id="timeline-heading">Timeline</span>} />
            <CardBody>
              <ol className="space-y-2 text-sm">
                {steps.map((step) => (
                  <li key={step.label} className="flex justify-between gap-3">
                    <span className={step.at ? "font-medium text-slate-900" : "text-slate-500"}>{step.label}</span>
                    <span className="text-right text-slate-600">{step.at ? dateFormat.format(step.at) : "—"}</span>
                  </li>
                ))}
              </ol>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-4 ${strong ? "border-t border-slate-200 pt-1 font-semibold text-slate-900" : "text-slate-600"}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}
