import type { Metadata } from "next";
import Link from "next/link";
import { CursorPager, EmptyState, formatMoney, PageHeader, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { Stat } from "@bazaar/ui/stat-card";
import { formatDateTime, humanize } from "~/lib/format";
import { cursorPages, param, type SearchParams } from "~/lib/search-params";
import { orNotFound } from "~/lib/not-found";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Ledger account" };

export default async function AccountPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const data = await orNotFound(api.admin.money.account({ accountId: id, cursor: param(query, "cursor") }));
  const { account } = data;
  const money = (cents: number) => formatMoney(cents, account.currency);

  return (
    <>
      <PageHeader
        back={{ href: "/money", label: "Trial balance" }}
        title={account.name}
        description={
          <>
            <span className="break-all">{account.code}</span> · {humanize(account.kind)}
            {account.seller ? (
              <>
                {" · "}
                <Link href={`/sellers/${account.seller.id}`} className="text-brand-700 hover:underline">
                  {account.seller.shopName}
                </Link>
              </>
            ) : null}
          </>
        }
      />
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Balance" value={money(data.balanceCents)} detail="Credits minus debits" />
        <Stat label="Debits" value={money(data.debitsCents)} />
        <Stat label="Credits" value={money(data.creditsCents)} />
        <Stat label="Entries" value={data.entryCount} />
      </dl>
      {data.items.length === 0 ? (
        <EmptyState title="No entries yet" />
      ) : (
        <Table caption="Entries, newest first, with the balance after each">
          <THead>
            <tr>
              <Th>When</Th>
              <Th>Transaction</Th>
              <Th className="text-right">Debit</Th>
              <Th className="text-right">Credit</Th>
              <Th className="text-right">Balance after</Th>
            </tr>
          </THead>
          <TBody>
            {data.items.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap">{formatDateTime(e.createdAt)}</Td>
                <Td>
                  {humanize(e.kind)} · {e.description}
                  {e.orderId ? (
                    <div className="text-xs">
                      <Link href={`/orders/${e.orderId}`} className="text-brand-700 hover:underline">
                        Order
                      </Link>
                    </div>
                  ) : null}
                </Td>
                <Td className="text-right tabular-nums">{e.direction === "DEBIT" ? money(e.amountCents) : ""}</Td>
                <Td className="text-right tabular-nums">{e.direction === "CREDIT" ? money(e.amountCents) : ""}</Td>
                <Td className="text-right tabular-nums">{money(e.balanceCents)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <CursorPager {...cursorPages("Entries", `/money/accounts/${account.id}`, query, data.nextCursor)} />
    </>
  );
}
