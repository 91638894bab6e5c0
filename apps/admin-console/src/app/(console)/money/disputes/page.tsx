import type { Metadata } from "next";
import Link from "next/link";
import { DisputesTable, EmptyState, formatMoney, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { DisputeEvidenceForm } from "~/components/dispute-evidence-form";
import { MoneyHeader } from "~/components/money-tabs";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Disputes and debts" };

export default async function DisputesPage() {
  const [disputes, debts] = await Promise.all([api.admin.money.disputes(), api.admin.money.sellersInDebt()]);
  return (
    <>
      <MoneyHeader current="/money/disputes" description="Chargebacks waiting for evidence, and sellers whose balance is below zero." />
      <section aria-labelledby="disputes-heading" className="mb-8">
        <h2 id="disputes-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Disputes
        </h2>
        {disputes.length === 0 ? (
          <EmptyState title="No disputes" description="When a buyer's bank disputes a payment, it shows here with its evidence deadline." />
        ) : (
          <DisputesTable
            caption="Disputes, open first"
            rows={disputes}
            amount={{ label: "Amount", cents: (d) => d.amountCents }}
            orderHref={(d) => `/orders/${d.order.id}`}
            extra={{ label: "Answer", cell: (d) => (d.status === "OPEN" ? <DisputeEvidenceForm disputeId={d.id} orderNumber={d.order.number} /> : null) }}
          />
        )}
      </section>
      <section aria-labelledby="debts-heading">
        <h2 id="debts-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Sellers in debt
        </h2>
        {debts.length === 0 ? (
          <EmptyState
            title="No seller owes Bazaar"
            description="A refund or dispute after a payout can take a seller's balance below zero; they show here until their sales pay it back."
          />
        ) : (
          <Table caption="Sellers whose balance is below zero">
            <THead>
              <tr>
                <Th>Shop</Th>
                <Th className="text-right">Balance</Th>
                <Th className="text-right">Pending (pays it down)</Th>
              </tr>
            </THead>
            <TBody>
              {debts.map((s) => (
                <tr key={`${s.sellerId}-${s.currency}`} data-testid="debt-row">
                  <Td>
                    <Link href={`/sellers/${s.sellerId}`} className="font-medium text-brand-700 hover:underline">
                      {s.shopName}
                    </Link>
                  </Td>
                  <Td className="text-right font-semibold tabular-nums text-red-700">{formatMoney(s.balanceCents, s.currency)}</Td>
                  <Td className="text-right tabular-nums">{formatMoney(s.pendingCents, s.currency)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
