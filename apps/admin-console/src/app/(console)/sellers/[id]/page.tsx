import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, CardBody, CardHeader, EmptyState, formatMoney, PageHeader, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { CommissionForm } from "~/components/commission-form";
import { SellerActions } from "~/components/seller-actions";
import { Facts } from "~/components/facts";
import { PayoutStatus, StatusBadge } from "~/components/status-badge";
import { formatBps, formatDate, formatDateTime, humanize } from "~/lib/format";
import { orNotFound } from "~/lib/not-found";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Shop" };

export default async function SellerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { seller, productsByStatus, unlistedProducts, ledgerAccounts, commission } = await orNotFound(api.admin.sellers.get({ sellerId: id }));
  const kindLabel: Record<string, string> = {
    SELLER_PAYABLE: "Balance (payable)",
    SELLER_PAYOUTS: "Paid out",
  };

  return (
    <>
      <PageHeader
        back={{ href: "/sellers", label: "Sellers" }}
        title={seller.shopName}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={seller.status} /> /{seller.slug} · applied {formatDate(seller.createdAt)}
          </span>
        }
        actions={<SellerActions sellerId={seller.id} shopName={seller.shopName} status={seller.status} size="md" />}
      />
      {seller.statusReason ? (
        <Alert
          tone={seller.status === "SUSPENDED" || seller.status === "REJECTED" ? "warning" : "info"}
          title={`Reason given (${humanize(seller.status)})`}
          className="mb-6"
        >
          {seller.statusReason}
        </Alert>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Shop" />
          <CardBody>
            <Facts
              items={[
                {
                  label: "Owner",
                  value: `${seller.user.name ?? "—"} · ${seller.user.email}`,
                },
                {
                  label: "Owner's account",
                  value: <StatusBadge status={seller.user.status} />,
                },
                { label: "Contact email", value: seller.contactEmail },
                { label: "Approved", value: formatDateTime(seller.approvedAt) },
                {
                  label: "Suspended",
                  value: formatDateTime(seller.suspendedAt),
                },
                {
                  label: "Shipping",
                  value: `${formatMoney(seller.shippingFlatCents, "USD")} flat${seller.freeShippingOverCents !== null ? `, free over ${formatMoney(seller.freeShippingOverCents, "USD")}` : ""}`,
                },
                {
                  label: "Stripe account",
                  value: seller.stripeAccountId ?? "Not connected (payouts are simulated)",
                },
                { label: "Description", value: seller.description ?? "—" },
              ]}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Commission"
            description={`Now ${formatBps(commission.effectiveBps)}${commission.overrideBps === null ? " (platform default)" : " (override)"}.`}
          />
          <CardBody>
            <CommissionForm sellerId={seller.id} overrideBps={commission.overrideBps} defaultBps={commission.defaultBps} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Catalogue"
            actions={
              <Link className="text-sm text-brand-700 hover:underline" href={`/catalog?sellerId=${seller.id}`}>
                Moderate products
              </Link>
            }
          />
          <CardBody>
            <Facts
              items={[
                { label: "Active", value: productsByStatus.ACTIVE ?? 0 },
                { label: "Drafts", value: productsByStatus.DRAFT ?? 0 },
                { label: "Archived", value: productsByStatus.ARCHIVED ?? 0 },
                { label: "Unlisted by Bazaar", value: unlistedProducts },
              ]}
            />
            <p className="mt-3 text-sm">
              <Link className="text-brand-700 hover:underline" href={`/orders?sellerId=${seller.id}`}>
                Orders with this shop
              </Link>
            </p>
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Money" description="The shop's ledger accounts and latest payouts." />
          <CardBody className="space-y-4">
            {ledgerAccounts.length === 0 ? (
              <p className="text-sm text-slate-600">No ledger accounts yet: they are created when the shop is approved.</p>
            ) : (
              <Facts
                items={ledgerAccounts.map((a) => ({
                  label: `${kindLabel[a.kind] ?? humanize(a.kind)} · ${a.currency}`,
                  value: formatMoney(a.balanceCents, a.currency),
                }))}
              />
            )}
            {seller.payouts.length === 0 ? (
              <EmptyState title="No payouts yet" />
            ) : (
              <Table caption="Latest payouts">
                <THead>
                  <tr>
                    <Th>Requested</Th>
                    <Th>Status</Th>
                    <Th className="text-right">Amount</Th>
                  </tr>
                </THead>
                <TBody>
                  {seller.payouts.map((p) => (
                    <tr key={p.id}>
                      <Td>{formatDateTime(p.requestedAt)}</Td>
                      <Td>
                        <PayoutStatus payout={p} />
                      </Td>
                      <Td className="text-right tabular-nums">{formatMoney(p.amountCents, p.currency)}</Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
