import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@bazaar/ui";
import { NotificationList } from "~/components/notification-list";
import { getSellerAccess } from "~/server/access";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Low-stock alerts" };

export default async function StockAlertsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const { cursor } = await searchParams;
  const [alerts, lowNow] = await Promise.all([
    api.seller.stockAlerts({ cursor: cursor || undefined, limit: 30 }),
    api.inventory.list({ lowOnly: true, limit: 1 }),
  ]);
  return (
    <>
      <Link href="/inventory" className="text-sm font-medium text-brand-700 hover:underline">
        ← Inventory
      </Link>
      <PageHeader
        title="Low-stock alerts"
        description={
          <>
            An alert arrives when a product&apos;s available units drop under the alert level you set for a warehouse.{" "}
            {lowNow.items.length > 0 ? (
              <Link href="/inventory?low=1" className="font-medium text-brand-700 hover:underline">
                See what is low right now
              </Link>
            ) : (
              "Nothing is low right now."
            )}
          </>
        }
      />
      {alerts.items.length === 0 ? (
        <EmptyState title="No alerts" description="When stock runs low you will find the alert here, in your notifications and in your email." />
      ) : (
        <NotificationList items={alerts.items} unread={alerts.unread} nextHref={alerts.nextCursor ? `/inventory/alerts?cursor=${alerts.nextCursor}` : null} />
      )}
    </>
  );
}
