import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterSelect, Input, PageHeader, PaginatedTable, Td, Th } from "@bazaar/ui";
import { StatusBadge } from "~/components/status-badge";
import { choices, formatDateTime, humanize } from "~/lib/format";
import { cursorPages, oneOf, param, type SearchParams } from "~/lib/search-params";
import { getAdminAccess } from "~/server/access";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Mailbox" };

const STATUSES = ["STORED", "SENT", "FAILED"] as const;
const statusHelp: Record<(typeof STATUSES)[number], string> = {
  STORED: "Kept here only (no SMTP_URL set)",
  SENT: "Delivered to the SMTP server",
  FAILED: "The SMTP server refused it; retried by the function",
};

/** Every mail Bazaar sent or would have sent, newest first: the local stand-in for an inbox. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if ((await getAdminAccess()).kind !== "admin") return null;
  const params = await searchParams;
  const templates = await api.mail.templates();
  const filters = { to: param(params, "to"), template: oneOf(params, "template", templates), status: oneOf(params, "status", STATUSES) };
  const result = await api.mail.list({ ...filters, cursor: param(params, "cursor") });

  return (
    <>
      <PageHeader title="Mailbox" description="Every email the system sent to buyers and sellers. Open one to read it as they did." />
      <FilterBar path="/mailbox" label="Filter emails" active={Boolean(filters.to || filters.template || filters.status)}>
        <Input label="Recipient" name="to" type="search" defaultValue={filters.to} containerClassName="sm:col-span-2" />
        <FilterSelect label="Kind" name="template" value={filters.template} anyLabel="Any kind" choices={choices(templates)} />
        <FilterSelect label="Status" name="status" value={filters.status} anyLabel="Any status" choices={choices(STATUSES)} />
      </FilterBar>

      <PaginatedTable
        caption="Emails"
        testId="mailbox-table"
        items={result.items}
        empty={{ title: "No emails yet", description: "Emails appear here as orders are placed, carts are left and stock runs low." }}
        columns={
          <>
            <Th>Subject</Th>
            <Th>To</Th>
            <Th>Kind</Th>
            <Th>Status</Th>
            <Th>Created</Th>
          </>
        }
        row={(mail) => (
          <tr key={mail.id} data-testid="mailbox-row">
            <Td>
              <Link href={`/mailbox/${mail.id}`} className="font-medium text-brand-700 hover:underline">
                {mail.subject}
              </Link>
            </Td>
            <Td className="break-all">{mail.to}</Td>
            <Td>{humanize(mail.template)}</Td>
            <Td>
              <span title={statusHelp[mail.status]}>
                <StatusBadge status={mail.status} />
              </span>
            </Td>
            <Td className="whitespace-nowrap">{formatDateTime(mail.createdAt)}</Td>
          </tr>
        )}
        pages={cursorPages("Emails", "/mailbox", params, result.nextCursor)}
      />
    </>
  );
}
