import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterSelect, Input, PageHeader, PaginatedTable, Td, Th } from "@bazaar/ui";
import { StatusBadge } from "~/components/status-badge";
import { UserActions } from "~/components/user-actions";
import { choices, formatDate, humanize } from "~/lib/format";
import { cursorPages, oneOf, param, type SearchParams } from "~/lib/search-params";
import { getAdminAccess } from "~/server/access";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Users" };

const ROLES = ["BUYER", "SELLER", "ADMIN"] as const;
const STATUSES = ["ACTIVE", "SUSPENDED"] as const;

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = {
    q: param(params, "q"),
    role: oneOf(params, "role", ROLES),
    status: oneOf(params, "status", STATUSES),
  };
  const [access, result] = await Promise.all([getAdminAccess(), api.admin.users.search({ ...filters, cursor: param(params, "cursor") })]);
  const selfId = access.kind === "admin" ? access.account.userId : null;

  return (
    <>
      <PageHeader title="Users" description="Find accounts, change roles, suspend and reinstate." />
      <FilterBar path="/users" label="Search users" active={Boolean(filters.q || filters.role || filters.status)}>
        <Input label="Email or name" name="q" type="search" defaultValue={filters.q} containerClassName="sm:col-span-2" />
        <FilterSelect label="Role" name="role" value={filters.role} anyLabel="Any role" choices={choices(ROLES)} />
        <FilterSelect label="Status" name="status" value={filters.status} anyLabel="Any status" choices={choices(STATUSES)} />
      </FilterBar>

      <PaginatedTable
        caption="Users"
        testId="users-table"
        items={result.items}
        empty={{
          title: "No users match",
          description: "Try part of an email address, or clear the filters.",
        }}
        columns={
          <>
            <Th>User</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th className="text-right">Orders</Th>
            <Th>Joined</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </>
        }
        row={(u) => (
          <tr key={u.id} data-testid="user-row">
            <Td>
              <div className="font-medium text-slate-900">{u.email}</div>
              <div className="text-xs text-slate-500">
                {u.name ?? "—"}
                {u.id === selfId ? " · you" : ""}
              </div>
            </Td>
            <Td>
              {humanize(u.role)}
              {u.seller ? (
                <div className="text-xs">
                  <Link href={`/sellers/${u.seller.id}`} className="text-brand-700 hover:underline">
                    {u.seller.shopName}
                  </Link>
                </div>
              ) : null}
            </Td>
            <Td>
              <StatusBadge status={u.status} />
            </Td>
            <Td className="text-right tabular-nums">{u._count.orders}</Td>
            <Td className="whitespace-nowrap">{formatDate(u.createdAt)}</Td>
            <Td>
              <UserActions userId={u.id} email={u.email} role={u.role} status={u.status} isSelf={u.id === selfId} />
            </Td>
          </tr>
        )}
        pages={cursorPages("Users", "/users", params, result.nextCursor)}
      />
    </>
  );
}
