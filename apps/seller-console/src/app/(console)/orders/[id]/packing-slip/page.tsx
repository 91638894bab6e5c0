import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "~/components/print-button";
import { getSellerAccess } from "~/server/access";
import { orNotFound } from "~/server/not-found";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Packing slip" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** One A4/Letter page to put in the parcel: no prices (it may be a gift), nothing of the console around it when printed. */
export default async function PackingSlipPage({ params }: { params: Promise<{ id: string }> }) {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const { id } = await params;
  const slip = await orNotFound(api.seller.packingSlip({ shipmentId: id }));
  const { shipTo } = slip;
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/orders/${slip.shipmentId}`} className="text-sm font-medium text-brand-700 hover:underline">
          ← Order #{slip.order.number}
        </Link>
        <PrintButton />
      </div>
      <article
        className="rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200 sm:p-10 print:rounded-none print:p-0 print:shadow-none print:ring-0"
        data-testid="packing-slip"
      >
        <header className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-300 pb-6">
          <div>
            <p className="text-xl font-bold text-slate-900">{slip.shop.shopName}</p>
            <p className="text-sm text-slate-600">{slip.shop.contactEmail}</p>
            <p className="mt-1 text-xs text-slate-500">Sold on Bazaar</p>
          </div>
          <div className="text-right">
            <h1 className="text-2xl font-bold tracking-tight text-slate-900">Packing slip</h1>
            <p className="text-sm text-slate-700">Order #{slip.order.number}</p>
            <p className="text-sm text-slate-600">{dateFormat.format(slip.order.placedAt)}</p>
          </div>
        </header>
        <section className="grid gap-6 py-6 sm:grid-cols-2 print:grid-cols-2" aria-label="Addresses">
          <div>
            <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Ship to</h2>
            <address className="mt-2 text-base leading-6 not-italic text-slate-900">
              <span className="block font-semibold">{shipTo.fullName}</span>
              <span className="block">{shipTo.line1}</span>
              {shipTo.line2 ? <span className="block">{shipTo.line2}</span> : null}
              <span className="block">
                {[shipTo.postalCode, shipTo.city].filter(Boolean).join(" ")}
                {shipTo.region ? `, ${shipTo.region}` : ""}
              </span>
              <span className="block">{shipTo.country}</span>
              {shipTo.phone ? <span className="block text-sm text-slate-600">{shipTo.phone}</span> : null}
            </address>
          </div>
          {slip.trackingNumber ? (
            <div>
              <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Shipped with</h2>
              <p className="mt-2 text-base text-slate-900">
                {slip.carrier} <span className="font-mono">{slip.trackingNumber}</span>
              </p>
            </div>
          ) : null}
        </section>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Items to pack</caption>
          <thead>
            <tr className="border-y border-slate-300 text-left text-xs tracking-wide text-slate-600 uppercase">
              <th scope="col" className="w-12 py-2 pr-2">
                <span className="sr-only">Packed</span>
              </th>
              <th scope="col" className="py-2 pr-4">
                Item
              </th>
              <th scope="col" className="py-2 pr-4">
                SKU
              </th>
              <th scope="col" className="py-2 text-right">
                Qty
              </th>
            </tr>
          </thead>
          <tbody>
            {slip.items.map((item) => (
              <tr key={item.sku} className="border-b border-slate-200 break-inside-avoid">
                <td className="py-3 pr-2 align-top">
                  <span aria-hidden className="inline-block size-4 rounded-sm border border-slate-500" />
                </td>
                <td className="py-3 pr-4 align-top text-slate-900">{item.name}</td>
                <td className="py-3 pr-4 align-top font-mono text-xs text-slate-700">{item.sku}</td>
                <td className="py-3 text-right align-top text-base font-semibold tabular-nums">{item.quantity}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3} className="pt-3 text-right text-sm text-slate-600">
                Units in this parcel
              </td>
              <td className="pt-3 text-right text-base font-semibold tabular-nums">{slip.totalUnits}</td>
            </tr>
          </tfoot>
        </table>
        <footer className="mt-10 border-t border-slate-200 pt-4 text-sm text-slate-600">
          Thank you for shopping with {slip.shop.shopName}. Questions about your order? Write to {slip.shop.contactEmail}.
        </footer>
      </article>
    </div>
  );
}
