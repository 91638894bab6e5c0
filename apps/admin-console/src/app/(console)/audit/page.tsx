import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterSelect, Input, PageHeader, PaginatedTable, Td, Th } from "@bazaar/ui";
import { formatDateTime } from "~/lib/format";
import { cursorPages, dateParam, isoDay, oneOf, param, type SearchParams } from "~/lib/search-params";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Audit log" };

const AREAS = ["seller.", "user.", "product.", "category.", "order.", "promo.", "settings.", "tax-rate."] as const;
const DAY = 86_400_000;

const entityHref: Record<string, (id: string) => string> = {
  Seller: (id) => `/sellers/${id}`,
  Order: (id) => `/orders/${id}`,
  PromoCode: (id) => `/promotions/${id}`,
  Product: (id) => `/catalog?q=${encodeURIComponent(id)}`,
  User: (id) => `/users?q=${encodeURIComponent(id)}`,
};

/** A JSON snapshot as "key: value" lines, which reads better than braces in a table cell. */
function Snapshot({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  if (typeof value !== "object") return <span>{JSON.stringify(value)}</span>;
  return (
    <dl className="space-y-0.5 font-mono text-xs">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <div key={k} className="break-all">
          <dt className="inline text-slate-500">{k}: </dt>
          <dd className="inline text-slate-800">{JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const from = dateParam(params, "from");
  const to = dateParam(params, "to");
  const filters = {
    q: param(params, "q"),
    action: oneOf(params, "action", AREAS),
    entityId: param(params, "entityId"),
  };
  const result = await api.admin.audit.list({
    ...filters,
    from,
    to: to ? new Date(to.getTime() + DAY) : undefined,
    cursor: param(params, "cursor"),
  });

  return (
    <>
      <PageHeader title="Audit log" description="Every administrator action: who did what, when, and what it was before and after." />
      <FilterBar path="/audit" label="Search the audit log" active={Boolean(filters.q || filters.action || filters.entityId || from || to)}>
        <Input label="Search" name="q" type="search" defaultValue={filters.q} hint="Action, reason, administrator's email or record id." />
        <FilterSelect
          label="Area"
          name="action"
          value={filters.action}
          anyLabel="Every area"
          choices={AREAS.map((a) => ({ value: a, label: a.replace(".", "") }))}
        />
        <Input label="From" name="from" type="date" defaultValue={from ? isoDay(from) : undefined} />
        <Input label="To" name="to" type="date" defaultValue={to ? isoDay(to) : undefined} />
      </FilterBar>
      <PaginatedTable
        caption="Audit log, newest first"
        testId="audit-table"
        items={result.items}
        empty={{ title: "Nothing in the audit log matches" }}
        columns={
          <>
            <Th>When</Th>
            <Th>Who</Th>
            <Th>Action</Th>
            <Th>Before</Th>
            <Th>After</Th>
          </>
        }
        row={(row) => {
          const href = entityHref[row.entityType]?.(row.entityId);
          return (
            <tr key={row.id} className="align-top">
              <Td className="align-top whitespace-nowrap">{formatDateTime(row.createdAt)}</Td>
              <Td className="max-w-48 truncate align-top">{row.actor.email}</Td>
              <Td className="min-w-48 align-top">
                <div className="font-medium text-slate-900">{row.action}</div>
                <div className="text-xs text-slate-500">
                  {row.entityType}{" "}
                  {href ? (
                    <Link href={href} className="break-all text-brand-700 hover:underline">
                      {row.entityLabel ?? row.entityId}
                    </Link>
                  ) : (
                    <span className="break-all">{row.entityLabel ?? row.entityId}</span>
                  )}
                </div>
                {row.reason ? <p className="mt-1 text-xs text-slate-700">“{row.reason}”</p> : null}
              </Td>
              <Td className="min-w-44 align-top">
                <Snapshot value={row.before} />
              </Td>
              <Td className="min-w-44 align-top">
                <Snapshot value={row.after} />
              </Td>
            </tr>
          );
        }}
        pages={cursorPages("Audit log", "/audit", params, result.nextCursor)}
      />
    </>
  );
}
