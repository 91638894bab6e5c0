import type { Metadata } from "next";
import Link from "next/link";
import {
  Alert,
  Badge,
  buttonClasses,
  Card,
  CardBody,
  CardHeader,
  DisputesTable,
  EmptyState,
  formatMoney,
  PageHeader,
  Table,
  TBody,
  Td,
  Th,
  THead,
  type BadgeTone,
} from "@bazaar/ui";
import { StatCard } from "@bazaar/ui/stat-card";
import { ConnectPayoutsButton } from "~/components/connect-payouts-button";
import { PayoutForm } from "~/components/payout-form";
import { getSellerAccess } from "~/server/access";
import { api } from "~/trpc/server";
import type { LedgerTransactionKind, PayoutStatus } from "@bazaar/db/enums";

export const metadata: Metadata = { title: "Money" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const payoutTone: Record<PayoutStatus, BadgeTone> = { REQUESTED: "info", PROCESSING: "info", PAID: "success", FAILED: "danger", REVERSED: "danger" };
const kindLabel: Record<LedgerTransactionKind, string> = {
  PAYMENT_SPLIT: "Sale",
  REFUND: "Refund",
  PAYOUT: "Payout",
  ADJUSTMENT: "Adjustment",
  FUNDS_RELEASE: "Hold ended",
  DISPUTE: "Dispute",
  LOYALTY: "Loyalty points",
};

export default async function MoneyPage({ searchParams }: { searchParams: Promise<{ currency?: string; entries?: string; sales?: string }> }) {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const params = await searchParams;
  const balances = await api.ledger.balance();
  const currency = balances.find((b) => b.currency === params.currency?.toUpperCase())?.currency ?? balances[0]?.currency ?? "USD";
  const balance = balances.find((b) => b.currency === currency) ?? { currency, availableCents: 0, pendingCents: 0, paidOutCents: 0 };
  const [entries, sales, payouts, onboarding, pending, disputes] = await Promise.all([
    api.ledger.entries({ currency, cursor: params.entries || undefined, limit: 25 }),
    api.seller.sales({ currency, cursor: params.sales || undefined, limit: 10 }),
    api.ledger.payouts({ limit: 20 }),
    api.seller.onboarding(),
    api.ledger.pending(),
    api.ledger.disputes(),
  ]);
  const money = (cents: number) => formatMoney(cents, currency);
  const link = (extra: Record<string, string>) => `/money?${new URLSearchParams({ currency, ...extra }).toString()}`;

  return (
    <>
      <PageHeader
        title="Money"
        description="What Bazaar owes you, how each sale added to it, and your payouts."
        actions={
          <a href={`/api/export/ledger?currency=${currency}`} download className={buttonClasses("secondary")}>
            Export CSV
          </a>
        }
      />
      {balances.length > 1 ? (
        <nav aria-label="Currency" className="mb-4 flex gap-2">
          {balances.map((b) => (
            <Link
              key={b.currency}
              href={`/money?currency=${b.currency}`}
              aria-current={b.currency === currency ? "page" : undefined}
              className={buttonClasses(b.currency === currency ? "primary" : "secondary", "sm")}
            >
              {b.currency}
            </Link>
          ))}
        </nav>
      ) : null}

      {balance.availableCents < 0 ? (
        <Alert tone="danger" className="mb-4">
          Your balance is {money(balance.availableCents)}: a refund or dispute took back money already paid out to you. Your next sales pay it back first;
          payouts resume once your balance is above zero.
        </Alert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[1fr_1fr_1fr_1.3fr]">
        <StatCard testId="money-available" label="Available balance" value={money(balance.availableCents)} detail="Yours to pay out" />
        <StatCard testId="money-pending" label="Pending" value={money(balance.pendingCents)} detail="In the payout hold after delivery" />
        <StatCard testId="money-paid-out" label="Paid out so far" value={money(balance.paidOutCents)} />
        <Card>
          <CardHeader as="h2" title="Request a payout" />
          <CardBody>
            <PayoutForm currency={currency} availableCents={balance.availableCents} />
          </CardBody>
        </Card>
      </div>

      {onboarding.stripe.configured ? (
        <Card className="mt-6">
          <CardHeader
            title="Payouts through Stripe"
            description={
              onboarding.stripe.accountId
                ? `Connected account ${onboarding.stripe.accountId}. Update your bank or identity details at Stripe.`
                : "Connect a Stripe account so payouts reach your bank. Stripe asks for your identity and bank details."
            }
            actions={<ConnectPayoutsButton returnPath="/money" label={onboarding.stripe.accountId ? "Open Stripe onboarding" : "Set up payouts with Stripe"} />}
          />
        </Card>
      ) : null}

      <section className="mt-8" aria-labelledby="pending-heading">
        <h2 id="pending-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Pending funds
        </h2>
        {pending.length === 0 ? (
          <EmptyState
            title="Nothing pending"
            description="Each sale waits here until its payout hold ends (days after delivery), then joins your available balance."
          />
        ) : (
          <Table caption="Sales in their payout hold">
            <THead>
              <tr>
                <Th>Order</Th>
                <Th>Status</Th>
                <Th className="text-right">Amount</Th>
                <Th>Available from</Th>
              </tr>
            </THead>
            <TBody>
              {pending.map((row) => (
                <tr key={row.shipmentId} data-testid="pending-row">
                  <Td>
                    <Link href={`/orders/${row.shipmentId}`} className="font-medium text-brand-700 hover:underline">
                      #{row.orderNumber}
                    </Link>
                  </Td>
                  <Td className="text-slate-600">{row.status.toLowerCase()}</Td>
                  <Td className="text-right tabular-nums">{formatMoney(row.pendingCents, row.currency)}</Td>
                  <Td className="whitespace-nowrap text-slate-600">{row.availableAt ? dayFormat.format(row.availableAt) : "Once shipped"}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      {disputes.length > 0 ? (
        <section className="mt-8" aria-labelledby="disputes-heading">
          <h2 id="disputes-heading" className="mb-3 text-lg font-semibold text-slate-900">
            Disputes
          </h2>
          <DisputesTable caption="Disputes on your sales" rows={disputes} amount={{ label: "Your share held", cents: (d) => d.yourShareCents }} />
        </section>
      ) : null}

      <section className="mt-8" aria-labelledby="sales-heading">
        <h2 id="sales-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Sales and commission
        </h2>
        {sales.items.length === 0 ? (
          <EmptyState title="No sales yet" description="Each paid order shows here with Bazaar's commission and what reached your balance." />
        ) : (
          <>
            <Table caption="Sales with commission">
              <THead>
                <tr>
                  <Th>Order</Th>
                  <Th>Paid</Th>
                  <Th className="text-right">Buyer paid</Th>
                  <Th className="text-right">Commission</Th>
                  <Th className="text-right">Refunded</Th>
                  <Th className="text-right">To your balance</Th>
                </tr>
              </THead>
              <TBody>
                {sales.items.map((sale) => (
                  <tr key={sale.shipmentId} data-testid="sale-row">
                    <Td>
                      <Link href={`/orders/${sale.shipmentId}`} className="font-medium text-brand-700 hover:underline">
                        #{sale.orderNumber}
                      </Link>
                    </Td>
                    <Td className="whitespace-nowrap text-slate-600">{dateFormat.format(sale.paidAt)}</Td>
                    <Td className="text-right tabular-nums">{money(sale.grossCents)}</Td>
                    <Td className="text-right tabular-nums">{sale.settled ? money(sale.commissionCents) : <span className="text-slate-500">pending</span>}</Td>
                    <Td className="text-right tabular-nums">{sale.refundedCents ? money(sale.refundedCents) : "—"}</Td>
                    <Td className="text-right font-medium tabular-nums">
                      {sale.settled ? money(sale.netCents) : <span className="font-normal text-slate-500">pending</span>}
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
            {sales.nextCursor || params.sales ? (
              <nav aria-label="Sales pages" className="mt-3 flex justify-between text-sm">
                {params.sales ? (
                  <Link href={link({})} className="font-medium text-brand-700 hover:underline">
                    ← Newest
                  </Link>
                ) : (
                  <span />
                )}
                {sales.nextCursor ? (
                  <Link href={link({ sales: sales.nextCursor })} className="font-medium text-brand-700 hover:underline">
                    Older →
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </section>

      <section className="mt-8" aria-labelledby="entries-heading">
        <h2 id="entries-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Balance history
        </h2>
        {entries.items.length === 0 ? (
          <EmptyState title="No entries yet" description="Every sale, refund and payout adds an entry to your balance." />
        ) : (
          <>
            <Table caption="Entries of your balance, newest first, with the balance after each">
              <THead>
                <tr>
                  <Th>Date</Th>
                  <Th>Type</Th>
                  <Th>Description</Th>
                  <Th className="text-right">Amount</Th>
                  <Th className="text-right">Balance</Th>
                </tr>
              </THead>
              <TBody>
                {entries.items.map((entry) => (
                  <tr key={entry.id} data-testid="ledger-row">
                    <Td className="whitespace-nowrap text-slate-600">{dateFormat.format(entry.createdAt)}</Td>
                    <Td>{kindLabel[entry.kind] ?? entry.kind}</Td>
                    <Td className="min-w-48">{entry.description}</Td>
                    <Td className={`text-right whitespace-nowrap tabular-nums ${entry.direction === "CREDIT" ? "text-emerald-700" : "text-slate-900"}`}>
                      {entry.direction === "CREDIT" ? "+" : "−"}
                      {money(entry.amountCents)}
                    </Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{money(entry.balanceCents)}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
            {entries.nextCursor || params.entries ? (
              <nav aria-label="Balance history pages" className="mt-3 flex justify-between text-sm">
                {params.entries ? (
                  <Link href={link({})} className="font-medium text-brand-700 hover:underline">
                    ← Newest
                  </Link>
                ) : (
                  <span />
                )}
                {entries.nextCursor ? (
                  <Link href={link({ entries: entries.nextCursor })} className="font-medium text-brand-700 hover:underline">
                    Older →
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </section>

      <section className="mt-8 scroll-mt-4" id="payouts" aria-labelledby="payouts-heading">
        <h2 id="payouts-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Payouts
        </h2>
        {payouts.items.length === 0 ? (
          <EmptyState title="No payouts yet" description="Request one above once you have a balance." />
        ) : (
          <Table caption="Your payout requests">
            <THead>
              <tr>
                <Th>Requested</Th>
                <Th className="text-right">Amount</Th>
                <Th>Status</Th>
                <Th>Completed</Th>
              </tr>
            </THead>
            <TBody>
              {payouts.items.map((p) => (
                <tr key={p.id} data-testid="payout-row">
                  <Td className="whitespace-nowrap text-slate-600">{dateFormat.format(p.requestedAt)}</Td>
                  <Td className="text-right tabular-nums">{formatMoney(p.amountCents, p.currency)}</Td>
                  <Td>
                    <Badge tone={payoutTone[p.status] ?? "neutral"}>{p.status.toLowerCase()}</Badge>
                    {p.failureReason ? <p className="mt-1 text-xs text-red-700">{p.failureReason}</p> : null}
                    {p.waitingReason ? <p className="mt-1 text-xs text-amber-800">{p.waitingReason}</p> : null}
                  </Td>
                  <Td className="whitespace-nowrap text-slate-600">{p.completedAt ? dateFormat.format(p.completedAt) : "—"}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
