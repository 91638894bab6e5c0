import type { Metadata } from "next";
import Link from "next/link";
import { Alert, EmptyState, formatMoney, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { MoneyHeader } from "~/components/money-tabs";
import { humanize } from "~/lib/format";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Trial balance" };

export default async function TrialBalancePage() {
  const [trial, accounts] = await Promise.all([api.ledger.trialBalance(), api.admin.money.accounts()]);
  const transactionCount = trial.unbalancedTransactions.length;
  return (
    <>
      <MoneyHeader current="/money" />
      <section aria-labelledby="proof" className="mb-6 space-y-3" data-testid="trial-balance">
        <h2 id="proof" className="sr-only">
          Proof
        </h2>
        {trial.balanced ? (
          <Alert tone="success" title="The books balance">
            Every transaction&apos;s debits equal its credits, and the balances of all accounts sum to zero in every currency.
          </Alert>
        ) : (
          <Alert tone="danger" title="The books do not balance">
            {transactionCount > 0 ? `${transactionCount} transaction(s) have debits that differ from their credits. ` : ""}
            {trial.totals.filter((t) => t.balanceCents !== 0).map((t) => `${t.currency} balances sum to ${formatMoney(t.balanceCents, t.currency)}. `)}
          </Alert>
        )}
        <Table caption="Totals per currency">
          <THead>
            <tr>
              <Th>Currency</Th>
              <Th className="text-right">Debits</Th>
              <Th className="text-right">Credits</Th>
              <Th className="text-right">Sum of balances</Th>
            </tr>
          </THead>
          <TBody>
            {trial.totals.map((t) => (
              <tr key={t.currency}>
                <Td>{t.currency}</Td>
                <Td className="text-right tabular-nums">{formatMoney(t.debitsCents, t.currency)}</Td>
                <Td className="text-right tabular-nums">{formatMoney(t.creditsCents, t.currency)}</Td>
                <Td className="text-right font-semibold tabular-nums" data-testid={`sum-${t.currency}`}>
                  {formatMoney(t.balanceCents, t.currency)}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
        {trial.unbalancedTransactions.length > 0 ? (
          <Table caption="Unbalanced transactions">
            <THead>
              <tr>
                <Th>Transaction</Th>
                <Th className="text-right">Debits</Th>
                <Th className="text-right">Credits</Th>
              </tr>
            </THead>
            <TBody>
              {trial.unbalancedTransactions.map((u) => (
                <tr key={u.id}>
                  <Td>{u.id}</Td>
                  <Td className="text-right tabular-nums">{u.debitsCents}</Td>
                  <Td className="text-right tabular-nums">{u.creditsCents}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        ) : null}
      </section>

      <section aria-labelledby="accounts">
        <h2 id="accounts" className="mb-3 text-lg font-semibold text-slate-900">
          Accounts
        </h2>
        {accounts.length === 0 ? (
          <EmptyState title="No ledger accounts yet" description="They are created when a shop is approved and when the first payment is split." />
        ) : (
          <Table caption="Ledger accounts with balances (credits minus debits)">
            <THead>
              <tr>
                <Th>Account</Th>
                <Th>Kind</Th>
                <Th className="text-right">Debits</Th>
                <Th className="text-right">Credits</Th>
                <Th className="text-right">Balance</Th>
              </tr>
            </THead>
            <TBody>
              {accounts.map((a) => (
                <tr key={a.id}>
                  <Td className="min-w-56">
                    <Link href={`/money/accounts/${a.id}`} className="font-medium text-brand-700 hover:underline">
                      {a.shopName ? `${a.shopName}: ${a.name}` : a.name}
                    </Link>
                    <div className="text-xs break-all text-slate-500">{a.code}</div>
                  </Td>
                  <Td className="whitespace-nowrap">{humanize(a.kind)}</Td>
                  <Td className="text-right tabular-nums">{formatMoney(a.debitsCents, a.currency)}</Td>
                  <Td className="text-right tabular-nums">{formatMoney(a.creditsCents, a.currency)}</Td>
                  <Td className="text-right font-medium tabular-nums">{formatMoney(a.balanceCents, a.currency)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
