import type { Metadata } from "next";
import Link from "next/link";
import { Badge, EmptyState, formatMoney, PageHeader, Table, TBody, Td, Th, THead, type BadgeTone } from "@bazaar/ui";
import type { DisputeStatus } from "@bazaar/db/enums";
import { DisputeEvidenceForm } from "~/components/dispute-evidence-form";
import { MoneyTabs } from "~/components/money-tabs";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Disputes and debts" };

const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const tone: Record<DisputeStatus, BadgeTone> = { OPEN: "warning", WON: "success", LOST: "danger" };

export default async function DisputesPage() {
  const [disputes, debts] = await Promise.all([api.admin.money.disputes(), api.admin.money.sellersInDebt()]);
  return (
    <>
      <PageHeader title="Money" description="Chargebacks waiting for evidence, and sellers whose balance is below zero." />
      <MoneyTabs current="/money/disputes" />
      <section aria-labelledby="disputes-heading" className="mb-8">
        <h2 id="disputes-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Disputes
        </h2>
        {disputes.length === 0 ? (
          <EmptyState title="No disputes" description="When a buyer's bank disputes a payment, it shows here with its evidence deadline." />
        ) : (
          <Table caption="Disputes, open first">
            <THead>
              <tr>
                <Th>Order</Th>
                <Th>Status</Th>
                <Th>Reason</Th>
                <Th className="text-right">Amount</Th>
                <Th>Evidence due</Th>
                <Th>Answer</Th>
              </tr>
            </THead>
            <TBody>
              {disputes.map((d) => (
                <tr key={d.id} data-testid="dispute-row">
                  <Td>
                    <Link href={`/orders/${d.order.id}`} className="font-medium text-brand-700 hover:underline">
                      #{d.order.number}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone={tone[d.status]}>{d.status.toLowerCase()}</Badge>
                  </Td>
                  <Td className="text-slate-600">{d.reason.replaceAll("_", " ")}</Td>
                  <Td className="text-right tabular-nums">{formatMoney(d.amountCents, d.currency)}</Td>
                  <Td className="whitespace-nowrap text-slate-600">{d.evidenceDueBy ? dayFormat.format(d.evidenceDueBy) : "—"}</Td>
                  <Td className="min-w-64">{d.status === "OPEN" ? <DisputeEvidenceForm disputeId={d.id} orderNumber={d.order.number} /> : null}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
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
