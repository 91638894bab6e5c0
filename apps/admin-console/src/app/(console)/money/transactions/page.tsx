import type { Metadata } from "next";
import Link from "next/link";
import { CursorPager, EmptyState, FilterBar, formatMoney, Input, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { MoneyHeader } from "~/components/money-tabs";
import { formatDateTime, humanize } from "~/lib/format";
import { cursorPages, param, type SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Ledger transactions" };

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const orderId = param(params, "orderId");
  const result = await api.ledger.transactions({
    orderId,
    cursor: param(params, "cursor"),
    limit: 25,
  });

  return (
    <>
      <MoneyHeader current="/money/transactions" />
      <FilterBar path="/money/transactions" label="Filter transactions" active={Boolean(orderId)}>
        <Input label="Order id" name="orderId" defaultValue={orderId} containerClassName="sm:col-span-2" />
      </FilterBar>
      {result.items.length === 0 ? (
        <EmptyState title="No transactions" description={orderId ? "Nothing booked for that order." : "The first payment split will appear here."} />
      ) : (
        <div className="space-y-4">
          {result.items.map((tx) => {
            const debits = tx.entries.filter((e) => e.direction === "DEBIT").reduce((s, e) => s + e.amountCents, 0);
            const credits = tx.entries.filter((e) => e.direction === "CREDIT").reduce((s, e) => s + e.amountCents, 0);
            return (
              <Table key={tx.id} caption={`${humanize(tx.kind)}: ${tx.description}`}>
                <THead>
                  <tr>
                    <Th className="normal-case">
                      <span className="uppercase">{humanize(tx.kind)}</span> · {formatDateTime(tx.createdAt)}
                      <div className="font-normal tracking-normal text-slate-500">
                        {tx.description}
                        {tx.orderId ? (
                          <>
                            {" · "}
                            <Link href={`/orders/${tx.orderId}`} className="text-brand-700 underline underline-offset-2">
                              order
                            </Link>
                          </>
                        ) : null}
                      </div>
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
                      <Td className="text-right tabular-nums">{e.direction === "DEBIT" ? formatMoney(e.amountCents, tx.currency) : ""}</Td>
                      <Td className="text-right tabular-nums">{e.direction === "CREDIT" ? formatMoney(e.amountCents, tx.currency) : ""}</Td>
                    </tr>
                  ))}
                  <tr className="bg-slate-50 font-medium">
                    <Td>{debits === credits ? "Balanced" : "NOT BALANCED"}</Td>
                    <Td className="text-right tabular-nums">{formatMoney(debits, tx.currency)}</Td>
                    <Td className="text-right tabular-nums">{formatMoney(credits, tx.currency)}</Td>
                  </tr>
                </TBody>
              </Table>
            );
          })}
        </div>
      )}
      <CursorPager {...cursorPages("Transactions", "/money/transactions", params, result.nextCursor)} />
    </>
  );
}
