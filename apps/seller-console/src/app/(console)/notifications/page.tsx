import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@bazaar/ui";
import { NotificationList } from "~/components/notification-list";
import { getSellerAccess } from "~/server/access";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const { cursor } = await searchParams;
  const [page, unread] = await Promise.all([api.notifications.list({ cursor: cursor || undefined, limit: 30 }), api.notifications.unreadCount()]);
  return (
    <>
      <PageHeader title="Notifications" description="New orders, low stock and payouts." />
      {page.items.length === 0 ? (
        <EmptyState title="Nothing yet" description="You will hear here when an order comes in, stock runs low or a payout is sent." />
      ) : (
        <NotificationList items={page.items} unread={unread} nextHref={page.nextCursor ? `/notifications?cursor=${page.nextCursor}` : null} />
      )}
    </>
  );
}
