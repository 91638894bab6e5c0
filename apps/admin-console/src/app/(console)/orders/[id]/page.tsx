import type { Metadata } from "next";
import { discountLines } from "@bazaar/api/domain/orders/discount-lines";
import Link from "next/link";
import { Card, CardBody, CardHeader, formatMoney, PageHeader, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { RefundButton, RefundItemsButton } from "~/components/refund-actions";
import { Facts } from "~/components/facts";
import { StatusBadge } from "~/components/status-badge";
import { addressLines } from "~/lib/address";
import { formatDateTime, humanize } from "~/lib/format";
import { orNotFound } from "~/lib/not-found";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await orNotFound(api.admin.orders.get({ orderId: id }));
  const money = (cents: number) => formatMoney(cents, order.currency);
  const refundable = order.totalCents - order.refundedCents;
  const canRefund = order.paidAt !== null && refundable > 0;

  return (
    <>
      <PageHeader
        back={{ href: "/orders", label: "Orders" }}
        title={`Order #${order.number}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={order.status} /> placed {formatDateTime(order.createdAt)}
          </span>
        }
        actions={
          canRefund && order.shipments.length > 1 ? (
            <RefundButton orderId={order.id} orderNumber={order.number} refundableCents={refundable} currency={order.currency} />
          ) : null
        }
      />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader title="Buyer" />
          <CardBody className="space-y-3 text-sm">
            <p>
              {order.buyer ? (
                <>
                  <Link href={`/users?q=${encodeURIComponent(order.buyer.email)}`} className="text-brand-700 hover:underline">
                    {order.buyer.email}
                  </Link>
                  {order.buyer.name ? <span className="text-slate-600"> · {order.buyer.name}</span> : null}
                </>
              ) : (
                <>
                  {order.guestEmail} <span className="text-slate-600">· guest checkout</span>
                </>
              )}
            </p>
            <address className="text-slate-700 not-italic">
              {addressLines(order.shippingAddress).map((line) => (
                <div key={line}>{line}</div>
              ))}
            </address>
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Totals" />
          <CardBody>
            <Facts
              items={[
                { label: "Subtotal", value: money(order.subtotalCents) },
                {
                  label: `Discount${order.promoCode ? ` (${order.promoCode.code})` : ""}`,
                  value: order.discountCents ? `−${money(order.discountCents)}` : "—",
                },
                ...discountLines({ ...order, discountCents: 0, promoCode: null }).map((line) => ({
                  label: `${line.label} (paid by Bazaar)`,
                  value: `−${money(-line.cents)}`,
                })),
                { label: "Shipping", value: money(order.shippingCents) },
                { label: "Tax", value: money(order.taxCents) },
                {
                  label: "Total",
                  value: <strong>{money(order.totalCents)}</strong>,
                },
                {
                  label: "Refunded",
                  value: order.refundedCents ? money(order.refundedCents) : "—",
                },
                { label: "Paid", value: formatDateTime(order.paidAt) },
                {
                  label: "Cancelled",
                  value: order.cancelledAt ? `${formatDateTime(order.cancelledAt)}${order.cancelReason ? ` · ${order.cancelReason}` : ""}` : "—",
                },
              ]}
            />
          </CardBody>
        </Card>
      </div>

      <section aria-labelledby="parts" className="mt-8">
        <h2 id="parts" className="mb-3 text-lg font-semibold text-slate-900">
          Parts by shop
        </h2>
        <div className="space-y-4">
          {order.shipments.map((s) => {
            const partRefundable = s.totalCents - s.refundedCents;
            return (
              <Card key={s.id} data-testid={`part-${s.seller.slug}`}>
                <CardHeader
                  as="h3"
                  title={
                    <span className="inline-flex flex-wrap items-center gap-2">
                      <Link href={`/sellers/${s.seller.id}`} className="text-brand-700 hover:underline">
                        {s.seller.shopName}
                      </Link>
                      <StatusBadge status={s.status} />
                    </span>
                  }
                  description={`${money(s.totalCents)} incl. ${money(s.shippingCents)} shipping and ${money(s.taxCents)} tax${s.refundedCents ? ` · ${money(s.refundedCents)} refunded` : ""}${s.trackingNumber ? ` · ${s.carrier ?? "Carrier"} ${s.trackingNumber}` : ""}`}
                  actions={
                    order.paidAt && partRefundable > 0 ? (
                      <div className="flex flex-wrap gap-2">
                        <RefundItemsButton
                          orderId={order.id}
                          orderNumber={order.number}
                          currency={order.currency}
                          part={{
                            shipmentId: s.id,
                            shopName: s.seller.shopName,
                            items: s.items,
                            shippingCents: s.shippingCents,
                            refundableCents: partRefundable,
                            shipped: s.status === "SHIPPED" || s.status === "DELIVERED",
                          }}
                        />
                        <RefundButton
                          orderId={order.id}
                          orderNumber={order.number}
                          part={{
                            sellerId: s.seller.id,
                            shopName: s.seller.shopName,
                            refundableCents: partRefundable,
                            shipped: s.status === "SHIPPED" || s.status === "DELIVERED",
                          }}
                          refundableCents={partRefundable}
                          currency={order.currency}
                        />
                      </div>
                    ) : null
                  }
                />
                <CardBody className="space-y-3">
                  <Table caption={`Items from ${s.seller.shopName}`}>
                    <THead>
                      <tr>
                        <Th>Item</Th>
                        <Th className="text-right">Qty</Th>
                        <Th className="text-right">Unit</Th>
                        <Th className="text-right">Subtotal</Th>
                      </tr>
                    </THead>
                    <TBody>
                      {s.items.map((i) => (
                        <tr key={i.id}>
                          <Td>
                            {i.name}
                            <div className="text-xs text-slate-500">{i.sku}</div>
                          </Td>
                          <Td className="text-right tabular-nums">{i.quantity}</Td>
                          <Td className="text-right tabular-nums">{money(i.unitPriceCents)}</Td>
                          <Td className="text-right tabular-nums">{money(i.subtotalCents)}</Td>
                        </tr>
                      ))}
                    </TBody>
                  </Table>
                  {s.refunds.length > 0 ? (
                    <ul className="text-sm text-slate-700">
                      {s.refunds.map((r) => (
                        <li key={r.id}>
                          Refund of {money(r.amountCents)} · <StatusBadge status={r.status} /> · {formatDateTime(r.createdAt)}
                          {r.reason ? ` · ${r.reason}` : ""}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </CardBody>
              </Card>
            );
          })}
        </div>
      </section>

      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="payments">
          <h2 id="payments" className="mb-3 text-lg font-semibold text-slate-900">
            Payments
          </h2>
          <Table caption="Payments">
            <THead>
              <tr>
                <Th>Payment</Th>
                <Th>Status</Th>
                <Th className="text-right">Amount</Th>
              </tr>
            </THead>
            <TBody>
              {order.payments.map((p) => (
                <tr key={p.id}>
                  <Td>
                    {humanize(p.provider)}
                    <div className="text-xs break-all text-slate-500">{p.providerPaymentId ?? "—"}</div>
                    {p.capturedAt ? <div className="text-xs text-slate-500">Captured {formatDateTime(p.capturedAt)}</div> : null}
                    {p.failureMessage ? <div className="text-xs text-red-700">{p.failureMessage}</div> : null}
                  </Td>
                  <Td>
                    <StatusBadge status={p.status} />
                  </Td>
                  <Td className="text-right tabular-nums">
                    {money(p.amountCents)}
                    {p.refundedCents ? <div className="text-xs text-slate-500">−{money(p.refundedCents)} refunded</div> : null}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        </section>
        <section aria-labelledby="history">
          <h2 id="history" className="mb-3 text-lg font-semibold text-slate-900">
            History
          </h2>
          <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="order-history">
            {order.history.map((h) => (
              <li key={h.id} className="text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={h.status} />
                  {h.shopName ? <span className="text-slate-600">{h.shopName}</span> : null}
                  <time className="text-xs text-slate-500" dateTime={new Date(h.createdAt).toISOString()}>
                    {formatDateTime(h.createdAt)}
                  </time>
                </div>
                {h.note ? <p className="mt-1 text-slate-700">{h.note}</p> : null}
                {h.actorEmail ? <p className="text-xs text-slate-500">by {h.actorEmail}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>

      <section aria-labelledby="ledger" className="mt-8">
        <h2 id="ledger" className="mb-3 text-lg font-semibold text-slate-900">
          Ledger
        </h2>
        {order.ledger.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing booked yet (the split is written once the payment is captured).</p>
        ) : (
          <div className="space-y-4">
            {order.ledger.map((tx) => (
              <Table key={tx.id} caption={`${humanize(tx.kind)}: ${tx.description}`}>
                <THead>
                  <tr>
                    <Th>
                      {humanize(tx.kind)} · {formatDateTime(tx.createdAt)}
                    </Th>
                    <Th className="text-right">Debit</Th>
                    <Th className="text-right">Credit</Th>
                  </tr>
                </THead>
                <TBody>
                  {tx.entries.map((e) => (
                    <tr key={e.id}>
                      <Td>
                        <Link href={`/money/accounts/${e.account.id}`} className="text-brand-700 hover:underline">
                          {e.account.name}
                        </Link>
                        <div className="text-xs break-all text-slate-500">{e.account.code}</div>
                      </Td>
                      <Td className="text-right tabular-nums">{e.direction === "DEBIT" ? money(e.amountCents) : ""}</Td>
                      <Td className="text-right tabular-nums">{e.direction === "CREDIT" ? money(e.amountCents) : ""}</Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
